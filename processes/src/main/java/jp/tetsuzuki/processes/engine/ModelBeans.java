package jp.tetsuzuki.processes.engine;

import java.util.Map;
import jp.tetsuzuki.processes.approval.ApprovalRouteActivities;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareEnrollmentSteps;
import jp.tetsuzuki.processes.childcare.round.ChildcareRoundSteps;
import jp.tetsuzuki.processes.contractpayment.ContractPaymentSteps;
import jp.tetsuzuki.processes.procedure.CompletenessSteps;
import jp.tetsuzuki.processes.procedure.CorrectionSteps;
import jp.tetsuzuki.processes.procedure.DecisionSteps;
import jp.tetsuzuki.processes.procedure.DocumentInspectionSteps;
import jp.tetsuzuki.processes.procedure.LegacyEntrySteps;
import jp.tetsuzuki.processes.procedure.NoticeSteps;
import jp.tetsuzuki.processes.procedure.ProcedureActivities;
import jp.tetsuzuki.processes.procedure.ReviewSteps;

/**
 * The one list of Spring beans that models may name in expressions. The engine's expression manager sees exactly
 * these beans (nothing else of the application context), and the deploy-time check lets designers call only their
 * public methods and read only their properties. A new bean for the models is added here and nowhere else.
 */
public final class ModelBeans {

  /** Bean name (as written in the models) → the class whose own public members the models may use. */
  public static final Map<String, Class<?>> ALLOWED = Map.ofEntries(
      Map.entry("procedureActivities", ProcedureActivities.class),
      Map.entry("completenessSteps", CompletenessSteps.class),
      Map.entry("documentInspectionSteps", DocumentInspectionSteps.class),
      Map.entry("correctionSteps", CorrectionSteps.class),
      Map.entry("reviewSteps", ReviewSteps.class),
      Map.entry("decisionSteps", DecisionSteps.class),
      Map.entry("legacyEntrySteps", LegacyEntrySteps.class),
      Map.entry("noticeSteps", NoticeSteps.class),
      Map.entry("followUpDeadlines", jp.tetsuzuki.processes.procedure.FollowUpDeadlines.class),
      Map.entry("approvalRouteActivities", ApprovalRouteActivities.class),
      Map.entry("childcareEnrollmentSteps", ChildcareEnrollmentSteps.class),
      Map.entry("childcareRoundSteps", ChildcareRoundSteps.class),
      Map.entry("contractPaymentSteps", ContractPaymentSteps.class),
      Map.entry("nurseryDeliverySteps", jp.tetsuzuki.processes.childcare.nursery.NurseryDeliverySteps.class));

  private ModelBeans() {}
}
