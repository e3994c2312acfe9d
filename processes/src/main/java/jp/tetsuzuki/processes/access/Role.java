package jp.tetsuzuki.processes.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import jp.tetsuzuki.processes.identity.Roles;

/** The platform's roles (README, "Roles"), each one engine group; a user has the roles of their groups. */
public enum Role {
  OUTSIDE_SYSTEM(Roles.API_CLIENTS),
  WORKER(Roles.WORKERS),
  INTEGRATION(Roles.INTEGRATIONS),
  STAFF(Roles.STAFF),
  SUPERVISOR(Roles.SUPERVISORS),
  DESIGNER(Roles.DESIGNERS),
  PLATFORM_DESIGNER(Roles.PLATFORM_DESIGNERS),
  ADMINISTRATOR(Roles.ADMINISTRATORS),
  /** Scrapes {@code /actuator/prometheus} (SecurityConfiguration); no rule of the engine or public API names it. */
  MONITORING(Roles.MONITORING),
  NURSERY_SYSTEM(Roles.NURSERY_SYSTEMS);

  /** People working in the webapps (as opposed to machine accounts). */
  public static final Set<Role> PEOPLE = EnumSet.of(STAFF, SUPERVISOR, DESIGNER, PLATFORM_DESIGNER);

  private final String group;

  Role(String group) {
    this.group = group;
  }

  public String group() {
    return group;
  }

  public static Set<Role> of(Collection<String> groupIds) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (groupIds != null) {
      for (Role role : values()) {
        if (groupIds.contains(role.group)) {
          roles.add(role);
        }
      }
    }
    return roles;
  }
}
