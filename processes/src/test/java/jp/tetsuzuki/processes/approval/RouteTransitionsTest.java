package jp.tetsuzuki.processes.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.demo.ApprovalDemoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The transitions of an approval route (決裁) as a table: state × command × actor → the new state and the action
 * recorded, or the refusal staff read in Japanese (and then nothing changed). The real {@link Route} and
 * {@link ApprovalService} on an {@link InMemoryApprovalStore}: no engine, no Spring, no database.
 *
 * <p>The route of every row, for a document of 都市計画課 drafted by staff-ku:
 * 1 決裁 課長 kacho-ku → 2 合議 契約課長 kacho-keiyaku-ku and 会計課長 kacho-kaikei-ku → 3 回覧 広報課長
 * kacho-kouhou-ku → 4 決裁 部長 bucho-ku. dairi-ku is kacho-ku's registered substitute (代理), and so is the
 * originator staff-ku (as in attack review 3 A14: the principal may register anybody); kacho-ku and kyokucho-ku are
 * bucho-ku's. Nobody acts twice on the route and its drafter never decides it, also not as 代理 or 代決 (A14, A15).
 */
class RouteTransitionsTest {

  static final String TENANT = "demo-ku";
  static final String ORIGINATOR = "staff-ku";
  /** Monday 2025-11-10 10:00 in Tokyo. */
  static final Instant MONDAY = Instant.parse("2025-11-10T01:00:00Z");
  static final Set<String> MEMBERS = Set.of(ORIGINATOR, "kacho-ku", "bucho-ku", "kyokucho-ku", "kacho-keiyaku-ku",
      "kacho-kaikei-ku", "kacho-kouhou-ku", "dairi-ku");

