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
 *   <li>Deployments by the platform itself (no authenticated user: auto-deployment, start-up deployers; the build's
 *       model lint checks those) are not restricted; administrators ({@code camunda-admin} or the engine's admin
 *       users/groups) only by the form rule below.</li>
 *   <li>A deployment without tenant (a shared model every municipality runs on) needs {@link Roles#PLATFORM_DESIGNERS};
 *       a tenant deployment needs membership of that tenant (platform designers too).</li>
 *   <li>The content must pass {@link ModelContentCheck} (BPMN, DMN, forms only; no scripts, Java classes,
 *       connectors, non-FEEL DMN, expressions outside the {@link ExpressionAllowList}, or — in a tenant's
 *       deployment — calls to definitions of other tenants); all problems are listed.</li>
 *   <li>A tenant deployment may not define a process, decision, decision-requirements or form key that a shared
 *       definition already uses (it would shadow or make ambiguous what the shared models start, call and show),
 *       unless the deployer is a platform designer.</li>
 *   <li>Every {@code camunda:formRef} of a user task or start event names a form of this deployment or a deployed
 *       form of the deployment's tenant or a shared one (by its binding); otherwise 400 naming element and form.
 *       This holds for administrators too.</li>
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
    boolean administrator = context.getAuthorizationManager().isCamundaAdmin(caller);
    boolean platformDesigner = caller.getGroupIds().contains(Roles.PLATFORM_DESIGNERS);
    String tenantId = deployment.getTenantId();
    if (!administrator) {
      checkTenantRight(caller, tenantId, platformDesigner);
    }

    List<ModelContentCheck.Report> reports = new ArrayList<>();
    Set<ModelContentCheck.DefinitionKey> keys = new LinkedHashSet<>();
    for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
      if (resource.getValue().isGenerated()) {
        continue; // diagrams the engine rendered itself
      }
      ModelContentCheck.Report report = content.inspect(resource.getKey(), resource.getValue().getBytes(), tenantId);
      reports.add(report);
      keys.addAll(report.keys());
    }
    List<ModelContentCheck.Report> refused = new ArrayList<>();
    for (ModelContentCheck.Report report : reports) {
      // administrators may deploy any content, but a form that does not exist is a broken model for everyone
      List<ModelContentCheck.Finding> findings = new ArrayList<>(administrator ? List.of() : report.findings());
      findings.addAll(missingForms(report, keys, tenantId, context));
      if (!findings.isEmpty()) {
        refused.add(new ModelContentCheck.Report(report.resourceName(), findings, report.keys(), report.formRefs()));
      }
    }
    if (!refused.isEmpty()) {
      throw new DeploymentRefusedException(refused);
    }
    if (!administrator && tenantId != null && !platformDesigner) {
      checkNoSharedKeyReused(keys, caller, tenantId, context);
    }
  }

  /**
   * The forms a user task or start event names ({@code camunda:formRef}) that exist neither in this deployment nor
   * among the deployed forms of the deployment's tenant or the shared ones: staff would get an error instead of the
   * form. Binding {@code deployment} needs the form in this very deployment; {@code version} that version.
   */
  private static List<ModelContentCheck.Finding> missingForms(ModelContentCheck.Report report,
      Set<ModelContentCheck.DefinitionKey> keys, String tenantId, CommandContext context) {
    List<ModelContentCheck.Finding> missing = new ArrayList<>();
    for (ModelContentCheck.FormReference ref : report.formRefs()) {
      if (!ref.literal()) {
        continue;
      }
      boolean inDeployment = keys.contains(new ModelContentCheck.DefinitionKey(ModelContentCheck.Kind.FORM, ref.key()));
      String problem = null;
      switch (ref.binding()) {
        case "deployment" -> {
          if (!inDeployment) {
            problem = "フォーム「" + ref.key() + "」がこのデプロイに含まれていません（camunda:formRefBinding=\"deployment\" は同じデプロイの"
                + "フォームを使います）。.form ファイルを一緒にデプロイしてください。 / form '" + ref.key() + "' (camunda:formRef, binding"
                + " 'deployment') is not part of this deployment: deploy its .form file with the model";
          }
        }
        case "version" -> {
          Integer version = parseVersion(ref.version());
          if (version == null) {
            problem = "camunda:formRefVersion が正しくありません（「" + ref.version() + "」）。 / camunda:formRefVersion '"
                + ref.version() + "' of form '" + ref.key() + "' is not a version number";
          } else if (!inDeployment && context.getCamundaFormDefinitionManager()
              .findDefinitionByKeyVersionAndTenantId(ref.key(), version, tenantId) == null
              && (tenantId == null || context.getCamundaFormDefinitionManager()
                  .findDefinitionByKeyVersionAndTenantId(ref.key(), version, null) == null)) {
            problem = notFound(ref.key() + "」の版 " + version, ref.key() + "' version " + version, tenantId);
          }
        }
        default -> {
          if (!inDeployment && !deployedFormExists(ref.key(), tenantId, context)) {
            problem = notFound(ref.key() + "」", ref.key() + "'", tenantId);
          }
        }
      }
      if (problem != null) {
        missing.add(new ModelContentCheck.Finding(problem, ref.line(), ref.column(), ref.elementId()));
      }
    }
    return missing;
  }

  private static String notFound(String japanese, String english, String tenantId) {
    String where = tenantId == null ? "共有の" : "テナント「" + tenantId + "」または共有の";
    return "フォーム「" + japanese + "が見つかりません（このデプロイにも、" + where + "デプロイ済みフォームにもありません）。"
        + "camunda:formRef のフォーム ID を確認するか、.form ファイルを一緒にデプロイしてください。 / form '" + english
        + " (camunda:formRef) exists neither in this deployment nor among the deployed forms of "
        + (tenantId == null ? "" : "tenant '" + tenantId + "' or ") + "shared forms";
  }

  private static boolean deployedFormExists(String key, String tenantId, CommandContext context) {
    var forms = context.getCamundaFormDefinitionManager();
    return (tenantId != null && forms.findLatestDefinitionByKeyAndTenantId(key, tenantId) != null)
        || forms.findLatestDefinitionByKeyAndTenantId(key, null) != null;
  }

  private static Integer parseVersion(String version) {
    try {
      return version == null ? null : Integer.valueOf(version.trim());
    } catch (NumberFormatException e) {
      return null;
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
