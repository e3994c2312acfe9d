package jp.tetsuzuki.processes.approval;

import java.util.function.Function;
import java.util.function.Supplier;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.processes.identity.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;

/**
 * {@link TenantMembers} on the engine's identity service. Looks are taken as the platform (the caller's own read
 * permissions on users and tenants do not matter here: the approval rules decide what the caller may do).
 */
public class EngineTenantMembers implements TenantMembers {

  private final Supplier<IdentityService> identity;

  public EngineTenantMembers(Supplier<IdentityService> identity) {
    this.identity = identity;
  }

  @Override
  public boolean isMember(String tenantId, String userId) {
    return lookUp(ids -> ids.createTenantQuery().tenantId(tenantId).userMember(userId)
        .includingGroupsOfUser(true).count() > 0);
  }

  @Override
  public boolean isPerson(String userId) {
    return lookUp(ids -> ids.createUserQuery().userId(userId).memberOfGroup(Roles.STAFF).count() > 0
        || ids.createUserQuery().userId(userId).memberOfGroup(Roles.SUPERVISORS).count() > 0);
  }

  @Override
  public boolean isManager(String tenantId, String userId) {
    return lookUp(ids -> ids.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0
        || ids.createUserQuery().userId(userId).memberOfGroup(tenantId + "-" + Roles.SUPERVISORS).count() > 0);
  }

  @Override
  public boolean isInGroup(String userId, String groupId) {
    return lookUp(ids -> ids.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  @Override
  public String displayName(String userId) {
    return lookUp(ids -> {
      User user = ids.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        return userId;
      }
      String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
          + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
      return name.isEmpty() ? userId : name;
    });
  }

  private <T> T lookUp(Function<IdentityService, T> query) {
    IdentityService ids = identity.get();
    return AsPlatform.call(ids, () -> query.apply(ids));
  }
}
