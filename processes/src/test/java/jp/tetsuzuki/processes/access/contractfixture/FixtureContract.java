package jp.tetsuzuki.processes.access.contractfixture;

import jp.tetsuzuki.bpmn.WorkerOutput;

/** A contract as a new worker's would be written: one output, one input (the input is not the worker's to report). */
public final class FixtureContract {

  /** Input: set by the platform. */
  public static final String WHICH_RECORD = "whichRecord";

  /** Output of the fixture worker. */
  @WorkerOutput("fixture-topic")
  public static final String RESULT = "fixtureResult";

  private FixtureContract() {}
}
