package jp.tetsuzuki.processes.glue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import jp.tetsuzuki.integrations.accounting.AccountingExchangeProperties;
import jp.tetsuzuki.integrations.einvoice.EInvoiceIntakeProperties;
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
 * The service identities of the accounting exchange ({@code svc-accounting-exchange}) and the e-invoice intake
 * ({@code svc-einvoice-intake}), in every profile: machine users in group {@code integrations}, members of exactly
 * their configured tenants, holding no engine grant (the contract-payment services act on the engine as the platform
 * once they checked the tenant). They never log in: their passwords are random and never shown.
 */
@Component
@Order(32)
class ExchangeIdentityBootstrap implements StartupInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(ExchangeIdentityBootstrap.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityDirectory directory;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final ObjectProvider<AccountingExchangeProperties> accounting;
  private final ObjectProvider<EInvoiceIntakeProperties> einvoice;

  ExchangeIdentityBootstrap(IdentityDirectory directory, IdentityService identity,
      AuthorizationService authorizations, ObjectProvider<AccountingExchangeProperties> accounting,
      ObjectProvider<EInvoiceIntakeProperties> einvoice) {
    this.directory = directory;
    this.identity = identity;
    this.authorizations = authorizations;
    this.accounting = accounting;
    this.einvoice = einvoice;
  }

  @Override
  public void initialize() {
    AccountingExchangeProperties a = accounting.getIfAvailable();
    if (a != null) {
      ensure(a.serviceUser(), "会計連携", a.tenants(), "tetsuzuki.integrations.accounting.tenants");
    }
    EInvoiceIntakeProperties e = einvoice.getIfAvailable();
    if (e != null) {
      ensure(e.serviceUser(), "電子請求書受付", e.tenants(), "tetsuzuki.integrations.einvoice.tenants");
    }
  }

  private void ensure(String user, String name, List<String> tenants, String setting) {
    directory.ensureGroup(Roles.INTEGRATIONS, "連携サービス", Groups.GROUP_TYPE_SYSTEM);
    if (!directory.userExists(user)) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      directory.ensureUser(user, name, "連携サービス", user + "@tetsuzuki.invalid",
          "Sv1!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
      LOG.info("Service identity '{}' ({}) created (no password login)", user, name);
    }
    directory.ensureMembership(user, Roles.INTEGRATIONS);
    for (String tenant : tenants) {
      if (identity.createTenantQuery().tenantId(tenant).count() == 0) {
        LOG.warn("{}: tenant '{}' ({}) does not exist; its files are refused until it exists and the platform"
            + " restarts", user, tenant, setting);
      } else {
        directory.ensureTenantMembership(tenant, user);
      }
    }
    for (Tenant tenant : identity.createTenantQuery().userMember(user).list()) {
      if (!tenants.contains(tenant.getId())) {
        identity.deleteTenantUserMembership(tenant.getId(), user);
        LOG.info("Service identity '{}' no longer serves tenant '{}'", user, tenant.getId());
      }
    }
    for (Authorization grant : authorizations.createAuthorizationQuery().userIdIn(user).list()) {
      authorizations.deleteAuthorization(grant.getId()); // it needs none: least privilege
    }
  }
}