  @ParameterizedTest(name = "[{index}] {0} × {1} by {2} → {3}")
  @CsvSource(delimiter = '|', nullValues = "", textBlock = """
      # state         | command                        | actor            | new state, or ✗ the refusal | action recorded
      1課長           | approve                        | kacho-ku         | IN_PROGRESS@2 kacho-keiyaku-ku,kacho-kaikei-ku | APPROVED kacho-ku
      1課長           | approve                        | dairi-ku         | IN_PROGRESS@2 kacho-keiyaku-ku,kacho-kaikei-ku | APPROVED dairi-ku（kacho-ku の代理）
      1課長           | approve                        | bucho-ku         | ✗ FORBIDDEN 「bucho-ku」はこの段階の担当者「kacho-ku」でも、その代理者でもありません。 |
      1課長           | approve                        | staff-ku         | ✗ FORBIDDEN 「staff-ku」はこの決裁の起案者のため、「kacho-ku」の代理・代決はできません（起案者は自分の起案を決裁できません）。 |
      1課長           | sendBack:0                     | staff-ku         | ✗ FORBIDDEN 「staff-ku」はこの決裁の起案者のため、「kacho-ku」の代理・代決はできません（起案者は自分の起案を決裁できません）。 |
      1課長           | approve                        |                  | ✗ FORBIDDEN 操作した職員が分かりません。 |
      1課長           | approve+kyokucho-ku            | kacho-ku         | IN_PROGRESS@2 kyokucho-ku | APPROVER_ADDED kacho-ku → 2 「kyokucho-ku」
      1課長           | approve+staff-ku               | kacho-ku         | ✗ INVALID 起案者を承認者に追加することはできません。 |
      1課長           | approve+kacho-ku               | kacho-ku         | ✗ INVALID 「kacho-ku」はこの段階を決裁する本人のため、承認者に追加できません（同じ決裁で同じ職員が二度決裁・合議することはできません）。 |
      1課長           | approve+dairi-ku               | dairi-ku         | ✗ INVALID 「dairi-ku」はこの段階を決裁する本人のため、承認者に追加できません（同じ決裁で同じ職員が二度決裁・合議することはできません）。 |
      1課長           | approve+kacho-ku               | dairi-ku         | ✗ INVALID 「kacho-ku」はこの決裁の 1 番目の決裁の担当者のため、承認者に追加できません（同じ決裁で同じ職員が二度決裁・合議することはできません）。 |
      1課長           | approve+bucho-ku               | kacho-ku         | ✗ INVALID 「bucho-ku」はこの決裁の 4 番目の決裁の担当者のため、承認者に追加できません（同じ決裁で同じ職員が二度決裁・合議することはできません）。 |
      1課長           | approve+kacho-keiyaku-ku       | kacho-ku         | ✗ INVALID 「kacho-keiyaku-ku」はこの決裁の 2 番目の合議の担当者のため、承認者に追加できません（同じ決裁で同じ職員が二度決裁・合議することはできません）。 |
      1課長           | approve+nobody-ku              | kacho-ku         | ✗ INVALID 追加する承認者「nobody-ku」はこの団体の職員ではありません。 |
      1課長           | approve-2001-characters        | kacho-ku         | ✗ INVALID コメントは 2000 文字以内で入力してください。 |
      1課長           | decide:maybe                   | kacho-ku         | ✗ INVALID 承認・否認・差戻しのいずれかを選んでください。 |
      1課長           | reject                         | kacho-ku         | REJECTED@1 - | REJECTED kacho-ku
      1課長           | sendBack:0                     | kacho-ku         | SENT_BACK@0 - | SENT_BACK kacho-ku → 0
      1課長           | sendBack:1                     | kacho-ku         | ✗ INVALID 最初の段階からの差戻し先は起案者（0）だけです。 |
      1課長           | agree:kacho-keiyaku-ku         | kacho-keiyaku-ku | ✗ CONFLICT 1 番目に「kacho-keiyaku-ku」の処理中の合議はありません。 |
      1課長           | revise:withdraw                | staff-ku         | ✗ CONFLICT この決裁は起案者への差戻し中ではありません。 |
      1課長           | withdraw                       | staff-ku         | WITHDRAWN@1 - | WITHDRAWN staff-ku
      1課長           | withdraw                       | kacho-ku         | ✗ FORBIDDEN 引戻しできるのは起案者「staff-ku」だけです。 |
      1課長           | withdraw                       | dairi-ku         | ✗ FORBIDDEN 引戻しできるのは起案者「staff-ku」だけです。 |
      1課長           | remind                         |                  | IN_PROGRESS@1 kacho-ku | REMINDED 「kacho-ku」
      1課長           | escalate                       |                  | IN_PROGRESS@1 kacho-ku | ESCALATED 「kyokucho-ku, demo-ku-supervisors」
      1課長・期限超過 | approve                        | kyokucho-ku      | IN_PROGRESS@2 kacho-keiyaku-ku,kacho-kaikei-ku | APPROVED kyokucho-ku（kacho-ku の代理）
      1課長・期限超過 | approve                        | bucho-ku         | ✗ FORBIDDEN 「bucho-ku」はこの段階の担当者「kacho-ku」でも、その代理者でもありません。 |
      2合議           | agree:kacho-keiyaku-ku         | kacho-keiyaku-ku | IN_PROGRESS@2 kacho-kaikei-ku | CONSULTATION_AGREED kacho-keiyaku-ku
      2合議           | disagree:kacho-keiyaku-ku      | kacho-keiyaku-ku | IN_PROGRESS@2 kacho-kaikei-ku | CONSULTATION_DISAGREED kacho-keiyaku-ku 「予算の裏付けがない」
      2合議           | silent:kacho-keiyaku-ku        | kacho-keiyaku-ku | ✗ INVALID 異議にはその理由を記入してください。 |
      2合議           | opinion-maybe:kacho-keiyaku-ku | kacho-keiyaku-ku | ✗ INVALID 同意か異議かを選んでください。 |
      2合議           | agree:kacho-keiyaku-ku         | kacho-kaikei-ku  | ✗ FORBIDDEN 「kacho-kaikei-ku」はこの段階の担当者「kacho-keiyaku-ku」でも、その代理者でもありません。 |
      2合議           | finishConsultation             |                  | ✗ CONFLICT 2 番目の合議はまだ全員が回答していません。 |
      2合議           | approve                        | kacho-ku         | ✗ CONFLICT 2 番目に処理中の決裁はありません。 |
      2合議・全員同意 | finishConsultation             |                  | IN_PROGRESS@3 - | CONSULTATION_AGREED kacho-kaikei-ku
      2合議・異議あり | finishConsultation             |                  | IN_PROGRESS@1 kacho-ku | RETURNED_BY_CONSULTATION → 1 「kacho-keiyaku-ku」
      3回覧           | circulate                      |                  | IN_PROGRESS@4 bucho-ku | CIRCULATED 「kacho-kouhou-ku」
      4部長           | approve                        | bucho-ku         | APPROVED@4 - | APPROVED bucho-ku
      4部長           | approve                        | dairi-ku         | ✗ FORBIDDEN 「dairi-ku」はこの段階の担当者「bucho-ku」でも、その代理者でもありません。 |
      4部長           | approve                        | kacho-ku         | ✗ FORBIDDEN 「kacho-ku」はこの決裁の 1 番目の決裁の担当者のため、「bucho-ku」の代理・代決はできません（同じ決裁で同じ職員が二度決裁・合議することはできません）。 |
      4部長           | approve                        | kyokucho-ku      | APPROVED@4 - | APPROVED kyokucho-ku（bucho-ku の代理）
      4部長・代決後   | approve                        | kyokucho-ku      | ✗ FORBIDDEN 「kyokucho-ku」はこの決裁の 1 番目の段階ですでに承認しています（「kacho-ku」の代理・代決）。「bucho-ku」の代理・代決はできません（同じ決裁で同じ職員が二度決裁・合議することはできません）。 |
      4部長・代決後   | approve+kyokucho-ku            | bucho-ku         | ✗ INVALID 「kyokucho-ku」はこの決裁ですでに決裁・合議した職員のため、承認者に追加できません（同じ決裁で同じ職員が二度決裁・合議することはできません）。 |
      4部長・代決後   | approve                        | bucho-ku         | APPROVED@4 - | APPROVED bucho-ku
      4部長           | sendBack:1                     | bucho-ku         | IN_PROGRESS@1 kacho-ku | SENT_BACK bucho-ku → 1
      4部長           | sendBack:0                     | bucho-ku         | SENT_BACK@0 - | SENT_BACK bucho-ku → 0
      4部長           | sendBack:2                     | bucho-ku         | ✗ INVALID 2 番目は決裁の段階ではないため、差戻し先にできません。 |
      4部長           | sendBack:4                     | bucho-ku         | ✗ INVALID 差戻し先は起案者（0）かこれより前の段階（1〜3）を指定してください。 |
      4部長           | read:3                         | kacho-kouhou-ku  | IN_PROGRESS@4 bucho-ku | READ kacho-kouhou-ku
      4部長           | read:3                         | bucho-ku         | ✗ FORBIDDEN 「bucho-ku」は 3 番目の回覧先ではありません。 |
      4部長           | escalate                       |                  | IN_PROGRESS@4 bucho-ku | ESCALATED 「kyokucho-ku, demo-ku-supervisors」
      差戻し中        | revise:resubmit                | staff-ku         | IN_PROGRESS@1 kacho-ku | RESUBMITTED staff-ku
      差戻し中        | revise:resubmit                | kacho-ku         | ✗ FORBIDDEN 差戻しに対応できるのは起案者「staff-ku」だけです。 |
      差戻し中        | revise:maybe                   | staff-ku         | ✗ INVALID 再提出か引戻しかを選んでください。 |
      差戻し中        | revise:withdraw                | staff-ku         | WITHDRAWN@0 - | WITHDRAWN staff-ku
      差戻し中        | approve                        | kacho-ku         | ✗ CONFLICT 0 番目に処理中の決裁はありません。 |
      決裁済          | withdraw                       | staff-ku         | ✗ CONFLICT この決裁はすでに終了しています（決裁済）。 |
      決裁済          | approve                        | bucho-ku         | ✗ CONFLICT この決裁はすでに終了しています（決裁済）。 |
      決裁済          | read:3                         | kacho-kouhou-ku  | APPROVED@4 - | READ kacho-kouhou-ku
      否認            | revise:resubmit                | staff-ku         | ✗ CONFLICT この決裁はすでに終了しています（否認）。 |
      引戻し          | remind                         |                  | ✗ CONFLICT この決裁はすでに終了しています（引戻し）。 |
      """)
  void transition(String state, String command, String actor, String expected, String action) {
    Fixture route = Fixture.at(state);
    if (expected.startsWith("✗")) {
      Snapshot before = route.snapshot();
      ApprovalException refusal = catchThrowableOfType(ApprovalException.class, () -> route.run(command, actor));
      assertThat(refusal).as("refused").isNotNull();
      assertThat("✗ " + refusal.reason() + " " + refusal.japanese()).isEqualTo(expected);
      assertThat(refusal.getMessage()).contains(refusal.japanese());
      assertThat(route.snapshot()).as("nothing changed").isEqualTo(before);
    } else {
      route.run(command, actor);
      assertThat(route.state()).isEqualTo(expected);
      assertThat(route.lastAction()).isEqualTo(action);
    }
  }

