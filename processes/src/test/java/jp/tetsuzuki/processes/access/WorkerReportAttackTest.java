package jp.tetsuzuki.processes.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.LegacyEntryVariables;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Review finding (issue 9, attacker with the demo accounts): the worker account completed a document-inspection
 * task with {@code documentId} of another document of the case and turned an accepted file into a refused one. A
 * worker's report now carries only the workers' outputs; which record a step touches is never the worker's to say.
 */
@PlatformTest
class WorkerReportAttackTest {

  @Value("${server.port}") int port;

  private static final String TASK = "/engine-rest/external-task/00000000-0000-0000-0000-000000000000";

  @Test
  void aWorkerReportThatNamesAnotherRecordIsRefusedAtTheEdge() {
    Http worker = Http.as("worker", port);
    for (String operation : new String[] {"/complete", "/bpmnError"}) {
      for (String input : new String[] {DocumentVariables.DOCUMENT_ID, "applicationId", "noticeEventId", "tenantId"}) {
        for (String scope : new String[] {"variables", "localVariables"}) {
          Http.Response response = worker.postJson(TASK + operation, Map.of("workerId", "w", "errorCode",
              "DOCUMENT_REFUSED", scope, Map.of(input, Map.of("value", "x"))));
          assertThat(response.status()).as(operation + " " + scope + "." + input).isEqualTo(403);
          assertThat(response.body()).contains(input);
        }
      }
    }
  }

  @Test
  void aReportOfOutputsOnlyPassesTheEdge() {
    // the task does not exist: the engine answers 404, so the edge let the report through
    Http.Response response = Http.as("worker", port).postJson(TASK + "/complete", Map.of("workerId", "w",
        "variables", Map.of(DocumentVariables.DOCUMENT_MEDIA_TYPE, Map.of("value", "application/pdf"),
            DocumentVariables.DOCUMENT_PAGES, Map.of("value", 1))));
    assertThat(response.status()).as(response.body()).isEqualTo(404);
  }

  /**
   * Review finding: reports were checked against every topic's outputs together, so a document-inspection report
   * could set the legacy register's record number and outcome. The edge looks up the task's topic by its id.
   */
  @Test
  void aWorkerReportsOnlyTheOutputsOfItsTasksTopic() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode foreign = json.valueToTree(Map.of("workerId", "w", "variables", Map.of(
        LegacyEntryVariables.LEGACY_RECORD_NUMBER, Map.of("value", "R-1"),
        LegacyEntryVariables.LEGACY_ENTRY_OUTCOME, Map.of("value", "ENTERED"))));
    EngineApiGuardFilter.Verdict refused = EngineApiGuardFilter.report(foreign, Optional.of(Topics.DOCUMENT_INSPECTION));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.message()).contains(Topics.DOCUMENT_INSPECTION, LegacyEntryVariables.LEGACY_RECORD_NUMBER,
        LegacyEntryVariables.LEGACY_ENTRY_OUTCOME);
    assertThat(EngineApiGuardFilter.report(foreign, Optional.of(Topics.LEGACY_SYSTEM_ENTRY)).status()).isZero();
    ObjectNode own = json.valueToTree(Map.of("workerId", "w", "localVariables", Map.of(
        DocumentVariables.DOCUMENT_MEDIA_TYPE, Map.of("value", "application/pdf"))));
    assertThat(EngineApiGuardFilter.report(own, Optional.of(Topics.DOCUMENT_INSPECTION)).status()).isZero();
    assertThat(EngineApiGuardFilter.report(own, Optional.of(Topics.LEGACY_SYSTEM_ENTRY)).status()).isEqualTo(403);
    // a topic no worker reports for (or a task that is gone): nothing may be reported / the engine answers 404
    assertThat(EngineApiGuardFilter.report(own, Optional.of("no-such-topic")).status()).isEqualTo(403);
    assertThat(EngineApiGuardFilter.report(own, Optional.empty()).status()).isZero();
  }
}
