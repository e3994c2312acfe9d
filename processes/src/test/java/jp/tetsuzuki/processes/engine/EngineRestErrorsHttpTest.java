package jp.tetsuzuki.processes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input to /engine-rest is the client's mistake (issue 8, item 9): 400 with the engine's message in Camunda's
 * error shape, never 500, and never SQL, class names or stack traces.
 */
@PlatformTest
class EngineRestErrorsHttpTest {

  @LocalServerPort int port;

  private Http admin() {
    return Http.as("admin", port);
  }

  @Test
  void aDeploymentWithADoctypeIsABadRequest() {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://tetsuzuki.jp/test">
          <process id="doctype-probe" isExecutable="true"><startEvent id="StartEvent_1" name="&secret;"/></process>
        </definitions>
        """;
    Http.Response response = deploy("doctype-probe.bpmn", bpmn);
    assertCamundaError(response, 400);
    assertThat(response.json().get("message").asText()).containsIgnoringCase("DOCTYPE");
  }

  @Test
  void aJavaSerializedVariableIsABadRequest() {
    String taskId = "serialization-probe-" + UUID.randomUUID();
    Http.Response created = admin().postJson("/engine-rest/task/create", Map.of("id", taskId, "name", "probe"));
    assertThat(created.status()).as(created.body()).isEqualTo(204);
    try {
      Http.Response response = admin().putJson("/engine-rest/task/" + taskId + "/variables/payload", Map.of(
          "value", "rO0ABXQABWhlbGxv", "type", "Object", "valueInfo", Map.of("objectTypeName", "java.lang.String",
              "serializationDataFormat", "application/x-java-serialized-object")));
      assertCamundaError(response, 400);
      assertThat(response.json().get("message").asText()).containsIgnoringCase("serializ");
    } finally {
      admin().delete("/engine-rest/task/" + taskId);
    }
  }

  @Test
  void aPasswordThatFailsThePolicyIsABadRequest() {
    Http.Response response = admin().postJson("/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "weak-" + UUID.randomUUID().toString().substring(0, 8), "firstName", "弱",
            "lastName", "パスワード", "email", "weak@example.invalid"),
        "credentials", Map.of("password", "x")));
    assertCamundaError(response, 400);
    assertThat(response.json().get("message").asText()).containsIgnoringCase("password");
  }

  @Test
  void aProfileNameLongerThanTheEnginesColumnIsABadRequest() {
    // review 2026-12-01 (F13): 500 ProcessEnginePersistenceException for a 4,100-character first name
    Http staff = Http.as("staff-shi", port);
    JsonNode profile = staff.get("/engine-rest/user/staff-shi/profile").json();
    Map<String, Object> longName = new java.util.HashMap<>(Map.of("id", "staff-shi", "firstName", "あ".repeat(4100),
        "lastName", profile.get("lastName").asText()));
    Http.Response response = staff.putJson("/engine-rest/user/staff-shi/profile", longName);
    assertCamundaError(response, 400);
    assertThat(response.body()).contains("firstName");
    assertThat(staff.get("/engine-rest/user/staff-shi/profile").json().get("firstName").asText())
        .isEqualTo(profile.get("firstName").asText());
  }

  @Test
  void aBodyWithAWronglyTypedFieldIsAJsonBadRequestNamingTheField() {
    // review 2026-12-01 (F14): 400 text/plain quoting java.util.Date and the DTO's class
    Http.Response response = Http.as("staff-ku", port).postJson("/engine-rest/task", Map.of("dueAfter", "notadate"));
    assertCamundaError(response, 400);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.body()).contains("dueAfter").doesNotContain("Dto").doesNotContain("Date`");
  }

  private Http.Response deploy(String fileName, String content) {
    String boundary = "tz-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + "probe\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8));
    return admin().post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
  }

  static void assertCamundaError(Http.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().get("type").asText()).as(response.body()).isNotBlank();
    assertThat(response.json().get("message").asText()).as(response.body()).isNotBlank();
    assertThat(response.body()).doesNotContain("org.").doesNotContain("java.").doesNotContain("\tat ")
        .doesNotContainIgnoringCase("insert into").doesNotContainIgnoringCase("select ");
  }
}
