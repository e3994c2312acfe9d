package jp.tetsuzuki.processes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The edge closes the known holes of Camunda 7.24.0 CE (DESIGN.md, security model; issue 2). */
@PlatformTest
class SecurityEdgeTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @Test
  void anonymousCallsToEngineRestAndPublicApiAreRefused() {
    Http anonymous = Http.anonymous(port);
    for (String path : List.of("/engine-rest/engine", "/engine-rest/task?maxResults=10", "/api/v1/anything",
        "/v3/api-docs", "/actuator/metrics")) {
      Http.Response response = anonymous.get(path);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).as(path).startsWith("Basic");
    }
  }

  @Test
  void administratorReachesTheEngineWithCredentialsAndAWrongPasswordDoesNot() {
    // the platform's engine; model tests in the same JVM register engines of their own, so look for it by name
    assertThat(Http.as("admin", port).get("/engine-rest/engine").json().findValuesAsText("name"))
        .contains("default");
    // a user of its own: a failed login delays that user's next logins (the engine's brute-force throttle)
    if (identityService.createUserQuery().userId("guesser").count() == 0) {
      var user = identityService.newUser("guesser");
      user.setPassword("Kagi-Himitsu-42");
      identityService.saveUser(user);
    }
    assertThat(Http.as("guesser", "wrong-Password-1", port).get("/engine-rest/engine").status()).isEqualTo(401);
    assertThat(Http.as("nobody", "Whatever-pass-1", port).get("/engine-rest/engine").status()).isEqualTo(401);
  }

  @Test
  void healthIsPublicAndMetricsAreForAdministratorsOnly() {
    assertThat(Http.anonymous(port).get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    assertThat(Http.as("staff-ku", port).get("/actuator/metrics").status()).isEqualTo(403);
    assertThat(Http.as("admin", port).get("/actuator/metrics").status()).isEqualTo(200);
  }

  @Test
  void adminSetupEndpointCannotCreateAUser_CVE_2026_77226() {
    Map<String, Object> intruder = Map.of(
        "profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N", "email", "i@example.invalid"),
        "credentials", Map.of("password", "Intruder-pass-1"));
    for (String engine : List.of("default", "other")) {
      Http.Response response = Http.anonymous(port)
          .postJson("/camunda/api/admin/setup/" + engine + "/user/create", intruder);
      assertThat(response.status()).isEqualTo(403);
    }
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    assertThat(identityService.createUserQuery().userId("admin").count()).isOne();
  }

  @Test
  void expressionsAreRefusedInQueryParametersBodiesAndOrQueries() {
    Http staff = Http.as("staff-ku", port);
    assertThat(staff.get("/engine-rest/task?maxResults=10&assigneeExpression=%24%7BcurrentUser()%7D%24%7Bx%7D")
        .status()).isEqualTo(400);
    Http.Response orQuery = staff.postJson("/engine-rest/task?maxResults=10",
        "{\"orQueries\":[{\"assigneeExpression\":\"${execution.getProcessEngineServices()}\"}]}");
    assertThat(orQuery.status()).isEqualTo(400);
    assertThat(orQuery.json().get("message").asText()).contains("Expressions are not allowed");
    // the same through JSON escapes
    assertThat(staff.postJson("/engine-rest/task/count",
        "{\"orQueries\":[{\"nameLike\":\"a\",\"candidateGroupExpression\":\"\\u0024{''.getClass()}\"}]}").status())
        .isEqualTo(400);
    // and through the webapps' engine API (session or not, the guard runs first)
    assertThat(Http.anonymous(port).postJson("/camunda/api/engine/engine/default/task",
        "{\"orQueries\":[{\"assigneeExpression\":\"#{1+1}\"}]}").status()).isEqualTo(400);
  }

  @Test
  void storedFiltersMayOnlyUseTheSafeHelpers() {
    Http admin = Http.as("admin", port);
    Http.Response evil = admin.postJson("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "evil",
        "query", Map.of("assigneeExpression", "${identityService.createUserQuery().list()}")));
    assertThat(evil.status()).isEqualTo(400);
    Http.Response safe = admin.postJson("/engine-rest/filter/create", Map.of("resourceType", "Task",
        "name", "テスト用フィルター", "query", Map.of("assigneeExpression", "${currentUser()}",
            "dueBeforeExpression", "${dateTime().plusDays(2).toDate()}")));
    assertThat(safe.status()).as(safe.body()).isEqualTo(200);
    admin.delete("/engine-rest/filter/" + safe.json().get("id").asText());
  }

  @Test
  void queryResultsAreCapped() {
    Http staff = Http.as("staff-ku", port);
    assertThat(staff.get("/engine-rest/task?maxResults=2001").json().get("message").asText())
        .contains("Max results limit of 2000 exceeded");
    assertThat(staff.get("/engine-rest/process-instance").status()).isEqualTo(400);
    assertThat(staff.get("/engine-rest/task?maxResults=2000").status()).isEqualTo(200);
  }

  @Test
  void healthDetailsAreForAdministratorsOnly() {
    assertThat(Http.anonymous(port).get("/actuator/health").json().has("components")).isFalse();
    assertThat(Http.as("staff-ku", port).get("/actuator/health").status()).isIn(200, 403);
    assertThat(Http.as("admin", port).get("/actuator/health").json().has("components")).isTrue();
  }

  @Test
  void weakPasswordsAreRefused() {
    Http.Response response = Http.as("admin", port).postJson("/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "weakling", "firstName", "弱", "lastName", "太郎", "email", "w@example.invalid"),
        "credentials", Map.of("password", "password")));
    // engine REST reports the policy violation as a ProcessEngineException (500) with a readable message
    assertThat(response.status()).isGreaterThanOrEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("Password does not match policy");
    assertThat(identityService.createUserQuery().userId("weakling").count()).isZero();
  }

  @Test
  void javaSerializedVariablesAreRefused() {
    // only administrators may write variables of a running case directly (least privilege); even they cannot
    // store Java-serialized objects
    Http client = Http.as("admin", port);
    String id = client.postJson("/engine-rest/process-definition/key/connectivity-check/start", Map.of(
        "businessKey", "serialization-test", "variables", Map.of("tenantId", Map.of("value", "demo-ku"))))
        .json().get("id").asText();
    Http.Response response = client.putJson("/engine-rest/process-instance/" + id + "/variables/payload", Map.of(
        "type", "Object", "value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==",
        "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
            "serializationDataFormat", "application/x-java-serialized-object")));
    assertThat(response.status()).isBetween(400, 599);
    assertThat(response.body()).doesNotContain("\tat ");
    assertThat(client.get("/engine-rest/process-instance/" + id + "/variables/payload").status()).isEqualTo(404);
    Http.as("admin", port).delete("/engine-rest/process-instance/" + id);
  }

  @Test
  void responsesCarryHstsAndCsp() {
    Http.Response api = Http.as("admin", port).get("/engine-rest/engine");
    assertThat(api.header("Strict-Transport-Security")).contains("max-age=31536000");
    assertThat(api.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    Http.Response tasklist = Http.anonymous(port).get("/camunda/app/tasklist/default/");
    assertThat(tasklist.status()).isEqualTo(200);
    assertThat(tasklist.header("Strict-Transport-Security")).contains("max-age=");
    assertThat(tasklist.header("Content-Security-Policy")).contains("nonce-").contains("object-src 'none'");
  }

  @Test
  void oversizedAndUnboundedBodiesAreRefusedBeforeAnythingReadsThem() throws IOException {
    assertThat(rawRequest("POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Basic YWRtaW46VGV0c3V6dWtpLWRlbW8tMQ==\r\nContent-Type: multipart/form-data; boundary=x\r\n"
        + "Content-Length: 300000000\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 413")
        .contains("Strict-Transport-Security: max-age=");
    assertThat(rawRequest("POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Basic YWRtaW46VGV0c3V6dWtpLWRlbW8tMQ==\r\nContent-Type: multipart/form-data; boundary=x\r\n"
        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n")).startsWith("HTTP/1.1 413");
  }

  @Test
  void errorsDoNotShowStackTraces() {
    Http admin = Http.as("admin", port);
    Http.Response malformed = admin.postJson("/engine-rest/process-definition/key/connectivity-check/start",
        "{\"variables\": ");
    assertThat(malformed.status()).isEqualTo(400);
    Http.Response missing = admin.get("/engine-rest/process-instance/does-not-exist");
    assertThat(missing.status()).isEqualTo(404);
    Http.Response notFound = admin.get("/api/v1/does-not-exist");
    assertThat(notFound.status()).isEqualTo(404);
    for (Http.Response response : List.of(malformed, missing, notFound)) {
      assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("trace");
    }
  }

  private String rawRequest(String request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[1024];
      int n;
      // the status line and headers are enough; the server may keep the connection to drain the body
      while (!answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n") && (n = in.read(buffer)) > 0) {
        answer.write(buffer, 0, n);
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