  @Test
  void aSubstituteActsAgainForTheSameApproverAfterASendBackButNeverForAnother() {
    Fixture route = Fixture.at("1課長");
    route.steps("approve dairi-ku", "agree:kacho-keiyaku-ku kacho-keiyaku-ku",
        "agree:kacho-kaikei-ku kacho-kaikei-ku", "finishConsultation -", "circulate -", "sendBack:1 bucho-ku");
    route.run("approve", "dairi-ku");
    assertThat(route.lastAction()).isEqualTo("APPROVED dairi-ku（kacho-ku の代理）");
    assertThat(route.state()).isEqualTo("IN_PROGRESS@2 kacho-keiyaku-ku,kacho-kaikei-ku");
    // what the Tasklist offers follows the same rule: the drafter and whoever holds a step are no candidates
    Route loaded = Route.load(route.store.find(route.id).orElseThrow(), route.store.steps(route.id),
        route.store.actions(route.id), StepDeadlines.national(), MONDAY);
    assertThat(loaded.mayStandIn("kacho-ku", "dairi-ku")).isTrue();
    assertThat(loaded.mayStandIn("bucho-ku", "dairi-ku")).as("acted for kacho-ku").isFalse();
    assertThat(loaded.mayStandIn("kacho-ku", ORIGINATOR)).isFalse();
    assertThat(loaded.mayStandIn("bucho-ku", "kacho-ku")).as("holds step 1").isFalse();
    assertThat(loaded.mayStandIn("bucho-ku", "kyokucho-ku")).isTrue();
    assertThat(route.service.activeSubstitutesOn(route.id, TENANT, "kacho-ku")).containsExactly("dairi-ku");
    assertThat(route.service.activeSubstitutesOn(route.id, TENANT, "bucho-ku")).containsExactly("kyokucho-ku");
  }

