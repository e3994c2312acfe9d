package jp.tetsuzuki.processes.engine;

import java.util.Map;
import jp.tetsuzuki.processes.approval.ApprovalRouteActivities;
import jp.tetsuzuki.processes.procedure.ProcedureActivities;

/**
 * The one list of Spring beans that models may name in expressions. The engine's expression manager sees exactly
 * these beans (nothing else of the application context), and the deploy-time check lets designers call only their
 * public methods and read only their properties. A new bean for the models is added here and nowhere else.
 */
public final class ModelBeans {

  /** Bean name (as written in the models) → the class whose own public members the models may use. */
  public static final Map<String, Class<?>> ALLOWED = Map.of(
      "procedureActivities", ProcedureActivities.class,
      "approvalRouteActivities", ApprovalRouteActivities.class);

  private ModelBeans() {}
}
