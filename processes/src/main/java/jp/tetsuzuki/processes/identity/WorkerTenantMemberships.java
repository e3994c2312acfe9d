package jp.tetsuzuki.processes.identity;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Workers serve every municipality: fetchAndLock returns only the tasks of the caller's tenants, so every member of
 * {@code workers} is made a member of every tenant, in every profile. Runs after the tenants of this start exist
 * (demo data, integrations); a tenant added later is served from the next start on.
 */
@Component
@Order(50)
class WorkerTenantMemberships implements StartupInitializer {

  private final IdentityDirectory directory;

  WorkerTenantMemberships(IdentityDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void initialize() {
    directory.ensureGroupMembersInAllTenants(Roles.WORKERS);
  }
}
