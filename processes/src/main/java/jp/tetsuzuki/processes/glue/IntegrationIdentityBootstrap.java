package jp.tetsuzuki.processes.glue;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.tetsuzuki.integrations.casefile.CaseFileIntakeProperties;
import jp.tetsuzuki.processes.identity.IdentityDirectory;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.identity.StartupInitializer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The service identity of the case-file intake route, in every profile: a machine user in group
 * {@code integrations}, member of exactly the configured tenants, allowed to create instances of exactly the
 * allow-listed models and nothing else. It never logs in: its password is random, made at its creation and never
 * shown. Runs after the demo data (which creates the demo tenants); a configured tenant that does not exist is
 * reported and left out.
 */
@Component
@Order(30)
class IntegrationIdentityBootstrap implements StartupInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationIdentityBootstrap.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityDirectory directory;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final RepositoryService repository;
  private final ObjectProvider<CaseFileIntakeProperties> caseFiles;

  IntegrationIdentityBootstrap(IdentityDirectory directory, IdentityService identity,
      AuthorizationService authorizations, RepositoryService repository,
      ObjectProvider<CaseFileIntakeProperties> caseFiles) {
    this.directory = directory;
    this.identity = identity;
    this.authorizations = authorizations;
    this.repository = repository;
    this.caseFiles = caseFiles;
  }

  @Override
  public void initialize() {
    CaseFileIntakeProperties properties = caseFiles.getIfAvailable();
    if (properties == null) {
      return; // integrations do not run in this JVM
    }
    directory.ensureGroup(Roles.INTEGRATIONS, "連携サービス", Groups.GROUP_TYPE_SYSTEM);
    String user = properties.serviceUser();
    if (!directory.userExists(user)) {
      directory.ensureUser(user, "ケースファイル取込", "連携サービス", user + "@tetsuzuki.invalid", randomPassword());
      LOG.info("Service identity '{}' of the case-file intake created (no password login)", user);
    }
    directory.ensureMembership(user, Roles.INTEGRATIONS);
    tenants(user, properties.tenants());
    grants(user, properties.processKeys());
  }

  /** Member of exactly the configured tenants that exist. */
  private void tenants(String user, List<String> configured) {
    for (String tenant : configured) {
      if (identity.createTenantQuery().tenantId(tenant).count() == 0) {
        LOG.warn("Case-file intake: tenant '{}' (tetsuzuki.integrations.case-file.tenants) does not exist;"
            + " its files are rejected until it exists and the platform restarts", tenant);
      } else {
        directory.ensureTenantMembership(tenant, user);
      }
    }
    for (Tenant tenant : identity.createTenantQuery().userMember(user).list()) {
      if (!configured.contains(tenant.getId())) {
        identity.deleteTenantUserMembership(tenant.getId(), user);
        LOG.info("Service identity '{}' no longer serves tenant '{}'", user, tenant.getId());
      }
    }
  }

  /**
   * CREATE_INSTANCE on exactly the allow-listed models and CREATE on process instances; any other grant goes.
   * Applications are registered by the platform's application service, so their model gets no grant.
   */
  private void grants(String user, List<String> processKeys) {
    Set<String> wanted = processKeys.stream().filter(key -> !CaseFileIntakeProperties.APPLICATIONS.equals(key))
        .collect(Collectors.toUnmodifiableSet());
    for (Authorization grant : authorizations.createAuthorizationQuery().userIdIn(user).list()) {
      boolean keep = grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
          && (grant.getResourceType() == Resources.PROCESS_DEFINITION.resourceType()
              && wanted.contains(grant.getResourceId())
              || grant.getResourceType() == Resources.PROCESS_INSTANCE.resourceType()
              && "*".equals(grant.getResourceId()));
      if (!keep) {
        authorizations.deleteAuthorization(grant.getId());
        LOG.info("Service identity '{}': authorization on {} '{}' removed", user,
            resourceName(grant.getResourceType()), grant.getResourceId());
      }
    }
    for (String key : wanted) {
      grantExactly(user, Resources.PROCESS_DEFINITION, key, CREATE_INSTANCE);
      if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
        LOG.warn("Case-file intake: no model '{}' is deployed (tetsuzuki.integrations.case-file.process-keys);"
            + " its files are rejected until it is", key);
      }
    }
    grantExactly(user, Resources.PROCESS_INSTANCE, "*", CREATE);
    LOG.info("Service identity '{}' may start {}", user,
        wanted.stream().sorted().collect(Collectors.joining(", ")));
  }

  /** The user's grant on the resource holds exactly these permissions. */
  private void grantExactly(String user, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .userIdIn(user).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization grant = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing == null) {
      grant.setUserId(user);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    }
    int wanted = 0;
    for (Permission permission : permissions) {
      wanted |= permission.getValue();
    }
    if (existing != null && ((AuthorizationEntity) existing).getPermissions() == wanted) {
      return; // already exactly so: nothing to write
    }
    grant.setPermissions(permissions);
    authorizations.saveAuthorization(grant);
  }

  private static String resourceName(int resourceType) {
    for (Resources resource : Resources.values()) {
      if (resource.resourceType() == resourceType) {
        return resource.resourceName();
      }
    }
    return String.valueOf(resourceType);
  }

  /** Satisfies the engine's password policy (upper, lower, digit, special, length) and is never shown. */
  private static String randomPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "Sv1!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
