package jp.tetsuzuki.processes.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edge's path × role table without a server: the cells the matrix test cannot reach cheaply. */
class EngineApiPolicyTest {

  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
      // people read and work tasks; repairs and variable writes are not theirs
      "STAFF, GET, task/abc/form-variables, allow",
      "STAFF, POST, task/abc/submit-form, allow",
      "STAFF, POST, task/abc/assignee, deny",
      "STAFF, POST, message, deny",
      "STAFF, POST, signal, deny",
      "STAFF, PUT, process-instance/p1/variables/x, deny",
      "STAFF, POST, process-instance/p1/modification, deny",
      "STAFF, POST, job/j1/execute, deny",
      "STAFF, PUT, job/j1/duedate, deny",
      "STAFF, POST, history/cleanup, deny",
      "STAFF, POST, history/process-instance/delete, deny",
      "STAFF, POST, job/retries, deny",
      "STAFF, POST, history/variable-instance, allow",
      "STAFF, POST, process-definition/key/administrative-procedure/submit-form, allow",
      "STAFF, POST, process-definition/key/administrative-procedure/tenant-id/demo-ku/start, allow",
      "STAFF, POST, deployment/create, deny",
      "STAFF, PUT, user/staff-ku/credentials, allow",
      "STAFF, POST, user/create, deny",
      "SUPERVISOR, POST, task/abc/assignee, allow",
      "SUPERVISOR, POST, task/abc/delegate, allow",
      // candidate links are not changed over the API (a supervisor would make himself an inspector: review F1)
      "SUPERVISOR, POST, task/abc/identity-links, deny",
      "SUPERVISOR, POST, task/abc/identity-links/delete, deny",
      "SUPERVISOR, DELETE, process-instance/p1, deny",
      "DESIGNER, POST, deployment/create, allow",
      "DESIGNER, DELETE, deployment/d1, deny",
      "PLATFORM_DESIGNER, DELETE, deployment/d1, allow",
      // machine accounts: outside systems nothing, workers the external-task API only
      "OUTSIDE_SYSTEM, GET, engine, deny",
      "OUTSIDE_SYSTEM, GET, history/variable-instance, deny",
      "OUTSIDE_SYSTEM, POST, external-task/fetchAndLock, deny",
      "WORKER, POST, external-task/fetchAndLock, allow",
      "WORKER, POST, external-task/t1/complete, allow",
      "WORKER, POST, external-task/t1/extendLock, allow",
      "WORKER, PUT, external-task/t1/retries, deny",
      "WORKER, GET, task, deny",
      "WORKER, POST, process-instance/p1/modification, deny",
      "INTEGRATION, POST, process-definition/key/connectivity-check/start, deny",
      "ADMINISTRATOR, POST, process-instance/p1/modification, allow",
      "ADMINISTRATOR, POST, message, allow"})
  void engineApi(Role role, String method, String operation, String expected) {
    assertThat(EngineApiPolicy.allowed(EnumSet.of(role), method, operation).isPresent())
        .isEqualTo(expected.equals("allow"));
  }

  @ParameterizedTest(name = "{0} {1} /api/v1/{2} → {3}")
  @CsvSource({
      "OUTSIDE_SYSTEM, POST, applications, allow",
      "OUTSIDE_SYSTEM, GET, applications/a1, allow",
      "OUTSIDE_SYSTEM, POST, documents/d1/recognition, allow",
      "OUTSIDE_SYSTEM, GET, approvals/p1/history, deny",
      "OUTSIDE_SYSTEM, POST, approvals/substitutes, deny",
      "STAFF, POST, approvals/substitutes, allow",
      "DESIGNER, POST, applications, deny",
      "DESIGNER, GET, procedures, allow",
      "WORKER, GET, documents/d1, deny",
      "WORKER, GET, procedures, deny",
      "INTEGRATION, POST, applications, deny"})
  void publicApi(Role role, String method, String operation, String expected) {
    assertThat(EngineApiPolicy.allowedOnPublicApi(EnumSet.of(role), method, operation).isPresent())
        .isEqualTo(expected.equals("allow"));
  }

  /** The workers' API: the worker role only, no administrator shortcut, reads only, documents only. */
  @ParameterizedTest(name = "{0} {1} /api/worker/{2} → {3}")
  @CsvSource({
      "WORKER, GET, documents/d1, allow",
      "WORKER, POST, documents/d1, deny",
      "WORKER, GET, documents, deny",
      "WORKER, GET, documents/d1/recognition, deny",
      "ADMINISTRATOR, GET, documents/d1, deny",
      "OUTSIDE_SYSTEM, GET, documents/d1, deny",
      "STAFF, GET, documents/d1, deny",
      "SUPERVISOR, GET, documents/d1, deny",
      "DESIGNER, GET, documents/d1, deny",
      "PLATFORM_DESIGNER, GET, documents/d1, deny",
      "INTEGRATION, GET, documents/d1, deny"})
  void workerApi(Role role, String method, String operation, String expected) {
    assertThat(EngineApiPolicy.allowedOnWorkerApi(EnumSet.of(role), method, operation).isPresent())
        .isEqualTo(expected.equals("allow"));
  }

  @ParameterizedTest(name = "groups {0} → {1}")
  @CsvSource({"staff;demo-ku-doro, STAFF", "camunda-admin, ADMINISTRATOR", "api-clients, OUTSIDE_SYSTEM",
      "demo-ku-doro, ''"})
  void rolesComeFromTheGroups(String groups, String expected) {
    Set<Role> roles = Role.of(Set.of(groups.split(";")));
    assertThat(roles).isEqualTo(expected.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.of(Role.valueOf(expected)));
  }
}
