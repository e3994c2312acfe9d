package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.processes.procedure.ApplicationRecord.*;

import java.util.Map;
import java.util.Set;

/**
 * The status and stage transitions of an application, as a plain rule: which step may follow from which stage, and
 * what the application's status and stage are after it. The store applies the result; the delegates only name the
 * step. A step from a stage it may not follow (a token moved by hand, a step reached without its predecessors) is
 * refused here instead of rewriting a decided case. Plain Java, tested without Spring, database or engine.
 */
public final class ApplicationLifecycle {

  /** A step of the procedure that changes the application's status or stage. */
  public enum Step {
    /** 形式審査 (first or after a correction). */
    CHECK_COMPLETENESS,
    /** 補正要求: the clock stops. */
    REQUEST_CORRECTION,
    /** 補正期限が近い: the applicant is reminded; the clock stays stopped. */
    REMIND_CORRECTION,
    /** 補正受領: the clock runs again. */
    RESUME,
    /** The review task appears (first, or again after 否認, 引戻し or an unresolved route). */
    START_REVIEW,
    /** The reviewer sends the draft to the 決裁. */
    SEND_TO_DECISION,
    /** 否認 of the draft: back to review. */
    REJECT_DRAFT,
    /** 許可 or 申請拒否処分 after an approved 決裁. */
    DECIDE,
    /** No answer by the correction deadline: refused or deemed withdrawn. */
    DECIDE_UNANSWERED,
    /** 取下げ: until the decision. */
    WITHDRAW,
    /** The notice is recorded: the case is closed. */
    CLOSE
  }

  /** Status and stage after a step. */
  public record State(String status, String stage) {}

  /** Thrown when a step may not follow the application's current stage. */
  public static final class NotAllowedException extends IllegalStateException {
    NotAllowedException(String message) {
      super(message);
    }
  }

  private static final Set<String> OPEN_STAGES = Set.of(STAGE_ARRIVAL, STAGE_COMPLETENESS_CHECK, STAGE_CORRECTION,
      STAGE_REVIEW, STAGE_DECISION);

  /** From which stages each step may be taken. */
  private static final Map<Step, Set<String>> FROM = Map.ofEntries(
      Map.entry(Step.CHECK_COMPLETENESS, Set.of(STAGE_ARRIVAL, STAGE_COMPLETENESS_CHECK)),
      Map.entry(Step.REQUEST_CORRECTION, Set.of(STAGE_COMPLETENESS_CHECK)),
      Map.entry(Step.REMIND_CORRECTION, Set.of(STAGE_CORRECTION)),
      Map.entry(Step.RESUME, Set.of(STAGE_CORRECTION)),
      Map.entry(Step.START_REVIEW, Set.of(STAGE_COMPLETENESS_CHECK, STAGE_REVIEW, STAGE_DECISION)),
      Map.entry(Step.SEND_TO_DECISION, Set.of(STAGE_REVIEW)),
      Map.entry(Step.REJECT_DRAFT, Set.of(STAGE_DECISION)),
      Map.entry(Step.DECIDE, Set.of(STAGE_DECISION)),
      Map.entry(Step.DECIDE_UNANSWERED, Set.of(STAGE_CORRECTION)),
      Map.entry(Step.WITHDRAW, OPEN_STAGES),
      Map.entry(Step.CLOSE, Set.of(STAGE_NOTIFICATION)));

  private ApplicationLifecycle() {}

  /**
   * The status and stage after {@code step}; the outcome of DECIDE, DECIDE_UNANSWERED and WITHDRAW is the status.
   *
   * @throws NotAllowedException when the application is decided already (except for CLOSE) or its stage does not
   *     allow the step
   */
  public static State after(ApplicationRecord application, Step step, String outcome) {
    boolean decided = application.isFinal();
    if (step == Step.CLOSE ? !decided : decided) {
      throw new NotAllowedException("application " + application.id() + (decided ? " is decided already ("
          + application.outcome() + ")" : " has no outcome yet") + ": " + step + " is not allowed");
    }
    if (!FROM.get(step).contains(application.stage())) {
      throw new NotAllowedException("application " + application.id() + " is at stage " + application.stage()
          + ": " + step + " may follow only " + FROM.get(step));
    }
    return switch (step) {
      case CHECK_COMPLETENESS -> new State(STATUS_RECEIVED, STAGE_COMPLETENESS_CHECK);
      case REQUEST_CORRECTION, REMIND_CORRECTION -> new State(STATUS_AWAITING_CORRECTION, STAGE_CORRECTION);
      case RESUME -> new State(STATUS_RECEIVED, STAGE_COMPLETENESS_CHECK);
      case START_REVIEW, REJECT_DRAFT -> new State(STATUS_UNDER_REVIEW, STAGE_REVIEW);
      case SEND_TO_DECISION -> new State(STATUS_DECIDING, STAGE_DECISION);
      case DECIDE, DECIDE_UNANSWERED, WITHDRAW -> new State(requireOutcome(outcome), STAGE_NOTIFICATION);
      case CLOSE -> new State(application.status(), STAGE_CLOSED);
    };
  }

  public static State after(ApplicationRecord application, Step step) {
    return after(application, step, null);
  }

  /** Whether the step may follow now (for the paths that must not throw, e.g. a timer firing late). */
  public static boolean allows(ApplicationRecord application, Step step) {
    try {
      after(application, step, "x");
      return true;
    } catch (NotAllowedException e) {
      return false;
    }
  }

  private static String requireOutcome(String outcome) {
    if (outcome == null || outcome.isBlank()) {
      throw new IllegalArgumentException("a deciding step needs its outcome");
    }
    return outcome;
  }
}
