package jp.tetsuzuki.processes.identity;

import org.camunda.bpm.engine.IdentityService;

/** Who works in a municipality's office: staff and supervisors (a supervisor need not be in group staff too). */
public final class Office {

  private Office() {}

  /** Whether the user is staff or a supervisor of any tenant (the tenant check is the caller's to make). */
  public static boolean isStaffOrSupervisor(IdentityService identity, String userId) {
    return AsPlatform.call(identity, () -> identity.createUserQuery().userId(userId).memberOfGroup(Roles.STAFF)
        .count() > 0 || identity.createUserQuery().userId(userId).memberOfGroup(Roles.SUPERVISORS).count() > 0);
  }
}
