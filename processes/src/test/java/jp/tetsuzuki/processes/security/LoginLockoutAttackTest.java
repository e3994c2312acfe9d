package jp.tetsuzuki.processes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.ConnectivityCheck;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8, item 5 as the attack: ten wrong logins used to lock {@code worker}, {@code api-client} or {@code admin}
 * for good. Now the attacking source (or the attacked account, for sources that never logged in as it) gets 429
 * for a while, the account stays usable, and the in-JVM worker keeps working. Requests come "from" other sources
 * through {@code X-Forwarded-For}: the test configuration trusts loopback as a proxy, as production trusts its
 * TLS proxy.
 */
@PlatformTest
class LoginLockoutAttackTest {

  private static final String ATTACKER = "203.0.113.10";
  private static final String OTHER_SOURCE = "198.51.100.20";

  @LocalServerPort int port;
  @Autowired LoginThrottle throttle;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired org.springframework.core.env.Environment environment;

  private final ShiftedClock clock = new ShiftedClock();

  @BeforeEach
  void ownClock() {
    throttle.forgetAll();
    throttle.useClock(clock);
  }

  @AfterEach
  void restore() {
    throttle.useClock(Clock.systemUTC());
    throttle.forgetAll();
  }

  private Http from(String source, String user, String password) {
    return Http.as(user, password, port).header("X-Forwarded-For", source);
  }