  @Test
  void aCirculationAlreadySentIsNotSentAgainAfterASendBack() {
    Fixture route = Fixture.at("4部長");
    route.run("sendBack:1", "bucho-ku");
    route.run("approve", "kacho-ku");
    route.run("agree:kacho-keiyaku-ku", "kacho-keiyaku-ku");
    route.run("agree:kacho-kaikei-ku", "kacho-kaikei-ku");
    Route.Activation next = route.service.finishConsultation(route.id);
    assertThat(next.next()).isEqualTo(ApprovalRoute.NEXT_APPROVAL);
    assertThat(next.approver()).isEqualTo("bucho-ku");
    assertThat(route.state()).isEqualTo("IN_PROGRESS@4 bucho-ku");
    assertThat(route.store.actions(route.id)).filteredOn(a -> a.action() == ActionType.CIRCULATED).hasSize(1);
  }

  @Test
  void aRouteThatEndsOnItsConsultationIsDecidedByItsLastApproval() {
    Fixture route = Fixture.open(List.of(
        rule(10, StepKind.APPROVAL, ApproverRole.KACHO, null),
        rule(20, StepKind.CONSULTATION, ApproverRole.KACHO, "keiyaku")));
    route.service.decide(route.id, "kacho-ku", new Route.Decision(ApprovalRoute.DECISION_APPROVE, "了", null, null));
    route.run("agree:kacho-keiyaku-ku", "kacho-keiyaku-ku");
    Route.Activation end = route.service.finishConsultation(route.id);
    assertThat(end.outcome()).isEqualTo(ApprovalRoute.OUTCOME_APPROVED);
    assertThat(end.decidedBy()).isEqualTo("kacho-ku");
    assertThat(end.comment()).isEqualTo("了");
    assertThat(route.state()).isEqualTo("APPROVED@2 -");
  }

  @Test
  void aStepIsDueAtTheEndOfItsLastOpenDayAndRemindedAtNineThatMorning() {
    Fixture route = Fixture.at("1課長");
    Route.Activation next = route.service.decide(route.id, "kacho-ku",
        new Route.Decision(ApprovalRoute.DECISION_APPROVE, null, null, null));
    // started Monday 2025-11-10 with the default 3 open days: Thursday 11-13 is the last day
    assertThat(next.dueAt()).isEqualTo(LocalDate.of(2025, 11, 14).atStartOfDay(JapanTime.ZONE).toInstant());
    assertThat(next.reminderAt()).isEqualTo(LocalDate.of(2025, 11, 13).atTime(9, 0).atZone(JapanTime.ZONE)
        .toInstant());
  }

