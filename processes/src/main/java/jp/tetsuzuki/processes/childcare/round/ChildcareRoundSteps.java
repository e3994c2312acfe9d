package jp.tetsuzuki.processes.childcare.round;

import static jp.tetsuzuki.bpmn.ChildcareAllocationRound.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.tetsuzuki.processes.childcare.allocation.AllocationEngine;
import jp.tetsuzuki.processes.childcare.allocation.AllocationRequest;
import jp.tetsuzuki.processes.childcare.allocation.AllocationResult;
import jp.tetsuzuki.processes.childcare.allocation.Applicant;
import jp.tetsuzuki.processes.childcare.allocation.ClassAge;
import jp.tetsuzuki.processes.childcare.allocation.Explanation;
import jp.tetsuzuki.processes.childcare.allocation.Facility;
import jp.tetsuzuki.processes.childcare.allocation.InvalidAllocationRequestException;
import jp.tetsuzuki.processes.childcare.allocation.Placement;
import jp.tetsuzuki.processes.childcare.allocation.Preference;
import jp.tetsuzuki.processes.childcare.allocation.SiblingPattern;
import jp.tetsuzuki.processes.childcare.allocation.TieBreak;
import jp.tetsuzuki.processes.childcare.enrollment.ApplicationContent;
import jp.tetsuzuki.processes.childcare.enrollment.ChildKeys;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore;
import jp.tetsuzuki.processes.childcare.enrollment.ConfirmedDeclaration;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore.ApplicationRow;
import jp.tetsuzuki.processes.childcare.enrollment.RoundResults;
import jp.tetsuzuki.processes.childcare.nursery.CapacityStore;
import jp.tetsuzuki.processes.childcare.points.HouseholdPoints;
import jp.tetsuzuki.processes.identity.AsPlatform;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The glue of {@code childcare-allocation-round}: the applications come from our table (tenant, stage
 * awaiting-round or waiting, admission month up to the round's), the placement from {@link AllocationEngine}; the
 * proposal is kept per round instance ({@link RoundStore}) and delivered once after approval.
 */
public class ChildcareRoundSteps {

  static final List<String> WAITING_STAGES = List.of(ChildcareStore.STAGE_AWAITING_ROUND, ChildcareStore.STAGE_WAITING);
  static final int MAX_SUMMARY_FACILITIES = 50;
  static final int MAX_LOTTERY_LINES = 200;
  /** Rows of the review table (application, child, result, facility); more are counted, not listed. */
  static final int MAX_SUMMARY_ROWS = 200;

  private final ChildcareStore applications;
  private final RoundStore rounds;
  private final RoundResults results;
  private final CapacityStore capacities;
  private final RoundGuard guard;

  public ChildcareRoundSteps(ChildcareStore applications, RoundStore rounds, RoundResults results,
      CapacityStore capacities) {
    this.applications = applications;
    this.rounds = rounds;
    this.results = results;
    this.capacities = capacities;
    this.guard = rounds.guard();
  }

  /** Checks the start (tenant staff, month, places) and counts the applications the round will place. */
  public void collect(DelegateExecution execution) {
    String tenant = execution.getTenantId();
    String group = tenant + "-hoiku";
    String user = caller(execution);
    var identity = execution.getProcessEngineServices().getIdentityService();
    // the platform's own look-up: staff hold no grant to read the directory
    if (user != null && AsPlatform.call(identity, () -> identity.createUserQuery().userId(user)
        .memberOfGroup(group).count()) == 0) {
      throw new AuthorizationException("利用調整は保育担当の職員だけが行えます / user " + user + " is not in " + group);
    }
    YearMonth month = month(execution);
    facilities(execution, month);
    // review C7: who started the round and who last re-ran it may not approve a round on overridden places
    if (execution.getVariable(RUN_NUMBER) == null) {
      execution.setVariable(ROUND_STARTED_BY, user);
    } else {
      execution.setVariable(LAST_RERUN_BY, user);
    }
    execution.setVariable(CHILDCARE_GROUP, group);
    // review C9: one open round per tenant and fiscal year; what this run collects is recorded for the approval
    java.time.Instant now = ClockUtil.getCurrentTime().toInstant();
    guard.claim(execution, tenant, month.toString(), now);
    List<String> ids = applications.inStage(tenant, month.toString(), WAITING_STAGES);
    guard.snapshot(execution.getProcessInstanceId(), ids);
    boolean rerun = execution.getVariable(RUN_NUMBER) != null;
    guard.event(execution.getProcessInstanceId(), tenant, rerun ? "rerun" : "started", (rerun ? "再実行" : "開始")
        + "しました（入所月 " + month + "、申込み " + ids.size() + "件）。", user, now);
    execution.setVariable(APPLICATION_COUNT, (long) ids.size());
  }

  /** Runs the engine on the applications and places read now, keeps the proposal, writes the review summary. */
  public void allocate(DelegateExecution execution) {
    String tenant = execution.getTenantId();
    YearMonth month = month(execution);
    int fiscalYear = HouseholdPoints.fiscalYearOf(month.atDay(1));
    List<Facility> facilities = facilities(execution, month);
    Set<String> known = facilities.stream().map(Facility::id).collect(Collectors.toSet());
    List<Applicant> applicants = new ArrayList<>();
    Map<String, String[]> childOf = new LinkedHashMap<>();
    List<RoundStore.ResultRow> rows = new ArrayList<>();
    String roundId = execution.getProcessInstanceId();
    List<String> ids = applications.inStage(tenant, month.toString(), WAITING_STAGES);
    // the tenant's ordered tie-breaks (data), then the round's published lottery: drawn once, re-runs reuse it
    List<TieBreak> tieBreaks = TieBreakFacts.of(tenant);
    RoundStore.LotteryDraw lottery = rounds.lottery(roundId, tenant, ids, ClockUtil.getCurrentTime().toInstant());
    // review F10b: one child enters a round once (the oldest application of it; keys as in the intake check)
    Map<String, String> childKeys = new java.util.HashMap<>();
    for (String id : ids) {
      ApplicationRow application = applications.find(id).orElseThrow();
      ApplicationContent content = application.content();
      // review F10: only a current facility staff confirmed counts; a declared one alone is ignored
      Map<String, String> confirmedCurrent = applications.declaration(id)
          .map(ConfirmedDeclaration::currentFacilities).orElse(Map.of());
      SiblingPattern pattern = content.children().size() > 1 && content.siblingPattern() != null
          ? SiblingPattern.ofCode(content.siblingPattern()).orElse(null) : null;
      for (ApplicationContent.Child child : content.children()) {
        int age = ClassAge.of(child.birthDate(), fiscalYear);
        String applicantId = id + "/" + child.childId();
        Long number = lottery.numbers().get(id);
        String earlier = ChildKeys.of(child, content.guardians()).stream().map(childKeys::get)
            .filter(java.util.Objects::nonNull).filter(other -> !other.equals(id)).findFirst().orElse(null);
        if (earlier != null) {
          rows.add(new RoundStore.ResultRow(roundId, tenant, id, child.childId(), null, "WAITING",
              "同じ児童の申込み（" + earlier + "）が先にあるため、この申込みでは利用調整の対象にしません。", null, number));
          continue;
        }
        ChildKeys.of(child, content.guardians()).forEach(k -> childKeys.putIfAbsent(k, id));
        if (age < 0 || age >= Facility.AGES || application.points() == null) {
          rows.add(new RoundStore.ResultRow(roundId, tenant, id, child.childId(), null, "WAITING",
              age < 0 || age >= Facility.AGES ? "入所月の年度に0〜5歳クラスの対象ではありません。" : "指数が算定されていません。", null,
              number));
          continue;
        }
        List<Preference> preferences = child.preferences().stream().filter(known::contains).distinct()
            .map(f -> new Preference(f, application.points())).toList();
        String current = confirmedCurrent.get(child.childId()) != null
            && known.contains(confirmedCurrent.get(child.childId())) ? confirmedCurrent.get(child.childId()) : null;
        applicants.add(new Applicant(applicantId, id, age, preferences, current, pattern, number,
            TieBreakFacts.values(content, child, applications.basePoints(id))));
        childOf.put(applicantId, new String[] {id, child.childId()});
      }
    }
    AllocationResult result;
    try {
      result = new AllocationEngine().allocate(new AllocationRequest(facilities, applicants, tieBreaks));
    } catch (InvalidAllocationRequestException e) {
      throw new BadUserRequestException("利用調整の入力に誤りがあります: " + e.problems().stream().limit(5)
          .map(Object::toString).collect(Collectors.joining("; ")) + " / invalid allocation request");
    }
    Map<String, String> names = facilities.stream().collect(Collectors.toMap(Facility::id, Facility::name));
    // offers and enrollments name the facility (newcomer review 7)
    applications.facilityNames(tenant, names);
    for (Placement p : result.placements()) {
      String[] child = childOf.get(p.applicantId());
      Long number = lottery.numbers().get(child[0]);
      String explanation = p.summaryJa() + (p.explanation().isEmpty() ? "" : " " + p.explanation().stream()
          .map(Explanation::messageJa).collect(Collectors.joining(" "))) + "（抽選番号 " + number + "）";
      rows.add(new RoundStore.ResultRow(roundId, tenant, child[0], child[1],
          p.outcome() == Placement.Outcome.WAITING ? null : p.facilityId(), p.outcome().name(), explanation, null,
          number));
    }
    rounds.replace(roundId, rows);
    Object previous = execution.getVariable(RUN_NUMBER);
    long run = previous instanceof Number n ? n.longValue() + 1 : 1;
    execution.setVariable(RUN_NUMBER, run);
    execution.setVariable(RESULT_SUMMARY_TEXT, summary(month, run, rows, names, sourceLine(execution, month))
        + lotteryText(lottery, tieBreaks));
  }

  /** The review answer must be approve, rerun or cancel; the comment is bounded. */
  public void reviewed(DelegateTask task) {
    Object decision = task.getVariable(REVIEW_DECISION);
    if (!DECISION_APPROVE.equals(decision) && !DECISION_RERUN.equals(decision)
        && !DECISION_CANCEL.equals(decision)) {
      throw new BadUserRequestException("判断（承認／再実行／取消し）を選んでください / " + REVIEW_DECISION + ": must be "
          + DECISION_APPROVE + ", " + DECISION_RERUN + " or " + DECISION_CANCEL);
    }
    if (task.getVariable(REVIEW_COMMENT) instanceof String c && c.length() > 500) {
      throw new BadUserRequestException("コメントは500文字以内で入力してください / " + REVIEW_COMMENT + ": at most 500");
    }
    // review C7 (four eyes): places typed in by staff instead of the nursery systems' are approved by someone else
    if (DECISION_APPROVE.equals(decision)
        && CAPACITY_SOURCE_STAFF_OVERRIDE.equals(task.getExecution().getVariable(CAPACITY_SOURCE))) {
      Authentication a = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      String approver = a == null ? null : a.getUserId();
      Object starter = task.getExecution().getVariable(ROUND_STARTED_BY);
      Object rerunner = task.getExecution().getVariable(LAST_RERUN_BY);
      if (approver != null && (approver.equals(starter) || approver.equals(rerunner))) {
        throw new AuthorizationException("募集人数が職員の上書きのため、利用調整を" + (approver.equals(starter)
            ? "開始した" : "最後に再実行した") + "職員（" + approver + "）は承認できません。保育課の別の職員が承認してください"
            + "（再実行は行えます）。 / a round on staff-overridden places is approved by someone other than who started "
            + "it and who last re-ran it");
      }
    }
  }

  /**
   * Delivers each application's result once: the application is marked published in this round before its
   * instance is correlated, in the same transaction; an application withdrawn meanwhile gets nothing.
   */
  public void publish(DelegateExecution execution) {
    String roundId = execution.getProcessInstanceId();
    Map<String, List<RoundStore.ResultRow>> byApplication = rounds.results(roundId).stream()
        .collect(Collectors.groupingBy(RoundStore.ResultRow::applicationId, TreeMap::new, Collectors.toList()));
    // review C9: refused (re-run first) when another round decided one of the applications since this run
    Map<String, RoundResults.Collected> collected = guard.unchangedSinceRun(roundId, byApplication.keySet());
    for (Map.Entry<String, List<RoundStore.ResultRow>> entry : byApplication.entrySet()) {
      if (!rounds.markPublished(roundId, entry.getKey(), ClockUtil.getCurrentTime().toInstant())) {
        continue;
      }
      // one offer per household (application): each child's place as the engine placed the household under its
      // sibling pattern; the children of the offer are listed, a child still waiting is named as 保留
      List<RoundResults.ChildResult> children = entry.getValue().stream().map(r -> new RoundResults.ChildResult(
          r.childId(), r.facilityId(), r.outcome(), r.summaryJa())).toList();
      // delivered by the platform once staff approved: the approver holds no grant on the applications' cases
      AsPlatform.call(execution.getProcessEngineServices().getIdentityService(),
          () -> results.publish(execution.getTenantId(), entry.getKey(), children, collected.get(entry.getKey())));
    }
    guard.release(roundId);
    guard.event(roundId, execution.getTenantId(), "approved", "承認され、結果を届けました（申込み " + byApplication.size()
        + "件）。", caller(execution), ClockUtil.getCurrentTime().toInstant());
  }

  /** Review C9: staff cancel the round at its review; nothing is published, the tenant's next round may start. */
  public void cancel(DelegateExecution execution) {
    String roundId = execution.getProcessInstanceId();
    guard.release(roundId);
    String comment = execution.getVariable(REVIEW_COMMENT) instanceof String c && !c.isBlank() ? c.strip() : null;
    guard.event(roundId, execution.getTenantId(), "cancelled", "取り消しました（結果はどの申込みにも届けていません）。"
        + (comment == null ? "" : "コメント: " + comment), caller(execution), ClockUtil.getCurrentTime().toInstant());
  }

  /** The published lottery and the tie-break order, as staff review and publish them. */
  static String lotteryText(RoundStore.LotteryDraw lottery, List<TieBreak> tieBreaks) {
    StringBuilder text = new StringBuilder("\n#### 同点時の優先順位と抽選\n\n- 順位: 世帯指数");
    tieBreaks.forEach(t -> text.append(" → ").append(cell(t.labelJa())));
    text.append(" → 抽選番号（小さい方が優先）\n- 抽選のシード: `").append(lottery.seed())
        .append("`（この利用調整で1回だけ引き、記録しています。番号は SHA-256(シード:申込みID) の順）\n");
    lottery.numbers().entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(MAX_LOTTERY_LINES)
        .forEach(e -> text.append("- 抽選番号 ").append(e.getValue()).append(": 申込み ").append(cell(e.getKey()))
            .append('\n'));
    if (lottery.numbers().size() > MAX_LOTTERY_LINES) {
      text.append("- ほか ").append(lottery.numbers().size() - MAX_LOTTERY_LINES).append("件（各申込みの結果に記載）\n");
    }
    return text.toString();
  }

  private String sourceLine(DelegateExecution execution, YearMonth month) {
    if (CAPACITY_SOURCE_STAFF_OVERRIDE.equals(execution.getVariable(CAPACITY_SOURCE))) {
      List<String> excluded = new ArrayList<>();
      for (Object who : new Object[] {execution.getVariable(ROUND_STARTED_BY), execution.getVariable(LAST_RERUN_BY)}) {
        if (who instanceof String w && !excluded.contains(cell(w))) {
          excluded.add(cell(w));
        }
      }
      return "- 募集人数: 職員が開始時に入力した上書き（保育施設システムの値は使っていません）\n"
          + (excluded.isEmpty() ? "" : "- 承認: 上書きのため、開始した職員・最後に再実行した職員（" + String.join("、", excluded)
              + "）以外の保育課の職員が承認します\n");
    }
    java.time.Instant updated = capacities.lastUpdate(execution.getTenantId(), month.toString());
    return "- 募集人数: 保育施設システムから届いた値" + (updated == null ? "" : "（最終更新 "
        + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE).format(updated) + "）") + "\n";
  }

  private static String summary(YearMonth month, long run, List<RoundStore.ResultRow> rows,
      Map<String, String> names, String source) {
    // a transfer child kept at its own facility is no 内定 (it keeps waiting for a place it asked for)
    long placed = rows.stream().filter(r -> "PLACED".equals(r.outcome())).count();
    long kept = rows.stream().filter(r -> "KEPT_CURRENT".equals(r.outcome())).count();
    Map<String, Long> perFacility = rows.stream().filter(r -> "PLACED".equals(r.outcome()))
        .collect(Collectors.groupingBy(RoundStore.ResultRow::facilityId, TreeMap::new, Collectors.counting()));
    StringBuilder text = new StringBuilder("### " + month + " 入所の利用調整（" + run + "回目の実行）\n\n")
        .append("- 申込み ").append(rows.stream().map(RoundStore.ResultRow::applicationId).distinct().count())
        .append("件、児童 ").append(rows.size()).append("人\n- 内定 ").append(placed).append("人、保留 ")
        .append(rows.size() - placed).append("人").append(kept > 0 ? "（うち在園を継続 " + kept + "人）" : "")
        .append("\n").append(source).append("\n");
    // review C7: every free text of the summary goes through cell(), the list lines as the table
    perFacility.entrySet().stream().limit(MAX_SUMMARY_FACILITIES).forEach(e -> text.append("- ")
        .append(cell(names.getOrDefault(e.getKey(), e.getKey()))).append("（").append(cell(e.getKey()))
        .append("）: 内定 ").append(e.getValue()).append("人\n"));
    if (perFacility.size() > MAX_SUMMARY_FACILITIES) {
      text.append("- ほか ").append(perFacility.size() - MAX_SUMMARY_FACILITIES).append("施設\n");
    }
    // newcomer review 7: which application got what, before approval (bounded; the rest is counted)
    text.append("\n| 申込み | 児童 | 結果 | 施設 |\n|---|---|---|---|\n");
    rows.stream().limit(MAX_SUMMARY_ROWS).forEach(r -> text.append("| ").append(cell(r.applicationId()))
        .append(" | ").append(cell(r.childId())).append(" | ").append(r.facilityId() == null ? "保留" : "内定")
        .append(" | ").append(r.facilityId() == null ? "" : cell(names.getOrDefault(r.facilityId(), r.facilityId())))
        .append(" |\n"));
    if (rows.size() > MAX_SUMMARY_ROWS) {
      text.append("\nほか ").append(rows.size() - MAX_SUMMARY_ROWS).append("人（先頭 ").append(MAX_SUMMARY_ROWS)
          .append("人のみ表示）\n");
    }
    return text.toString();
  }

  /**
   * A free text in the review text (table cells, list lines): no table syntax, no Markdown links or HTML, no {@code *}
   * or back-tick markup, no line breaks, bounded.
   */
  static String cell(String value) {
    String clean = value.replaceAll("[|\\[\\]<>*`\\\\\\p{Cntrl}]", " ");
    return clean.length() > 80 ? clean.substring(0, 80) : clean;
  }

  private static YearMonth month(DelegateExecution execution) {
    Object value = execution.getVariable(ADMISSION_MONTH);
    try {
      if (value instanceof String s && s.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(s);
      }
    } catch (DateTimeParseException e) {
      // falls through to the error below
    }
    throw new BadUserRequestException("入所月は YYYY-MM で入力してください / " + ADMISSION_MONTH + ": YYYY-MM");
  }

  /**
   * The round's places: those the tenant's nursery systems reported for the month (V75), read again at every run;
   * or, when staff filled the start form's override ({@link jp.tetsuzuki.bpmn.ChildcareAllocationRound#FACILITIES_TEXT}),
   * that text, recorded as the source. No places known: the round does not start (or re-run), with a sentence for staff.
   */
  private List<Facility> facilities(DelegateExecution execution, YearMonth month) {
    Object text = execution.getVariable(FACILITIES_TEXT);
    if (text instanceof String s && !s.isBlank()) {
      execution.setVariable(CAPACITY_SOURCE, CAPACITY_SOURCE_STAFF_OVERRIDE);
      // review C7: when the tenant has a facility list, the override names only its facilities, by their names
      Map<String, String> listed = new LinkedHashMap<>();
      capacities.facilities(execution.getTenantId()).forEach(f -> listed.put(f.facilityId(), f.name()));
      try {
        return FacilityPlaces.parse(s, listed);
      } catch (FacilityPlaces.InvalidFacilitiesException e) {
        throw new BadUserRequestException(e.messageJa() + " / " + e.getMessage());
      }
    }
    List<Facility> stored = capacities.placesFor(execution.getTenantId(), month.toString());
    if (stored.isEmpty()) {
      throw new BadUserRequestException("入所月 " + month + " の募集人数が保育施設システムから届いていません。"
          + "保育施設システムからの送信を待つか、開始時に募集人数の上書きを入力してください。 / no capacities stored for "
          + execution.getTenantId() + " " + month);
    }
    execution.setVariable(CAPACITY_SOURCE, CAPACITY_SOURCE_NURSERY_SYSTEMS);
    return stored;
  }

  private static String caller(DelegateExecution execution) {
    Authentication a = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return a == null ? null : a.getUserId();
  }

  static LocalDate firstDay(YearMonth month) {
    return month.atDay(1);
  }
}
