package jp.tetsuzuki.processes.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Idempotent create-if-missing operations on the engine's users, groups, tenants and authorizations, used by the
 * platform bootstrap and the demo data. Runs as the engine itself (no authenticated user).
 */
@Component
public class IdentityDirectory {

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public IdentityDirectory(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  public void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  public void ensureTenant(String id, String name) {
    if (identity.createTenantQuery().tenantId(id).count() == 0) {
      Tenant tenant = identity.newTenant(id);
      tenant.setName(name);
      identity.saveTenant(tenant);
    }
  }

  /** Creates the user with the given password if missing; an existing user's password is left alone. */
  public void ensureUser(String id, String firstName, String lastName, String email, String password) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(password);
      identity.saveUser(user);
    }
  }

  public void ensureMembership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  public void ensureTenantMembership(String tenantId, String userId) {
    if (identity.createTenantQuery().tenantId(tenantId).userMember(userId).count() == 0) {
      identity.createTenantUserMembership(tenantId, userId);
    }
  }

  public void ensureTenantGroupMembership(String tenantId, String groupId) {
    if (identity.createTenantQuery().tenantId(tenantId).groupMember(groupId).count() == 0) {
      identity.createTenantGroupMembership(tenantId, groupId);
    }
  }

  public boolean userExists(String id) {
    return identity.createUserQuery().userId(id).count() > 0;
  }

  /** Grants the permissions to a group on one resource id ({@code *} for all), adding to what it already has. */
  public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization grant = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing == null) {
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }

  /**
   * Makes the group's grants on the given resource types exactly the wanted ones: missing permissions are added,
   * permissions and grants beyond them are taken away (a database started under an older, broader table keeps
   * nothing of it). Grants on other resource types (e.g. filters shared with the group) are left alone.
   */
  public void syncGroupGrants(String groupId, Set<Resource> managed, java.util.List<Grant> wanted) {
    java.util.Map<String, Grant> byKey = new java.util.HashMap<>();
    for (Grant grant : wanted) {
      byKey.merge(grant.resource().resourceType() + "|" + grant.resourceId(), grant, Grant::plus);
    }
    for (Resource resource : managed) {
      for (Authorization existing : authorizations.createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).list()) {
        if (!"*".equals(existing.getResourceId()) && PER_OBJECT.contains(resource.resourceType())) {
          continue; // a task's own grant to its candidate group, made by the engine
        }
        Grant keep = byKey.remove(resource.resourceType() + "|" + existing.getResourceId());
        if (keep == null) {
          authorizations.deleteAuthorization(existing.getId());
        } else {
          existing.setPermissions(keep.permissions());
          authorizations.saveAuthorization(existing);
        }
      }
    }
    for (Grant grant : byKey.values()) {
      Authorization created = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      created.setGroupId(groupId);
      created.setResource(grant.resource());
      created.setResourceId(grant.resourceId());
      created.setPermissions(grant.permissions());
      authorizations.saveAuthorization(created);
    }
  }

  private static final Set<Integer> PER_OBJECT = Set.of(
      org.camunda.bpm.engine.authorization.Resources.TASK.resourceType(),
      org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK.resourceType(),
      org.camunda.bpm.engine.authorization.Resources.FILTER.resourceType());

  /** Permissions on one resource id ({@code *} for all) of one resource type. */
  public record Grant(Resource resource, String resourceId, Permission... permissions) {
    Grant plus(Grant other) {
      Permission[] all = java.util.Arrays.copyOf(permissions, permissions.length + other.permissions.length);
      System.arraycopy(other.permissions, 0, all, permissions.length, other.permissions.length);
      return new Grant(resource, resourceId, all);
    }
  }

  /** Makes every member of the group a member of every tenant (machine accounts that serve all municipalities). */
  public void ensureGroupMembersInAllTenants(String groupId) {
    List<User> members = identity.createUserQuery().memberOfGroup(groupId).list();
    for (Tenant tenant : identity.createTenantQuery().list()) {
      for (User user : members) {
        ensureTenantMembership(tenant.getId(), user.getId());
      }
    }
  }

  public Set<String> groupIdsOf(String userId) {
    Set<String> ids = new java.util.HashSet<>();
    identity.createGroupQuery().groupMember(userId).list().forEach(g -> ids.add(g.getId()));
    return ids;
  }

  static EnumSet<org.camunda.bpm.engine.authorization.Resources> allResources() {
    return EnumSet.allOf(org.camunda.bpm.engine.authorization.Resources.class);
  }
}