  @Test
  void aRequestWithoutItsOriginatorIsRefusedBeforeTheRouteTableIsRead() {
    ApprovalService service = Fixture.service(new InMemoryApprovalStore());
    assertThatThrownBy(() -> service.plan(new Route.Request("pi-x", TENANT, "件名", ApprovalRoute.KIND_PROCEDURE, 0,
        "toshikeikaku", null, " "), List.of()))
        .isInstanceOfSatisfying(ApprovalException.class, e -> {
          assertThat(e.field()).isEqualTo(ApprovalRoute.ORIGINATOR);
          assertThat(e.japanese()).isEqualTo("起案者を入力してください。");
        });
  }

  // ---- the route under test

  record Snapshot(ApprovalCase route, List<RouteStep> steps, List<ActionRecord> actions) {}

  static final class Fixture {
    final InMemoryApprovalStore store = new InMemoryApprovalStore();
    final ApprovalService service = service(store);
    final String id = "pi-1";

    static ApprovalService service(ApprovalStore store) {
      List<OrgUnit> units = new ArrayList<>(ApprovalDemoData.organisation(TENANT));
      units.add(new OrgUnit("kouhou", "広報課", OrgUnit.Level.KA, "zaimu", "kacho-kouhou-ku"));
      OrganisationChart chart = new OrganisationChart(units);
      Map<String, List<String>> substituteOf = Map.of("kacho-ku", List.of("dairi-ku", ORIGINATOR),
          "bucho-ku", List.of("kacho-ku", "kyokucho-ku"));
      ActiveSubstitutes substitutes = (tenant, principal, day) -> substituteOf.getOrDefault(principal, List.of());
      return new ApprovalService(store, tenant -> chart, substitutes, new Members(), StepDeadlines.national(),
          Clock.fixed(MONDAY, ZoneOffset.UTC));
    }

    static Fixture open(List<RouteRule> rules) {
      Fixture f = new Fixture();
      f.service.plan(new Route.Request(f.id, TENANT, "道路占用の許可", ApprovalRoute.KIND_PROCEDURE, 0,
          "toshikeikaku", "road-occupancy", ORIGINATOR), rules);
      return f;
    }

    static Fixture at(String state) {
      Fixture f = open(List.of(
          rule(10, StepKind.APPROVAL, ApproverRole.KACHO, null),
          rule(20, StepKind.CONSULTATION, ApproverRole.KACHO, "keiyaku"),
          rule(20, StepKind.CONSULTATION, ApproverRole.KACHO, "kaikei"),
          rule(30, StepKind.CIRCULATION, ApproverRole.KACHO, "kouhou"),
          rule(40, StepKind.APPROVAL, ApproverRole.BUCHO, null)));
      switch (state) {
        case "1課長" -> { }
        case "1課長・期限超過" -> f.run("escalate", null);
        case "2合議" -> f.run("approve", "kacho-ku");
        case "2合議・全員同意" -> f.steps("approve kacho-ku", "agree:kacho-keiyaku-ku kacho-keiyaku-ku",
            "agree:kacho-kaikei-ku kacho-kaikei-ku");
        case "2合議・異議あり" -> f.steps("approve kacho-ku", "disagree:kacho-keiyaku-ku kacho-keiyaku-ku",
            "agree:kacho-kaikei-ku kacho-kaikei-ku");
        case "3回覧" -> f.steps("approve kacho-ku", "agree:kacho-keiyaku-ku kacho-keiyaku-ku",
            "agree:kacho-kaikei-ku kacho-kaikei-ku", "finishConsultation -");
        case "4部長" -> f.steps("approve kacho-ku", "agree:kacho-keiyaku-ku kacho-keiyaku-ku",
            "agree:kacho-kaikei-ku kacho-kaikei-ku", "finishConsultation -", "circulate -");
        case "4部長・代決後" -> f.steps("escalate -", "approve kyokucho-ku", "agree:kacho-keiyaku-ku kacho-keiyaku-ku",
            "agree:kacho-kaikei-ku kacho-kaikei-ku", "finishConsultation -", "circulate -");
        case "差戻し中" -> f.run("sendBack:0", "kacho-ku");
        case "決裁済" -> f.steps("approve kacho-ku", "agree:kacho-keiyaku-ku kacho-keiyaku-ku",
            "agree:kacho-kaikei-ku kacho-kaikei-ku", "finishConsultation -", "circulate -", "approve bucho-ku");
        case "否認" -> f.run("reject", "kacho-ku");
        case "引戻し" -> f.run("withdraw", ORIGINATOR);
        default -> throw new IllegalArgumentException("unknown state " + state);
      }
      return f;
    }

