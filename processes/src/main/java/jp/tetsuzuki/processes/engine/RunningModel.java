package jp.tetsuzuki.processes.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/** Which model an execution runs, for glue that acts only inside the platform's own models. */
public final class RunningModel {

  private RunningModel() {}

  /** The process definition key of the execution's model, or {@code null} when it cannot be told. */
  public static String keyOf(DelegateExecution execution) {
    return execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null
        ? entity.getProcessDefinition().getKey() : null;
  }
}
