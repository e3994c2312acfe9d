package jp.tetsuzuki.processes.approval;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;

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
    return asPlatform(ids -> ids.createTenantQuery().tenantId(tenantId).userMember(userId)
        .includingGroupsOfUser(true).count() > 0);
  }

  @Override
  public boolean isManager(String tenantId, String userId) {
    return asPlatform(ids -> ids.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0
        || ids.createUserQuery().userId(userId).memberOfGroup(tenantId + "-supervisors").count() > 0);
  }

  @Override
  public String displayName(String userId) {
    return asPlatform(ids -> {
      User user = ids.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        return userId;
      }
      String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
          + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
      return name.isEmpty() ? userId : name;
    });
  }

  private <T> T asPlatform(java.util.function.Function<IdentityService, T> query) {
    IdentityService ids = identity.get();
    Authentication caller = ids.getCurrentAuthentication();
    ids.clearAuthentication();
    try {
      return query.apply(ids);
    } finally {
      if (caller != null) {
        ids.setAuthentication(caller);
      }
    }
  }
}
