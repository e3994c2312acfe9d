package jp.tetsuzuki.processes.glue;

import java.security.SecureRandom;
import java.util.Base64;
import jp.tetsuzuki.integrations.municipalcsv.MunicipalCsvProperties;
import jp.tetsuzuki.processes.identity.IdentityDirectory;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.identity.StartupInitializer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The service identity of the municipal CSV intake, in every profile: a machine user in group {@code integrations},
 * member of exactly the configured tenants and holding no engine grant at all (the application service starts the
 * case as the platform once it checked the tenant). It never logs in: its password is random and never shown.
 */
@Component
@Order(31)
class MunicipalCsvIdentityBootstrap implements StartupInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(MunicipalCsvIdentityBootstrap.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityDirectory directory;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final ObjectProvider<MunicipalCsvProperties> settings;

  MunicipalCsvIdentityBootstrap(IdentityDirectory directory, IdentityService identity,
      AuthorizationService authorizations, ObjectProvider<MunicipalCsvProperties> settings) {
    this.directory = directory;
    this.identity = identity;
    this.authorizations = authorizations;
    this.settings = settings;
  }

  @Override
  public void initialize() {
    MunicipalCsvProperties properties = settings.getIfAvailable();
    if (properties == null) {
      return; // integrations do not run in this JVM
    }
    directory.ensureGroup(Roles.INTEGRATIONS, "連携サービス", Groups.GROUP_TYPE_SYSTEM);
    String user = properties.serviceUser();
    if (!directory.userExists(user)) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      directory.ensureUser(user, "CSV一括取込", "連携サービス", user + "@tetsuzuki.invalid",
          "Sv1!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
      LOG.info("Service identity '{}' of the municipal CSV intake created (no password login)", user);
    }
    directory.ensureMembership(user, Roles.INTEGRATIONS);
    for (String tenant : properties.tenants()) {
      if (identity.createTenantQuery().tenantId(tenant).count() == 0) {
        LOG.warn("Municipal CSV intake: tenant '{}' (tetsuzuki.integrations.municipal-csv.tenants) does not exist;"
            + " its rows are refused until it exists and the platform restarts", tenant);
      } else {
        directory.ensureTenantMembership(tenant, user);
      }
    }
    for (Tenant tenant : identity.createTenantQuery().userMember(user).list()) {
      if (!properties.tenants().contains(tenant.getId())) {
        identity.deleteTenantUserMembership(tenant.getId(), user);
        LOG.info("Service identity '{}' no longer serves tenant '{}'", user, tenant.getId());
      }
    }
    for (Authorization grant : authorizations.createAuthorizationQuery().userIdIn(user).list()) {
      authorizations.deleteAuthorization(grant.getId()); // it needs none: least privilege
      LOG.info("Service identity '{}': authorization on resource type {} '{}' removed", user,
          grant.getResourceType(), grant.getResourceId());
    }
  }
}
