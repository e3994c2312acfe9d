package jp.tetsuzuki.processes.glue;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import jp.tetsuzuki.bpmn.CommonVariables;
import jp.tetsuzuki.integrations.port.ProcessGateway;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.processes.procedure.ApplicationService;
import jp.tetsuzuki.processes.identity.Roles;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-JVM side of the integrations' port: routes start cases through the engine's Java API as their service
 * identity, so the engine's authorizations (CREATE_INSTANCE on the allow-listed models only) and the tenant check
 * apply to them as to any user. The business key is claimed per tenant and model in the start's own transaction.
 */
@Component
class EngineProcessGateway implements ProcessGateway {

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CaseFileClaims claims;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ApplicationService applications;

  @Autowired
  EngineProcessGateway(RuntimeService runtime, IdentityService identity, CaseFileClaims claims,
      PlatformTransactionManager transactionManager, ApplicationService applications) {
    this(runtime, identity, claims, new TransactionTemplate(transactionManager), Clock.systemUTC(), applications);
  }

  EngineProcessGateway(RuntimeService runtime, IdentityService identity, CaseFileClaims claims,
      TransactionTemplate transactions, Clock clock, ApplicationService applications) {
    this.runtime = runtime;
    this.identity = identity;
    this.claims = claims;
    this.transactions = transactions;
    this.clock = clock;
    this.applications = applications;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> APPLICATION_FIELDS = Set.of("procedureCode", "applicant", "data", "documents");

  /**
   * An application from a file goes to the application service as the service identity (checked as for a case
   * file), with the file's business key as its idempotency key: the API's checks, record, events and case.
   */
  @Override
  public StartResult submitApplication(String serviceUser, String tenantId, String businessKey,
      Map<String, Object> application) {
    AsPlatform.call(identity, () -> serviceIdentity(serviceUser, tenantId));
    for (String key : application.keySet()) {
      if (!APPLICATION_FIELDS.contains(key)) {
        throw new IllegalArgumentException("申請の項目「" + key + "」はありません（使える項目: procedureCode, applicant, data,"
            + " documents）");
      }
    }
    try {
      var intake = applications.submitFile(serviceUser, businessKey, new ApplicationService.Submission(
          (String) application.get("procedureCode"), tenantId, null, JSON.valueToTree(application.get("applicant")),
          JSON.valueToTree(application.get("data")), JSON.valueToTree(application.get("documents"))));
      return new StartResult(intake.application().processInstanceId(), !intake.replayed());
    } catch (ApiException refused) {
      // the reason file says what the API's messageJa says, and the field as the API names it
      throw new IllegalArgumentException((refused.japanese() != null ? refused.japanese() : refused.getMessage())
          + (refused.field() != null ? "（項目: " + refused.field() + "）" : ""), refused);
    }
  }

  @Override
  public StartResult startOnce(String serviceUser, String processKey, String tenantId, String businessKey,
      Map<String, Object> variables) {
    ServiceIdentity as = AsPlatform.call(identity, () -> serviceIdentity(serviceUser, tenantId));
    Optional<String> earlier = claims.find(tenantId, processKey, businessKey);
    if (earlier.isPresent()) {
      return new StartResult(earlier.get(), false);
    }
    Map<String, Object> all = new HashMap<>(variables);
    all.put(CommonVariables.TENANT_ID, tenantId);
    try {
      return transactions.execute(status -> {
        claims.claim(tenantId, processKey, businessKey, clock.instant());
        String id = authenticatedAs(as, () -> runtime.createProcessInstanceByKey(processKey)
            .businessKey(businessKey)
            .setVariables(all)
            .execute()
            .getId());
        claims.link(tenantId, processKey, businessKey, id);
        return new StartResult(id, true);
      });
    } catch (DuplicateKeyException raced) {
      // committed by a parallel start (maybe on another node) after our look-up
      return new StartResult(claims.find(tenantId, processKey, businessKey).orElseThrow(() -> raced), false);
    } catch (AuthorizationException refused) {
      throw new IllegalArgumentException("取込用サービスID「" + serviceUser + "」には処理キー「" + processKey
          + "」の案件をテナント「" + tenantId + "」で開始する権限がありません。 / " + refused.getMessage(), refused);
    }
  }

  /** The identity's groups and tenants, checked: a service identity of the integrations that serves the tenant. */
  private ServiceIdentity serviceIdentity(String userId, String tenantId) {
    if (identity.createTenantQuery().tenantId(tenantId).count() == 0) {
      throw new IllegalArgumentException("テナント「" + tenantId + "」は存在しません");
    }
    if (userId == null || identity.createUserQuery().userId(userId).count() == 0) {
      throw new IllegalArgumentException("取込用サービスID「" + userId + "」が存在しません");
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    if (!groups.contains(Roles.INTEGRATIONS) || groups.contains(Roles.ADMINISTRATORS)) {
      throw new IllegalArgumentException("「" + userId + "」は取込用サービスIDではありません（グループ "
          + Roles.INTEGRATIONS + " の所属で、管理者でないこと）");
    }
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    if (!tenants.contains(tenantId)) {
      throw new IllegalArgumentException("取込用サービスID「" + userId + "」はテナント「" + tenantId
          + "」を担当していないため、案件を開始できません");
    }
    return new ServiceIdentity(userId, groups, tenants);
  }

  /** Runs the call authenticated as the identity; the caller's authentication (if any) is restored after. */
  private <T> T authenticatedAs(ServiceIdentity as, Supplier<T> call) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(as.userId(), as.groups(), as.tenants());
    try {
      return call.get();
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      } else {
        identity.clearAuthentication();
      }
    }
  }

  private record ServiceIdentity(String userId, List<String> groups, List<String> tenants) {}
}
