package jp.tetsuzuki.processes.engine;

import jp.tetsuzuki.bpmn.CommonVariables;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Models are deployed once and shared by all municipalities; each case belongs to the tenant named by its
 * {@code tenantId} start variable (or its parent's tenant for called processes), so tenant checks isolate it.
 */
public class VariableTenantIdProvider implements TenantIdProvider {

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    Object tenantId = ctx.getVariables().get(CommonVariables.TENANT_ID);
    Authentication starter = Context.getCommandContext() == null ? null
        : Context.getCommandContext().getAuthentication();
    String department = ctx.getProcessDefinition() == null ? null
        : STAFF_TENANT_STARTS.get(ctx.getProcessDefinition().getKey());
    if (department != null && starter != null && starter.getUserId() != null) {
      // a start form whose case belongs to the staff member's municipality (no tenant field to choose or forge)
      return staffTenant(starter, department, tenantId);
    }
    if (!(tenantId instanceof String id) || id.isBlank()) {
      // the client's mistake (a start without it, or typed Long/Boolean over REST): a 400, not the engine's 500
      throw new BadUserRequestException("案件を開始するには自治体（" + CommonVariables.TENANT_ID + "）を文字列で指定してください。"
          + " / A case needs the start variable '" + CommonVariables.TENANT_ID
          + "' (the municipality it belongs to, a String)");
    }
    // a person may only open cases of a municipality they belong to (administrators excepted); the platform's
    // own starts (routes, timers) run without an authenticated user
    Authentication caller = Context.getCommandContext() == null ? null
        : Context.getCommandContext().getAuthentication();
    if (caller != null && caller.getUserId() != null && !contains(caller.getTenantIds(), id)
        && !contains(caller.getGroupIds(), Groups.CAMUNDA_ADMIN)) {
      // staff read this in the Tasklist's start form: Japanese first, then English for logs and API clients
      throw new AuthorizationException("テナント「" + id + "」の案件を開始する権限がありません（所属していません）。 / '"
          + caller.getUserId() + "' is not a member of tenant '" + id + "' and cannot open its cases");
    }
    return id;
  }

  /**
   * Processes that people start from a Tasklist start form without a tenant field, by the department whose staff
   * open them: the case's tenant is the one tenant in whose {@code <tenant>-<department>} group the starter is.
   */
  static final java.util.Map<String, String> STAFF_TENANT_STARTS = java.util.Map.of(
      jp.tetsuzuki.bpmn.ChildcareEnrollment.ID, "hoiku");

  private static String staffTenant(Authentication starter, String department, Object requested) {
    java.util.List<String> tenants = starter.getTenantIds() == null ? java.util.List.of()
        : starter.getTenantIds().stream().filter(t -> contains(starter.getGroupIds(), t + "-" + department))
            .distinct().toList();
    if (tenants.isEmpty()) {
      throw new AuthorizationException("この申込みを登録できるのは、自治体の保育担当の職員（保育課）だけです。 / '"
          + starter.getUserId() + "' is in no tenant's " + department + " group and cannot open this case");
    }
    if (tenants.size() > 1) {
      throw new BadUserRequestException("複数の自治体の保育課に所属しているため、どの自治体の申込みか決められません。管理者に所属の整理を"
          + "依頼してください。 / '" + starter.getUserId() + "' is in the " + department + " group of several tenants "
          + tenants);
    }
    if (requested != null && !tenants.get(0).equals(requested)) {
      throw new AuthorizationException("自治体は登録する職員の所属で決まります（指定はできません）。 / the case's tenant is the"
          + " starter's (" + tenants.get(0) + "), not '" + requested + "'");
    }
    return tenants.get(0);
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return ctx.getSuperExecution() != null ? ctx.getSuperExecution().getTenantId() : null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    if (ctx.getExecution() != null) {
      return ctx.getExecution().getTenantId();
    }
    return ctx.getCaseExecution() != null ? ctx.getCaseExecution().getTenantId() : null;
  }

  private static boolean contains(java.util.List<String> values, String value) {
    return values != null && values.contains(value);
  }
}