  /** Authenticated: whatever the role may do there, the login itself was accepted. */
  private static void assertLoggedIn(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isIn(200, 403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"worker", "api-client", "admin"})
  void wrongBasicLoginsThrottleTheSourceForAWhileButNeverLockTheAccount(String account) {
    int limit = throttle.limits().maxFailuresPerSource();
    assertThat(limit).isLessThanOrEqualTo(10);
    for (int i = 0; i < limit; i++) {
      assertThat(from(ATTACKER, account, "Wrong-pass-" + i).get("/engine-rest/engine").status()).isEqualTo(401);
    }
    Http.Response throttled = from(ATTACKER, account, "Wrong-pass-x").get("/engine-rest/engine");
    assertThat(throttled.status()).isEqualTo(429);
    long retryAfter = Long.parseLong(throttled.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, throttle.limits().block().toSeconds());
    assertThat(throttled.json().get("status").asInt()).isEqualTo(429);
    assertThat(throttled.json().get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
    // the right password from the attacking source waits as well (no guessing while throttled) ...
    assertThat(from(ATTACKER, account, Http.DEMO_PASSWORD).get("/engine-rest/engine").status()).isEqualTo(429);
    // ... but the account works from elsewhere, and the engine has not locked it
    assertLoggedIn(from(OTHER_SOURCE, account, Http.DEMO_PASSWORD).get("/engine-rest/engine"));
    assertNotLockedByTheEngine(account);

    clock.advance(throttle.limits().block().plusSeconds(1));
    assertLoggedIn(from(ATTACKER, account, Http.DEMO_PASSWORD).get("/engine-rest/engine"));
    assertNotLockedByTheEngine(account);
  }

  @Test
  void anAttackOnTheWorkerFromManySourcesLeavesTheInJvmWorkerWorking() {
    // the in-JVM worker logs in from loopback, as this request does
    assertLoggedIn(Http.as("worker", port).get("/engine-rest/engine"));
    int limit = throttle.limits().maxFailuresPerAccount();
    for (int i = 0; i < limit; i++) {
      assertThat(from("203.0.113." + (100 + i), "worker", "Wrong-pass-" + i).get("/engine-rest/engine").status())
          .isEqualTo(401);
    }
    // a source that never logged in as worker now waits, even with the right password ...
    Http.Response stranger = from(OTHER_SOURCE, "worker", Http.DEMO_PASSWORD).get("/engine-rest/engine");
    assertThat(stranger.status()).isEqualTo(429);
    assertThat(stranger.header("Retry-After")).isNotBlank();
    // ... the worker's own source does not, and the in-JVM worker still serves its topic
    assertLoggedIn(Http.as("worker", port).get("/engine-rest/engine"));
    String businessKey = "lockout-" + UUID.randomUUID();
    ProcessInstance instance = runtime.startProcessInstanceByKey(ConnectivityCheck.ID, businessKey,
        Map.of("tenantId", "demo-ku", ConnectivityCheck.MESSAGE, "攻撃中"));
    try {
      // generous: the worker client may sit in its empty-fetch backoff (up to 60 s) when the machine is busy
      await().atMost(Duration.ofSeconds(90)).until(() -> tasks.createTaskQuery()
          .processInstanceId(instance.getId()).taskDefinitionKey(ConnectivityCheck.TASK_CONFIRM).count() == 1);
      assertThat(runtime.getVariable(instance.getId(), ConnectivityCheck.ECHO)).isEqualTo("応答: 攻撃中");
    } finally {
      runtime.deleteProcessInstance(instance.getId(), "test cleanup");
    }
    assertNotLockedByTheEngine("worker");
    clock.advance(throttle.limits().block().plusSeconds(1));
    assertLoggedIn(from(OTHER_SOURCE, "worker", Http.DEMO_PASSWORD).get("/engine-rest/engine"));
  }

  @Test
  void wrongWebappLoginsAreThrottledTooAndExpire() {
    int limit = throttle.limits().maxFailuresPerSource();
    for (int i = 0; i < limit; i++) {
      assertThat(webappLogin(ATTACKER, "admin", "Wrong-pass-" + i).status()).isEqualTo(401);
    }
    Http.Response throttled = webappLogin(ATTACKER, "admin", Http.DEMO_PASSWORD);
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isNotBlank();
    assertThat(throttled.json().get("error").asText()).isEqualTo("too_many_login_failures");
    // Basic logins from that source count the same failures
    assertThat(from(ATTACKER, "admin", Http.DEMO_PASSWORD).get("/engine-rest/engine").status()).isEqualTo(429);
    assertThat(webappLogin(OTHER_SOURCE, "admin", Http.DEMO_PASSWORD).status()).isEqualTo(200);
    assertNotLockedByTheEngine("admin");

    clock.advance(throttle.limits().block().plusSeconds(1));
    assertThat(webappLogin(ATTACKER, "admin", Http.DEMO_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void aMachineAccountRefusedAtTheWebappLoginIsNoFailureOfItsSource() {
    // second attacker pass N12: the webapps refuse machine accounts before any password is checked; those refusals
    // counted as failed logins, so an operator trying api-client's right password blocked the office's address
    int limit = throttle.limits().maxFailuresPerSource();
    for (int i = 0; i < limit + 2; i++) {
      assertThat(webappLogin(ATTACKER, "api-client", Http.DEMO_PASSWORD).status()).isEqualTo(401);
    }
    assertThat(webappLogin(ATTACKER, "admin", Http.DEMO_PASSWORD).status()).isEqualTo(200);
    assertThat(from(ATTACKER, "api-client", Http.DEMO_PASSWORD).get("/api/v1/procedures?tenant=demo-ku").status())
        .isEqualTo(200);
    // a wrong password of a person still counts (admin logged in from there just now and is trusted from it)
    for (int i = 0; i < limit; i++) {
      assertThat(webappLogin(ATTACKER, "staff-ku", "Wrong-pass-" + i).status()).isEqualTo(401);
    }
    assertThat(webappLogin(ATTACKER, "supervisor-ku", Http.DEMO_PASSWORD).status()).isEqualTo(429);
  }

  @Test
  void passwordsCannotBeGuessedThroughTheEngineVerifyEndpoint() {
    // verify checks the password of any user the caller may read, outside the login throttle (and, with the engine
    // lockout gone, without any limit); a staff member allowed to read users (e.g. to reassign tasks) must not
    // get an unthrottled oracle: only administrators may use it
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("staff-ku");
    grant.setResource(Resources.USER);
    grant.setResourceId("worker");
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
    try {
      Http.Response guess = Http.as("staff-ku", port).postJson("/engine-rest/identity/verify",
          Map.of("username", "worker", "password", "Wrong-pass-1"));
      assertThat(guess.status()).as(guess.body()).isEqualTo(403);
    } finally {
      authorizations.deleteAuthorization(grant.getId());
    }
  }

  @Test
  void forwardedAddressesAreBelievedOnlyFromLoopbackUnlessTrustedProxiesAreConfigured() {
    // Tomcat's own default trusts every private network (10/8, 192.168/16, ...): any LAN client could then claim
    // another address and escape its throttle
    Pattern proxies = Pattern.compile(environment.getProperty("server.tomcat.remoteip.internal-proxies"));
    assertThat(proxies.matcher("127.0.0.1").matches()).isTrue();
    assertThat(proxies.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
    for (String untrusted : new String[] {"10.0.0.1", "192.168.1.10", "172.16.0.1", "127x0y0z1", "1270.0.0.1"}) {
      assertThat(proxies.matcher(untrusted).matches()).as(untrusted).isFalse();
    }
  }

  private void assertNotLockedByTheEngine(String account) {
    UserEntity user = (UserEntity) identityService.createUserQuery().userId(account).singleResult();
    assertThat(user.getAttempts()).as("failed attempts the engine recorded for %s", account).isZero();
    assertThat(user.getLockExpirationTime()).as("engine lock of %s", account).isNull();
    assertThat(identityService.checkPassword(account, Http.DEMO_PASSWORD)).isTrue();
  }

  private static final Pattern COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

  /** The webapps' own login as the browser sends it: session and CSRF cookie first, then the form post. */
  private Http.Response webappLogin(String source, String user, String password) {
    Http anonymous = Http.anonymous(port).header("X-Forwarded-For", source);
    Http.Response page = anonymous.get("/camunda/app/tasklist/default/");
    StringBuilder cookies = new StringBuilder();
    String csrf = null;
    for (String setCookie : page.raw().headers().allValues("Set-Cookie")) {
      Matcher m = COOKIE.matcher(setCookie);
      if (m.find()) {
        cookies.append(cookies.isEmpty() ? "" : "; ").append(m.group(1)).append('=').append(m.group(2));
        if (m.group(1).equals("XSRF-TOKEN")) {
          csrf = m.group(2);
        }
      }
    }
    assertThat(csrf).as("CSRF cookie of %s", page.raw().headers().map()).isNotNull();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest.Builder login = anonymous.builder("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies.toString())
        .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(form));
    return anonymous.send(login);
  }

  /** The system clock moved forward by the test. */
  static final class ShiftedClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration by) {
      offset = offset.plus(by);
    }

    @Override public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override public Instant instant() {
      return Instant.now().plus(offset);
    }
  }
}
