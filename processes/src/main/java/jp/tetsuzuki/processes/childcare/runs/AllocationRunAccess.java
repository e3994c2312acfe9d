package jp.tetsuzuki.processes.childcare.runs;

import java.util.List;
import java.util.Optional;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.processes.identity.Office;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * Whose runs are whose. The tenant of a new run is the caller's (named by {@code tenantId} only when the account
 * belongs to several). A run is seen by the account that made it and by staff and supervisors of its tenant; anyone
 * else is told it does not exist (like documents: two outside systems of one municipality never see each other's).
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
    return run.filter(r -> members.isMember(r.tenantId(), caller)
        && (r.createdBy().equals(caller) || Office.isStaffOrSupervisor(identity, caller)));
  }
}
