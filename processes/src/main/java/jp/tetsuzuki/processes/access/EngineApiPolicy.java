package jp.tetsuzuki.processes.access;

import static jp.tetsuzuki.processes.access.Role.DESIGNER;
import static jp.tetsuzuki.processes.access.Role.PLATFORM_DESIGNER;
import static jp.tetsuzuki.processes.access.Role.SUPERVISOR;
import static jp.tetsuzuki.processes.access.Role.WORKER;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The edge's table of engine API operations (path × role), the same for {@code /engine-rest/…} and the webapps'
 * {@code /camunda/api/engine/engine/<name>/…}: whatever is not in it is for administrators only, so one engine
 * authorization granted by mistake cannot open a hole. Outside systems and integration identities appear nowhere:
 * they use the public API. Engine authorizations and tenant checks still decide within what the table lets through.
 * Plain Java, tested by the authorization matrix.
 */
public final class EngineApiPolicy {

  /** What the edge looks at in the body of an allowed call before passing it on. */
  public enum BodyCheck {
    NONE,
    /** a start: no start instructions (administrators only); start variables only of the start form */
    START,
    /** a task completion: variables only of the task's form, display-only fields dropped */
    TASK_FORM,
    /** a worker's fetchAndLock: topics of our workers only */
    WORKER_TOPICS,
    /** a worker's report (complete, bpmnError, failure): only the workers' output variables, never a case's inputs */
    WORKER_REPORT,
    /** a change to a user's own profile or password: only the caller's own user */
    OWN_USER,
    /** claim for oneself, unclaim one's own task (supervisors hand tasks to others) */
    OWN_CLAIM,
    /** removing a deployment, never with its running cases and their history */
    NO_CASCADE
  }

  public record Rule(String name, Set<String> methods, Pattern path, Set<Role> roles, BodyCheck check) {}

  private static final String ID = "[^/]+";
  private static final String DEFINITION = "process-definition/(" + ID + "|key/" + ID + "(/tenant-id/" + ID + ")?)";

  private static final Set<Role> PEOPLE = Role.PEOPLE;
  private static final Set<Role> DESIGNERS = EnumSet.of(DESIGNER, PLATFORM_DESIGNER);

  static final List<Rule> RULES = List.of(
      // people read through the webapps; the engine's grants and tenant checks decide what they see
      rule("read", Set.of("GET", "HEAD"), ".*", PEOPLE, BodyCheck.NONE),
      rule("query", Set.of("POST"), "(task|task/count|process-instance|process-instance/count|execution"
          + "|execution/count|variable-instance|variable-instance/count|job|job/count|incident|incident/count"
          + "|external-task|external-task/count|history/(process-instance|activity-instance|task|variable-instance"
          + "|detail|decision-instance|incident|external-task-log|job-log|identity-link-log)(/count)?"
          + "|filter/" + ID + "/(list|count|singleResult))", PEOPLE, BodyCheck.NONE),
      // work on tasks they are candidates or assignees of
      rule("task-claim", Set.of("POST"), "task/" + ID + "/(claim|unclaim)", PEOPLE, BodyCheck.OWN_CLAIM),
      rule("task-complete", Set.of("POST"), "task/" + ID + "/(complete|submit-form)", PEOPLE, BodyCheck.TASK_FORM),
      rule("task-comment", Set.of("POST"), "task/" + ID + "/comment/create", PEOPLE, BodyCheck.NONE),
      rule("process-start", Set.of("POST"), DEFINITION + "/(start|submit-form)", PEOPLE, BodyCheck.START),
      rule("own-profile", Set.of("PUT"), "user/" + ID + "/(profile|credentials)", PEOPLE, BodyCheck.OWN_USER),
      // supervisors hand tasks of their tenant to somebody else
      // (to somebody who may work it: a candidate or the assignee; candidate links themselves are changed by
      // administrators only, so that nobody makes himself a candidate of the 検査 or the 会計管理者's check)
      rule("task-reassign", Set.of("POST"), "task/" + ID + "/(assignee|delegate)", EnumSet.of(SUPERVISOR),
          BodyCheck.OWN_CLAIM),
      rule("task-update", Set.of("PUT"), "task/" + ID, EnumSet.of(SUPERVISOR), BodyCheck.OWN_CLAIM),
      // designers deploy (the deployment guard checks tenant and content); removing deployments: platform designers
      rule("deploy", Set.of("POST"), "deployment/create", DESIGNERS, BodyCheck.NONE),
      rule("undeploy", Set.of("DELETE"), "deployment/" + ID, EnumSet.of(PLATFORM_DESIGNER), BodyCheck.NO_CASCADE),
      // workers fetch and finish the external tasks of their topics, nothing else
      rule("worker-engine", Set.of("GET"), "engine", EnumSet.of(WORKER), BodyCheck.NONE),
      rule("worker-fetch", Set.of("POST"), "external-task/fetchAndLock", EnumSet.of(WORKER), BodyCheck.WORKER_TOPICS),
      rule("worker-report", Set.of("POST"), "external-task/" + ID + "/(complete|failure|bpmnError|extendLock|unlock)",
          EnumSet.of(WORKER), BodyCheck.WORKER_REPORT));

