package jp.tetsuzuki.processes.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.tetsuzuki.processes.identity.Roles;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Engine-level deployment rules, run before the engine parses anything (a custom pre-deployer), so they hold for
 * the engine REST, the webapps and the Java API alike:
 * <ol>
 *   <li>Deployments by the platform itself (no authenticated user: auto-deployment, start-up deployers) and by
 *       administrators ({@code camunda-admin} or the engine's admin users/groups) are not restricted.</li>
 *   <li>A deployment without tenant (a shared model every municipality runs on) needs {@link Roles#PLATFORM_DESIGNERS};
 *       a tenant deployment needs membership of that tenant (platform designers too).</li>
 *   <li>The content must pass {@link ModelContentCheck} (BPMN, DMN, forms only; no scripts, Java classes,
 *       connectors, non-FEEL DMN, expressions outside the {@link ExpressionAllowList}, or — in a tenant's
 *       deployment — calls to definitions of other tenants); all problems are listed.</li>
 *   <li>A tenant deployment may not define a process, decision, decision-requirements or form key that a shared
 *       definition already uses (it would shadow or make ambiguous what the shared models start, call and show),
 *       unless the deployer is a platform designer.</li>
 * </ol>
 * Only new deployments are checked: the engine also runs deployers when it re-reads an existing deployment into its
 * cache, which must not depend on who happens to trigger it.
 */
public class DeploymentGuard implements Deployer {

  private final ModelContentCheck content;

  public DeploymentGuard(ModelContentCheck content) {
    this.content = content;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    Authentication given = context.getAuthentication();
    if (given == null || given.getUserId() == null) {
      return; // the platform itself
    }
    Authentication caller = complete(given, context);
    if (context.getAuthorizationManager().isCamundaAdmin(caller)) {
      return;
    }
    boolean platformDesigner = caller.getGroupIds().contains(Roles.PLATFORM_DESIGNERS);
    String tenantId = deployment.getTenantId();
    checkTenantRight(caller, tenantId, platformDesigner);

    List<ModelContentCheck.Report> refused = new ArrayList<>();
    Set<ModelContentCheck.DefinitionKey> keys = new LinkedHashSet<>();
    for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
      if (resource.getValue().isGenerated()) {
        continue; // diagrams the engine rendered itself
      }
      ModelContentCheck.Report report = content.inspect(resource.getKey(), resource.getValue().getBytes(), tenantId);
      if (!report.ok()) {
        refused.add(report);
      }
      keys.addAll(report.keys());
    }
    if (!refused.isEmpty()) {
      throw new DeploymentRefusedException(refused);
    }
    if (tenantId != null && !platformDesigner) {
      checkNoSharedKeyReused(keys, caller, tenantId, context);
    }
  }

  private static void checkTenantRight(Authentication caller, String tenantId, boolean platformDesigner) {
    if (tenantId == null) {
      if (!platformDesigner) {
        throw new AuthorizationException("テナントを指定しない共有モデルのデプロイは " + Roles.PLATFORM_DESIGNERS
            + " グループか管理者だけができます。tenant-id に所属テナントを指定してください。 / '" + caller.getUserId()
            + "' may not deploy shared models (without tenant-id): group '" + Roles.PLATFORM_DESIGNERS + "' or '"
            + Roles.ADMINISTRATORS + "' needed; deploy with the tenant-id of your municipality");
      }
      return;
    }
    if (!caller.getTenantIds().contains(tenantId)) {
      throw new AuthorizationException("テナント「" + tenantId + "」に所属していないため、このテナントにはデプロイできません。 / '"
          + caller.getUserId() + "' is not a member of tenant '" + tenantId + "' and cannot deploy to it");
    }
  }

  private static void checkNoSharedKeyReused(Set<ModelContentCheck.DefinitionKey> keys, Authentication caller,
      String tenantId, CommandContext context) {
    Set<String> shared = new TreeSet<>();
    for (ModelContentCheck.DefinitionKey key : keys) {
      if (sharedDefinitionExists(key, context)) {
        shared.add(key.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " '" + key.key() + "'");
      }
    }
    if (!shared.isEmpty()) {
      String list = String.join(", ", shared);
      throw new AuthorizationException("次のキーは共有モデル（全テナント共通）が使っているため、テナント「" + tenantId
          + "」のデプロイでは使えません（" + Roles.PLATFORM_DESIGNERS + " か管理者のみ）。別のキーにしてください: " + list
          + " / these keys belong to shared models and cannot be reused by a deployment of tenant '" + tenantId
          + "' (only '" + Roles.PLATFORM_DESIGNERS + "' or administrators may): " + list
          + " (user '" + caller.getUserId() + "')");
    }
  }

  private static boolean sharedDefinitionExists(ModelContentCheck.DefinitionKey key, CommandContext context) {
    return switch (key.kind()) {
      case PROCESS -> context.getProcessDefinitionManager()
          .findLatestProcessDefinitionByKeyAndTenantId(key.key(), null) != null;
      case DECISION -> context.getDecisionDefinitionManager()
          .findLatestDecisionDefinitionByKeyAndTenantId(key.key(), null) != null;
      case DECISION_REQUIREMENTS -> context.getDecisionRequirementsDefinitionManager()
          .findLatestDecisionRequirementsDefinitionByKeyAndTenantId(key.key(), null) != null;
      case FORM -> context.getCamundaFormDefinitionManager()
          .findLatestDefinitionByKeyAndTenantId(key.key(), null) != null;
    };
  }

  /**
   * The caller with groups and tenants. The engine REST and the webapps set both lists; a Java caller that set only a
   * user id gets them from the identity service (read without the caller's authorizations, as the engine does).
   */
  private static Authentication complete(Authentication given, CommandContext context) {
    List<String> groups = given.getGroupIds();
    List<String> tenants = given.getTenantIds();
    if (groups != null && tenants != null) {
      return given;
    }
    IdentityService identity = context.getProcessEngineConfiguration().getIdentityService();
    List<String> resolvedGroups = groups != null ? groups : context.runWithoutAuthorization(() ->
        identity.createGroupQuery().groupMember(given.getUserId()).list().stream().map(Group::getId)
            .collect(Collectors.toList()));
    List<String> resolvedTenants = tenants != null ? tenants : context.runWithoutAuthorization(() ->
        identity.createTenantQuery().userMember(given.getUserId()).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).collect(Collectors.toList()));
    return new Authentication(given.getUserId(), resolvedGroups, resolvedTenants);
  }
}
