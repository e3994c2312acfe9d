package jp.tetsuzuki.processes.childcare.runs;

import java.util.List;
import java.util.Optional;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.processes.identity.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * Whose runs are whose. The tenant of a new run is the caller's (named by {@code tenantId} only when the account
 * belongs to several). A run holds children's ids, ages and points: it is seen by the account that made it (the
 * outside system or staff member that submitted the files), by the tenant's childcare staff (group
 * {@code <tenant>-hoiku}, 保育課, who run the allocation) and by the tenant's supervisors ({@code <tenant>-supervisors});
 * anyone else, other staff of the same tenant included, is told it does not exist (review F9).
 */
@Component
class AllocationRunAccess {

  private final IdentityService identity;
  private final TenantMembers members;

  AllocationRunAccess(IdentityService identity, TenantMembers members) {
    this.identity = identity;
    this.members = members;
  }

  /** The tenants the caller belongs to, directly or through a group, sorted by id. */
  List<String> tenantsOf(String caller) {
    return AsPlatform.call(identity, () -> identity.createTenantQuery().userMember(caller)
        .includingGroupsOfUser(true).orderByTenantId().asc().list().stream().map(Tenant::getId).toList());
  }

  boolean isMember(String tenantId, String caller) {
    return members.isMember(tenantId, caller);
  }

  Optional<AllocationRun> visible(Optional<AllocationRun> run, String caller) {
    return run.filter(r -> members.isMember(r.tenantId(), caller) && (r.createdBy().equals(caller)
        || inGroup(caller, r.tenantId() + "-hoiku") || inGroup(caller, r.tenantId() + "-" + Roles.SUPERVISORS)));
  }

  private boolean inGroup(String caller, String group) {
    // the platform's own look-up: staff hold no grant to read the directory
    return AsPlatform.call(identity, () -> identity.createUserQuery().userId(caller).memberOfGroup(group).count() > 0);
  }
}