  private static final Set<Role> OUTSIDE_AND_PEOPLE = EnumSet.of(Role.OUTSIDE_SYSTEM, Role.STAFF, SUPERVISOR, DESIGNER,
      PLATFORM_DESIGNER);
  private static final Set<Role> CASE_PARTIES = EnumSet.of(Role.OUTSIDE_SYSTEM, Role.STAFF, SUPERVISOR);
  private static final Set<Role> OFFICE = EnumSet.of(Role.STAFF, SUPERVISOR);

  /**
   * The public API ({@code /api/v1/…}) by role; the controllers then check tenant and ownership (an outside system
   * sees only its own applications and documents, staff their municipality's).
   */
  static final List<Rule> PUBLIC_API = List.of(
      rule("reference", Set.of("GET"), "(procedures|calendar/due-date|calendar/closed-days)", OUTSIDE_AND_PEOPLE,
          BodyCheck.NONE),
      rule("identifiers", Set.of("POST"), "identifiers/validate", OUTSIDE_AND_PEOPLE, BodyCheck.NONE),
      rule("documents", Set.of("GET", "POST"), "documents(/" + ID + "(/recognition)?)?", CASE_PARTIES, BodyCheck.NONE),
      rule("applications", Set.of("GET", "POST"), "applications(/" + ID + "(/corrections|/withdrawal)?)?",
          CASE_PARTIES, BodyCheck.NONE),
      // contract payment (issue 11): outside systems only (the contract system, suppliers' systems); staff work
      // the cases in the Tasklist; the controller scopes by tenant and, for a supplier, by its 法人番号
      rule("contracts", Set.of("GET", "POST"), "contracts(/" + ID + "(/completion)?)?",
          EnumSet.of(Role.OUTSIDE_SYSTEM), BodyCheck.NONE),
      rule("invoices", Set.of("POST"), "invoices", EnumSet.of(Role.OUTSIDE_SYSTEM), BodyCheck.NONE),
      rule("approvals", Set.of("GET", "POST", "DELETE"), "approvals/(substitutes(/" + ID + ")?|" + ID
          + "/(history|withdrawal))", OFFICE, BodyCheck.NONE),
      // stand-alone allocation from a municipality's own files: its office and its outside systems
      rule("childcare-allocation-runs", Set.of("GET", "POST"), "childcare/allocation-runs(/" + ID
          + "(/result\\.csv)?)?", CASE_PARTIES, BodyCheck.NONE),
      // childcare applications: parents' apps and the linkage platform apply, the tenant's office reads them
      rule("childcare-applications", Set.of("GET", "POST"), "childcare/applications(/" + ID + ")?", CASE_PARTIES,
          BodyCheck.NONE),
      // 取下げ: the submitting system, or the tenant's childcare staff for a parent; the controller checks which
      rule("childcare-application-withdrawal", Set.of("POST"), "childcare/applications/" + ID + "/withdrawal",
          CASE_PARTIES, BodyCheck.NONE),
      // places (募集人数) from the tenants' nursery systems: their machine accounts only; the service checks tenant
      // and facilities
      rule("childcare-capacities", Set.of("PUT", "POST"), "childcare/capacities", EnumSet.of(Role.NURSERY_SYSTEM),
          BodyCheck.NONE));

  /**
   * The workers' platform API ({@code /api/worker/…}): group {@code workers} only, administrators included out (they
   * read documents through the public API). The controller then hands out only documents of a task the calling
   * worker holds locked.
   */
  static final List<Rule> WORKER_API = List.of(
      rule("worker-documents", Set.of("GET"), "documents/" + ID, EnumSet.of(WORKER), BodyCheck.NONE));

  private EngineApiPolicy() {}

  /**
   * The rule that lets the caller use the workers' API; {@code operation} is the path below {@code /api/worker/}.
   * No administrator shortcut: only the roles a rule names.
   */
  public static Optional<Rule> allowedOnWorkerApi(Set<Role> roles, String method, String operation) {
    for (Rule rule : WORKER_API) {
      if (rule.methods().contains(method) && rule.path().matcher(operation).matches()
          && rule.roles().stream().anyMatch(roles::contains)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** Like {@link #allowed} for the public API; {@code operation} is the path below {@code /api/v1/}. */
  public static Optional<Rule> allowedOnPublicApi(Set<Role> roles, String method, String operation) {
    return match(PUBLIC_API, roles, method, operation);
  }

  private static Rule rule(String name, Set<String> methods, String path, Set<Role> roles, BodyCheck check) {
    return new Rule(name, methods, Pattern.compile(path), roles, check);
  }

  /**
   * The rule that lets the caller do this, if any. Administrators may do everything (rule {@code administrator}).
   *
   * @param operation the path below the engine prefix, without leading or trailing slash (e.g. {@code message})
   */
  public static Optional<Rule> allowed(Set<Role> roles, String method, String operation) {
    return match(RULES, roles, method, operation);
  }

  private static Optional<Rule> match(List<Rule> rules, Set<Role> roles, String method, String operation) {
    if (roles.contains(Role.ADMINISTRATOR)) {
      return Optional.of(new Rule("administrator", Set.of(method), Pattern.compile(".*"), roles, BodyCheck.NONE));
    }
    for (Rule rule : rules) {
      if (rule.methods().contains(method) && rule.path().matcher(operation).matches()
          && rule.roles().stream().anyMatch(roles::contains)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }
}
