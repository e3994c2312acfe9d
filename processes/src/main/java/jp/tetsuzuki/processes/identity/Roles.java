package jp.tetsuzuki.processes.identity;

/** Platform-wide groups; department groups are per tenant ({@code <tenant>-<department>}). */
public final class Roles {

  /** Camunda's administrator group. */
  public static final String ADMINISTRATORS = "camunda-admin";
  /** Process designers: deploy models and forms for the tenants they belong to. */
  public static final String DESIGNERS = "designers";
  /** Platform designers: may also deploy shared models (no tenant), which every municipality runs on. */
  public static final String PLATFORM_DESIGNERS = "platform-designers";
  /** Every staff member: Tasklist access and shared filters. */
  public static final String STAFF = "staff";
  /** Supervisors: see and reassign their tenant's tasks, receive escalations. */
  public static final String SUPERVISORS = "supervisors";
  /** Machine accounts of outside systems using the public API. */
  public static final String API_CLIENTS = "api-clients";
  /** Machine accounts of external-task workers. */
  public static final String WORKERS = "workers";
  /** Service identities of the platform's own integration routes (they start only allow-listed processes). */
  public static final String INTEGRATIONS = "integrations";
  /** Machine accounts of the tenants' nursery ICT systems: they report places (募集人数), nothing else. */
  public static final String NURSERY_SYSTEMS = "nursery-systems";

  /** Machine accounts of the monitoring system: they may scrape {@code /actuator/prometheus}, nothing else. */
  public static final String MONITORING = "monitoring";

  /** Prefix of the Spring authorities a login gives the user's engine groups ({@code GROUP_<group id>}). */
  public static final String AUTHORITY_PREFIX = "GROUP_";

  private Roles() {}
}
