package jp.tetsuzuki.processes.approval;

/** What the approval services need to know about people: the platform's user directory behind a small port. */
public interface TenantMembers {

  /** Whether the user exists and belongs to the tenant (directly or through a group). */
  boolean isMember(String tenantId, String userId);

  /**
   * Whether the user is a person of the office (staff or supervisor), not a machine account (outside systems,
   * workers, integration identities are members of their tenants too, but never approve or stand in for anybody).
   */
  boolean isPerson(String userId);

  /** Whether the user manages the tenant's work (a supervisor of the tenant, or an administrator). */
  boolean isManager(String tenantId, String userId);

  /** Whether the user is a member of the group (directly). */
  boolean isInGroup(String userId, String groupId);

  /** Name shown to staff, e.g. {@code 区課長 花子}; the id if the user is unknown. */
  String displayName(String userId);
}