    private void steps(String... commands) {
      for (String c : commands) {
        String[] parts = c.split(" ");
        run(parts[0], parts[1].equals("-") ? null : parts[1]);
      }
    }

    void run(String command, String actor) {
      String[] parts = command.split("[:+]", 2);
      String argument = parts.length > 1 ? parts[1] : null;
      switch (parts[0]) {
        case "approve" -> decide(actor, ApprovalRoute.DECISION_APPROVE, null, null, argument);
        case "approve-2001-characters" -> decide(actor, ApprovalRoute.DECISION_APPROVE, "了".repeat(2001), null, null);
        case "reject" -> decide(actor, ApprovalRoute.DECISION_REJECT, null, null, null);
        case "sendBack" -> decide(actor, ApprovalRoute.DECISION_SEND_BACK, null, Integer.valueOf(argument), null);
        case "decide" -> decide(actor, argument, null, null, null);
        case "agree" -> service.answerConsultation(id, actor, argument, ApprovalRoute.OPINION_AGREE, null);
        case "disagree" -> service.answerConsultation(id, actor, argument, ApprovalRoute.OPINION_DISAGREE,
            "予算の裏付けがない");
        case "silent" -> service.answerConsultation(id, actor, argument, ApprovalRoute.OPINION_DISAGREE, " ");
        case "opinion-maybe" -> service.answerConsultation(id, actor, argument, "maybe", null);
        case "finishConsultation" -> service.finishConsultation(id);
        case "circulate" -> service.circulate(id);
        case "read" -> service.recordRead(id, actor, Integer.parseInt(argument), null);
        case "revise" -> service.revise(id, actor, argument, null);
        case "withdraw" -> service.withdraw(id, actor, null);
        case "remind" -> service.remind(id);
        case "escalate" -> service.escalate(id);
        default -> throw new IllegalArgumentException("unknown command " + command);
      }
    }

    private void decide(String actor, String decision, String comment, Integer sendBackTo, String added) {
      service.decide(id, actor, new Route.Decision(decision, comment, sendBackTo, added));
    }

    /** {@code STATUS@position} and the users who must act now ({@code -}: nobody, as on an ended route). */
    String state() {
      ApprovalCase c = store.find(id).orElseThrow();
      String active = store.steps(id).stream()
          .filter(s -> c.status().isOpen() && s.position() == c.currentPosition()
              && s.status() == RouteStep.Status.ACTIVE)
          .map(RouteStep::userId).collect(Collectors.joining(","));
      return c.status() + "@" + c.currentPosition() + " " + (active.isEmpty() ? "-" : active);
    }

    String lastAction() {
      List<ActionRecord> actions = store.actions(id);
      ActionRecord a = actions.get(actions.size() - 1);
      return a.action() + (a.actorId() == null ? "" : " " + a.actorId())
          + (a.onBehalfOf() == null ? "" : "（" + a.onBehalfOf() + " の代理）")
          + (a.targetPosition() == null ? "" : " → " + a.targetPosition())
          + (a.comment() == null ? "" : " 「" + a.comment() + "」");
    }

    Snapshot snapshot() {
      return new Snapshot(store.find(id).orElseThrow(), store.steps(id), store.actions(id));
    }
  }

  static RouteRule rule(int order, StepKind kind, ApproverRole role, String department) {
    return new RouteRule(order, kind, role, department, RouteRule.DEFAULT_STEP_DAYS);
  }

  /** Everyone of {@link #MEMBERS} belongs to the tenant; nobody manages it. */
  static final class Members implements TenantMembers {
    @Override
    public boolean isMember(String tenantId, String userId) {
      return TENANT.equals(tenantId) && MEMBERS.contains(userId);
    }

    @Override
    public boolean isManager(String tenantId, String userId) {
      return false;
    }

    @Override
    public boolean isPerson(String userId) {
      return MEMBERS.contains(userId);
    }

    @Override
    public boolean isInGroup(String userId, String groupId) {
      return false;
    }

    @Override
    public String displayName(String userId) {
      return userId;
    }
  }
}
