package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.processes.procedure.ApplicationLifecycle.Step.*;
import static jp.tetsuzuki.processes.procedure.ApplicationRecord.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import jp.tetsuzuki.processes.procedure.ApplicationLifecycle.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The status and stage transitions of an application (domain/administrative-procedures.md: 到達 → 形式審査 →
 * 補正 → 審査 → 決裁 → 処分 → 通知; 取下げ until the decision), as a table. Plain JUnit: no Spring, database or engine.
 */
class ApplicationLifecycleTest {

  static Stream<Arguments> allowed() {
    return Stream.of(
        // step, from stage, outcome before, outcome given → status, stage after
        Arguments.of(CHECK_COMPLETENESS, STAGE_ARRIVAL, null, null, STATUS_RECEIVED, STAGE_COMPLETENESS_CHECK),
        Arguments.of(CHECK_COMPLETENESS, STAGE_COMPLETENESS_CHECK, null, null, STATUS_RECEIVED,
            STAGE_COMPLETENESS_CHECK),
        Arguments.of(REQUEST_CORRECTION, STAGE_COMPLETENESS_CHECK, null, null, STATUS_AWAITING_CORRECTION,
            STAGE_CORRECTION),
        Arguments.of(REMIND_CORRECTION, STAGE_CORRECTION, null, null, STATUS_AWAITING_CORRECTION, STAGE_CORRECTION),
        Arguments.of(RESUME, STAGE_CORRECTION, null, null, STATUS_RECEIVED, STAGE_COMPLETENESS_CHECK),
        Arguments.of(START_REVIEW, STAGE_COMPLETENESS_CHECK, null, null, STATUS_UNDER_REVIEW, STAGE_REVIEW),
        // again after 否認, 引戻し or an unresolved route
        Arguments.of(START_REVIEW, STAGE_REVIEW, null, null, STATUS_UNDER_REVIEW, STAGE_REVIEW),
        Arguments.of(START_REVIEW, STAGE_DECISION, null, null, STATUS_UNDER_REVIEW, STAGE_REVIEW),
        Arguments.of(SEND_TO_DECISION, STAGE_REVIEW, null, null, STATUS_DECIDING, STAGE_DECISION),
        Arguments.of(REJECT_DRAFT, STAGE_DECISION, null, null, STATUS_UNDER_REVIEW, STAGE_REVIEW),
        Arguments.of(DECIDE, STAGE_DECISION, null, "granted", "granted", STAGE_NOTIFICATION),
        Arguments.of(DECIDE, STAGE_DECISION, null, "refused", "refused", STAGE_NOTIFICATION),
        Arguments.of(DECIDE_UNANSWERED, STAGE_CORRECTION, null, "deemed-withdrawn", "deemed-withdrawn",
            STAGE_NOTIFICATION),
        Arguments.of(WITHDRAW, STAGE_ARRIVAL, null, "withdrawn", "withdrawn", STAGE_NOTIFICATION),
        Arguments.of(WITHDRAW, STAGE_CORRECTION, null, "withdrawn", "withdrawn", STAGE_NOTIFICATION),
        Arguments.of(WITHDRAW, STAGE_DECISION, null, "withdrawn", "withdrawn", STAGE_NOTIFICATION),
        Arguments.of(CLOSE, STAGE_NOTIFICATION, "granted", null, "granted", STAGE_CLOSED));
  }

  @ParameterizedTest(name = "{0} from {1} → {4}/{5}")
  @MethodSource("allowed")
  void stepsLeadToTheirStatusAndStage(Step step, String from, String outcomeBefore, String outcome, String status,
      String stage) {
    ApplicationLifecycle.State state = ApplicationLifecycle.after(application(from, outcomeBefore), step, outcome);
    assertThat(state).isEqualTo(new ApplicationLifecycle.State(status, stage));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        // a disposition without review and 決裁 (a token moved to 許可)
        Arguments.of(DECIDE, STAGE_REVIEW, null),
        Arguments.of(DECIDE, STAGE_COMPLETENESS_CHECK, null),
        // a decided case is not decided, withdrawn or reviewed again
        Arguments.of(DECIDE, STAGE_NOTIFICATION, "refused"),
        Arguments.of(WITHDRAW, STAGE_NOTIFICATION, "granted"),
        Arguments.of(WITHDRAW, STAGE_CLOSED, "granted"),
        Arguments.of(START_REVIEW, STAGE_CLOSED, "granted"),
        Arguments.of(SEND_TO_DECISION, STAGE_COMPLETENESS_CHECK, null),
        Arguments.of(REQUEST_CORRECTION, STAGE_REVIEW, null),
        Arguments.of(RESUME, STAGE_REVIEW, null),
        // a reminder only while the correction is open, never of a decided case
        Arguments.of(REMIND_CORRECTION, STAGE_REVIEW, null),
        Arguments.of(REMIND_CORRECTION, STAGE_NOTIFICATION, "refused"),
        Arguments.of(DECIDE_UNANSWERED, STAGE_REVIEW, null),
        // nothing to close before an outcome
        Arguments.of(CLOSE, STAGE_REVIEW, null));
  }

  @ParameterizedTest(name = "{0} from {1} (outcome {2}) is refused")
  @MethodSource("refused")
  void stepsOutOfOrderAreRefused(Step step, String from, String outcomeBefore) {
    ApplicationRecord application = application(from, outcomeBefore);
    assertThatThrownBy(() -> ApplicationLifecycle.after(application, step, "granted"))
        .isInstanceOf(ApplicationLifecycle.NotAllowedException.class).hasMessageContaining(step.name());
    assertThat(ApplicationLifecycle.allows(application, step)).isFalse();
  }

  @ParameterizedTest(name = "{0} needs its outcome")
  @MethodSource("decidingSteps")
  void aDecidingStepNeedsItsOutcome(Step step, String from) {
    assertThatThrownBy(() -> ApplicationLifecycle.after(application(from, null), step))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> decidingSteps() {
    return Stream.of(Arguments.of(DECIDE, STAGE_DECISION), Arguments.of(DECIDE_UNANSWERED, STAGE_CORRECTION),
        Arguments.of(WITHDRAW, STAGE_REVIEW));
  }

  private static ApplicationRecord application(String stage, String outcome) {
    return new ApplicationRecord("a-1", "demo-ku", "road-occupancy-permit", 2, "pi-1", CHANNEL_ONLINE,
        outcome == null ? STATUS_RECEIVED : outcome, stage, LocalDate.of(2026, 11, 16), LocalDate.of(2026, 12, 7),
        false, null, 0, null, "{}", "{}", outcome, null, "api-client", Instant.EPOCH);
  }
}
