package jp.tetsuzuki.processes.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import jp.tetsuzuki.processes.demo.ApprovalDemoData;
import org.junit.jupiter.api.Test;

/** Approver resolution and route planning on organisation data, without Spring or the engine. */
class RoutePlannerTest {

  private final OrganisationChart chart = new OrganisationChart(ApprovalDemoData.organisation("demo-ku"));
  private final RoutePlanner planner = new RoutePlanner();

  @Test
  void rolesAreResolvedUpTheDepartmentsChain() {
    assertThat(chart.resolve("doro", ApproverRole.KACHO)).isEqualTo("kacho-ku");
    assertThat(chart.resolve("keiyaku", ApproverRole.KACHO)).isEqualTo("kacho-keiyaku-ku");
    assertThat(chart.resolve("keiyaku", ApproverRole.BUCHO)).isEqualTo("bucho-ku");
    assertThat(chart.resolve("hoiku", ApproverRole.KYOKUCHO)).isEqualTo("kyokucho-ku");
    assertThatThrownBy(() -> chart.resolve("nowhere", ApproverRole.KACHO))
        .isInstanceOf(OrganisationChart.ApproverNotFoundException.class).hasMessageContaining("nowhere");
  }

  @Test
  void reorganisationChangesTheApproverNotTheModel() {
    List<OrgUnit> units = new ArrayList<>(ApprovalDemoData.organisation("demo-ku"));
    // 道路管理課 moves to a new 部 headed by jicho-ku
    units.add(new OrgUnit("new-bu", "新設部", OrgUnit.Level.BU, "kusei", "jicho-ku"));
    units.removeIf(u -> u.code().equals("doro"));
    units.add(new OrgUnit("doro", "道路管理課", OrgUnit.Level.KA, "new-bu", "kacho-ku"));
    OrganisationChart reorganised = new OrganisationChart(units);
    assertThat(chart.resolve("doro", ApproverRole.BUCHO)).isEqualTo("bucho-ku");
    assertThat(reorganised.resolve("doro", ApproverRole.BUCHO)).isEqualTo("jicho-ku");
  }

  @Test
  void vacantPostMeansNoRoute() {
    List<OrgUnit> units = new ArrayList<>(ApprovalDemoData.organisation("demo-ku"));
    units.removeIf(u -> u.code().equals("zaimu"));
    units.add(new OrgUnit("zaimu", "財務部", OrgUnit.Level.BU, "kusei", null));
    assertThatThrownBy(() -> new OrganisationChart(units).resolve("kaikei", ApproverRole.BUCHO))
        .isInstanceOf(OrganisationChart.ApproverNotFoundException.class).hasMessageContaining("vacant");
  }

  @Test
  void rowsWithTheSameOrderFormOneParallelConsultation() {
    List<RouteStep> steps = planner.plan(chart, "toshikeikaku", "staff-ku", List.of(
        rule(10, StepKind.APPROVAL, ApproverRole.KACHO, null),
        rule(20, StepKind.APPROVAL, ApproverRole.BUCHO, null),
        rule(25, StepKind.CONSULTATION, ApproverRole.KACHO, "keiyaku"),
        rule(25, StepKind.CONSULTATION, ApproverRole.KACHO, "kaikei")));
    assertThat(steps).extracting(RouteStep::position, RouteStep::kind, RouteStep::userId).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, StepKind.APPROVAL, "kacho-ku"),
        org.assertj.core.groups.Tuple.tuple(2, StepKind.APPROVAL, "bucho-ku"),
        org.assertj.core.groups.Tuple.tuple(3, StepKind.CONSULTATION, "kacho-keiyaku-ku"),
        org.assertj.core.groups.Tuple.tuple(3, StepKind.CONSULTATION, "kacho-kaikei-ku"));
  }

  @Test
  void theOriginatorNeverApprovesTheirOwnDocumentAndAPersonWithTwoPostsApprovesOnce() {
    List<RouteStep> byKacho = planner.plan(chart, "toshikeikaku", "kacho-ku", List.of(
        rule(10, StepKind.APPROVAL, ApproverRole.KACHO, null),
        rule(20, StepKind.APPROVAL, ApproverRole.BUCHO, null)));
    assertThat(byKacho).extracting(RouteStep::userId).containsExactly("bucho-ku");

    List<OrgUnit> units = new ArrayList<>(ApprovalDemoData.organisation("demo-ku"));
    units.removeIf(u -> u.code().equals("toshiseibi"));
    units.add(new OrgUnit("toshiseibi", "都市整備部", OrgUnit.Level.BU, "kusei", "kacho-ku")); // 兼務
    List<RouteStep> twoPosts = planner.plan(new OrganisationChart(units), "toshikeikaku", "staff-ku", List.of(
        rule(10, StepKind.APPROVAL, ApproverRole.KACHO, null),
        rule(20, StepKind.APPROVAL, ApproverRole.BUCHO, null)));
    assertThat(twoPosts).extracting(RouteStep::userId, RouteStep::role)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kacho-ku", ApproverRole.BUCHO));
  }

  @Test
  void theHolderOfTheDecidingPostCannotDraftTheDocumentItDecides() {
    // issue 8 item 6: a review handed to the 部長 made the 部長 the originator, and the 部長専決 step vanished
    assertThatThrownBy(() -> planner.plan(chart, "doro", "bucho-ku", List.of(
        rule(10, StepKind.APPROVAL, ApproverRole.KACHO, null),
        rule(20, StepKind.APPROVAL, ApproverRole.BUCHO, null))))
        .isInstanceOf(RoutePlanner.RouteNotDefinedException.class).hasMessageContaining("cannot decide their own");
    // the 課長 drafting still goes to the 部長, who decides
    assertThat(planner.plan(chart, "doro", "kacho-ku", List.of(
        rule(10, StepKind.APPROVAL, ApproverRole.KACHO, null),
        rule(20, StepKind.APPROVAL, ApproverRole.BUCHO, null)))).extracting(RouteStep::userId)
        .containsExactly("bucho-ku");
  }

  @Test
  void aTableWithoutRulesOrWithoutAnApproverGivesNoRoute() {
    assertThatThrownBy(() -> planner.plan(chart, "toshikeikaku", "staff-ku", List.of()))
        .isInstanceOf(RoutePlanner.RouteNotDefinedException.class);
    assertThatThrownBy(() -> planner.plan(chart, "toshikeikaku", "staff-ku",
        List.of(rule(10, StepKind.CIRCULATION, ApproverRole.KACHO, "kaikei"))))
        .isInstanceOf(RoutePlanner.RouteNotDefinedException.class).hasMessageContaining("no approver");
  }

  @Test
  void decisionRowsAreReadWithDefaults() {
    RouteRule rule = RouteRule.fromDecisionRow(java.util.Map.of("stepOrder", 25, "stepKind", "consultation",
        "role", "kacho", "stepDepartment", "Keiyaku"));
    assertThat(rule).isEqualTo(new RouteRule(25, StepKind.CONSULTATION, ApproverRole.KACHO, "keiyaku", 3));
    assertThatThrownBy(() -> RouteRule.fromDecisionRow(java.util.Map.of("stepOrder", 1, "stepKind", "approval",
        "role", "shacho"))).hasMessageContaining("shacho");
  }

  private static RouteRule rule(int order, StepKind kind, ApproverRole role, String department) {
    return new RouteRule(order, kind, role, department, 3);
  }
}
