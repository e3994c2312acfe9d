package jp.tetsuzuki.processes.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.bpmn.ConnectivityCheck;
import jp.tetsuzuki.integrations.casefile.CaseFileIntakeProperties;
import jp.tetsuzuki.integrations.casefile.CaseFileIntakeRoute;
import jp.tetsuzuki.integrations.casefile.CaseFileStarter;
import jp.tetsuzuki.integrations.casefile.ExpiringFileClaims;
import jp.tetsuzuki.integrations.port.ProcessGateway;
import jp.tetsuzuki.integrations.port.ProcessGateway.StartResult;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case-file intake on the whole platform: files dropped into the inbox start allow-listed cases as the route's
 * service identity, once per tenant and business key (ended cases included), also with a second node polling the
 * same inbox, and a file claimed by a crashed node is taken again after its claim expired. The gateway is also
 * driven directly against the engine.
 */
@PlatformTest
class CaseFileIntakePlatformTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SERVICE = "svc-case-file-intake";

  @Autowired ProcessGateway gateway;
  @Autowired CaseFileIntakeProperties properties;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Value("${tetsuzuki.integrations.inbox}") Path inbox;

  // --- the service identity the platform creates -------------------------------------------------------------

  @Test
  void theServiceIdentityMayStartExactlyTheAllowListedModelsInTheTenantsItServes() {
    assertThat(properties.serviceUser()).isEqualTo(SERVICE);
    assertThat(identity.createUserQuery().userId(SERVICE).memberOfGroup(Roles.INTEGRATIONS).count()).isOne();
    assertThat(identity.createGroupQuery().groupMember(SERVICE).list()).extracting(g -> g.getId())
        .containsExactly(Roles.INTEGRATIONS);
    assertThat(identity.createTenantQuery().userMember(SERVICE).list()).extracting(Tenant::getId)
        .containsExactlyInAnyOrder("demo-ku", "demo-shi");
    List<Authorization> grants = authorizations.createAuthorizationQuery().userIdIn(SERVICE).list();
    assertThat(grants).extracting(a -> Resources.values()[index(a.getResourceType())] + ":" + a.getResourceId())
        .containsExactlyInAnyOrder("PROCESS_DEFINITION:" + ConnectivityCheck.ID, "PROCESS_INSTANCE:*");
    assertThat(authorizations.isUserAuthorized(SERVICE, List.of(Roles.INTEGRATIONS), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, AdministrativeProcedure.ID)).isFalse();
    assertThat(authorizations.isUserAuthorized(SERVICE, List.of(Roles.INTEGRATIONS), Permissions.READ,
        Resources.PROCESS_INSTANCE, "*")).isFalse();
  }

  // --- the gateway against the engine ------------------------------------------------------------------------

  @Test
  void attackCTheSameBusinessKeyInTwoTenantsIsTwoCasesStartedAsTheServiceIdentity() {
    String key = unique("REF");
    StartResult ku = gateway.startOnce(SERVICE, ConnectivityCheck.ID, "demo-ku", key, Map.of("message", "区"));
    StartResult shi = gateway.startOnce(SERVICE, ConnectivityCheck.ID, "demo-shi", key, Map.of("message", "市"));

    assertThat(ku.started()).isTrue();
    assertThat(shi.started()).isTrue();
    assertThat(ku.processInstanceId()).isNotEqualTo(shi.processInstanceId());
    assertThat(tenantsOfCases(key)).containsExactlyInAnyOrder("demo-ku", "demo-shi");
    // the engine recorded the service identity as the one who started the case
    assertThat(history.createUserOperationLogQuery().processInstanceId(ku.processInstanceId()).userId(SERVICE)
        .count()).isPositive();
  }

  @Test
  void attackDABusinessKeyWhoseCaseEndedStartsNothing() {
    String key = unique("REF");
    StartResult first = gateway.startOnce(SERVICE, ConnectivityCheck.ID, "demo-ku", key, Map.of());
    end(first.processInstanceId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();

    StartResult again = gateway.startOnce(SERVICE, ConnectivityCheck.ID, "demo-ku", key, Map.of());

    assertThat(again.started()).isFalse();
    assertThat(again.processInstanceId()).isEqualTo(first.processInstanceId());
    assertThat(tenantsOfCases(key)).containsExactly("demo-ku");
  }

  @Test
  void attackBATenantTheServiceIdentityDoesNotServeStartsNothing() {
    String tenant = unique("mura").toLowerCase();
    Tenant other = identity.newTenant(tenant);
    other.setName("よその村");
    identity.saveTenant(other);
    String key = unique("REF");

    assertThatThrownBy(() -> gateway.startOnce(SERVICE, ConnectivityCheck.ID, tenant, key, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("テナント「" + tenant + "」を担当していない");
    assertThatThrownBy(() -> gateway.startOnce(SERVICE, ConnectivityCheck.ID, "no-such-ku", key, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("テナント「no-such-ku」は存在しません");
    assertThat(tenantsOfCases(key)).isEmpty();
    assertThat(claims(key)).isZero();
  }

  @Test
  void theEngineRefusesAModelTheIdentityHoldsNoGrantForAndTheClaimRollsBack() {
    String key = unique("REF");
    // the route's allow-list is bypassed here: the engine's authorization is the second line
    assertThatThrownBy(() -> gateway.startOnce(SERVICE, AdministrativeProcedure.ID, "demo-ku", key,
        Map.of("applicationId", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("権限がありません")
        .hasMessageContaining(AdministrativeProcedure.ID);
    assertThat(tenantsOfCases(key)).isEmpty();
    assertThat(claims(key)).as("the claim went with the failed start").isZero();
    // and the key is still free for the model the identity may start
    assertThat(gateway.startOnce(SERVICE, ConnectivityCheck.ID, "demo-ku", key, Map.of()).started()).isTrue();
  }

  @Test
  void onlyServiceIdentitiesOfTheIntegrationsCanBeNamed() {
    assertThatThrownBy(() -> gateway.startOnce("admin", ConnectivityCheck.ID, "demo-ku", unique("REF"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("取込用サービスIDではありません");
    assertThatThrownBy(() -> gateway.startOnce("staff-ku", ConnectivityCheck.ID, "demo-ku", unique("REF"),
        Map.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCallersAuthenticationIsRestoredAfterTheStart() {
    identity.setAuthentication("staff-ku", List.of(Roles.STAFF), List.of("demo-ku"));
    try {
      gateway.startOnce(SERVICE, ConnectivityCheck.ID, "demo-ku", unique("REF"), Map.of());
      assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("staff-ku");
    } finally {
      identity.clearAuthentication();
    }
    gateway.startOnce(SERVICE, ConnectivityCheck.ID, "demo-ku", unique("REF"), Map.of());
    assertThat(identity.getCurrentAuthentication()).isNull();
  }

  @Test
  void twoNodesStartingTheSameKeyAtOnceStartOneCase() throws Exception {
    for (int round = 0; round < 5; round++) {
      String key = unique("RACE");
      CountDownLatch go = new CountDownLatch(1);
      Callable<StartResult> start = () -> {
        go.await();
        return gateway.startOnce(SERVICE, ConnectivityCheck.ID, "demo-shi", key, Map.of());
      };
      ExecutorService nodes = Executors.newFixedThreadPool(2);
      try {
        Future<StartResult> a = nodes.submit(start);
        Future<StartResult> b = nodes.submit(start);
        go.countDown();
        StartResult ra = a.get();
        StartResult rb = b.get();
        assertThat(List.of(ra.started(), rb.started())).containsExactlyInAnyOrder(true, false);
        assertThat(ra.processInstanceId()).isEqualTo(rb.processInstanceId());
        assertThat(tenantsOfCases(key)).containsExactly("demo-shi");
      } finally {
        nodes.shutdownNow();
      }
    }
  }

  // --- files end to end --------------------------------------------------------------------------------------

  @Test
  void filesEndToEndAllowListTenantsAndKeysPerTenantIncludingEndedCases() throws Exception {
    String key = unique("REF");
    String unserved = unique("mura").toLowerCase();
    Tenant other = identity.newTenant(unserved);
    other.setName("よその村");
    identity.saveTenant(other);
    String apply = drop(cases(), "apply", "administrative-procedure", "demo-ku", unique("REF"));
    String foreign = drop(cases(), "foreign", ConnectivityCheck.ID, unserved, unique("REF"));
    String ku = drop(cases(), "ku", ConnectivityCheck.ID, "demo-ku", key);
    String shi = drop(cases(), "shi", ConnectivityCheck.ID, "demo-shi", key);

    awaitFile(cases().resolve(".error").resolve(apply + ".reason.txt"));
    awaitFile(cases().resolve(".error").resolve(foreign + ".reason.txt"));
    awaitFile(cases().resolve(".done").resolve(ku));
    awaitFile(cases().resolve(".done").resolve(shi));
    // an application file is checked by the application service as an API request is: no such field as "message"
    assertThat(read(cases().resolve(".error").resolve(apply + ".reason.txt")))
        .contains("申請の項目「message」はありません");
    assertThat(read(cases().resolve(".error").resolve(foreign + ".reason.txt")))
        .contains("テナント「" + unserved + "」を担当していない");
    assertThat(history.createHistoricProcessInstanceQuery().tenantIdIn(unserved).count()).isZero();
    assertThat(tenantsOfCases(key)).containsExactlyInAnyOrder("demo-ku", "demo-shi");

    // the demo-ku case ends; the same file again starts nothing and is done
    String endedId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
        .tenantIdIn("demo-ku").singleResult().getId();
    end(endedId);
    String again = drop(cases(), "again", ConnectivityCheck.ID, "demo-ku", key);
    awaitFile(cases().resolve(".done").resolve(again));
    assertThat(tenantsOfCases(key)).containsExactlyInAnyOrder("demo-ku", "demo-shi");
    assertThat(cases().resolve(".error").resolve(again + ".reason.txt")).doesNotExist();
  }

  @Test
  void attackETwoNodesPollingOneInboxStartEachCaseOnce() throws Exception {
    CaseFileIntakeProperties fast = new CaseFileIntakeProperties(properties.processKeys(), SERVICE,
        properties.tenants(), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(2));
    try (SecondNode second = new SecondNode(inbox, fast)) {
      List<String> names = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String key = unique("E");
        keys.add(key);
        names.add(drop(cases(), "e" + i, ConnectivityCheck.ID, i % 2 == 0 ? "demo-ku" : "demo-shi", key));
      }
      // two different files with one business key, on both nodes at once: still one case
      String shared = unique("E-SAME");
      keys.add(shared);
      names.add(drop(cases(), "same-a", ConnectivityCheck.ID, "demo-ku", shared));
      names.add(drop(cases(), "same-b", ConnectivityCheck.ID, "demo-ku", shared));

      for (String name : names) {
        awaitFile(cases().resolve(".done").resolve(name));
      }
      for (String key : keys) {
        assertThat(tenantsOfCases(key)).as("cases of " + key).hasSize(1);
      }
      for (String name : names) {
        assertThat(cases().resolve(".error").resolve(name + ".reason.txt")).doesNotExist();
      }
    }
  }

  @Test
  void attackFAFileClaimedByACrashedNodeIsTakenAgainAfterTheClaimExpiredAndItsCaseStartsOnce() throws Exception {
    Path own = inbox.resolve("crash-" + UUID.randomUUID());
    String key = unique("F");
    Files.createDirectories(own.resolve("cases"));
    String name = drop(own.resolve("cases"), "orphan", ConnectivityCheck.ID, "demo-shi", key);
    Path file = own.resolve("cases").resolve(name);
    // a node claimed the file and died before starting the case: its claim is never refreshed
    jdbc.update("INSERT INTO " + ExpiringFileClaims.TABLE + " (processorName, messageId, createdAt)"
        + " VALUES (?, ?, ?)", CaseFileIntakeRoute.ROUTE_ID, name + "-" + Files.size(file) + "-"
        + Files.getLastModifiedTime(file).toMillis(), new Timestamp(System.currentTimeMillis()));

    CaseFileIntakeProperties shortExpiry = new CaseFileIntakeProperties(properties.processKeys(), SERVICE,
        properties.tenants(), Duration.ofSeconds(4), Duration.ofMillis(500), Duration.ZERO);
    try (SecondNode survivor = new SecondNode(own, shortExpiry)) {
      Thread.sleep(2000);
      assertThat(file).as("the claim is still fresh: the file is the crashed node's").exists();
      assertThat(tenantsOfCases(key)).isEmpty();

      awaitFile(own.resolve("cases/.done").resolve(name));
      assertThat(tenantsOfCases(key)).containsExactly("demo-shi");
    }
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  /** Another node: its own Camel context with the intake route on {@code inbox}, the platform's database. */
  private final class SecondNode implements AutoCloseable {

    private final CamelContext camel = new DefaultCamelContext();

    SecondNode(Path inbox, CaseFileIntakeProperties settings) throws Exception {
      ExpiringFileClaims claims = new ExpiringFileClaims(dataSource, CaseFileIntakeRoute.ROUTE_ID, camel,
          settings.claimExpiry(), settings.claimKeepAlive());
      camel.getRegistry().bind("secondNodeClaims", claims);
      camel.addRoutes(new CaseFileIntakeRoute(inbox.toString(), "secondNodeClaims",
          new CaseFileStarter(gateway, settings), settings));
      camel.start();
    }

    @Override
    public void close() {
      camel.stop();
    }
  }

  /** Ends the case (the in-JVM worker may lock its echo task at the same moment: then try again). */
  private void end(String processInstanceId) {
    await().atMost(WAIT).ignoreException(OptimisticLockingException.class).until(() -> {
      runtime.deleteProcessInstance(processInstanceId, "test: the case ended");
      return true;
    });
  }

  private Path cases() throws IOException {
    return Files.createDirectories(inbox.resolve("cases"));
  }

  private static String drop(Path folder, String label, String processKey, String tenantId, String businessKey)
      throws IOException {
    String name = label + "-" + UUID.randomUUID() + ".json";
    Path temp = folder.resolve("." + name + ".tmp");
    Files.writeString(temp, "{\"processKey\":\"" + processKey + "\",\"tenantId\":\"" + tenantId
        + "\",\"businessKey\":\"" + businessKey + "\",\"variables\":{\"message\":\"ファイル取込\"}}",
        StandardCharsets.UTF_8);
    Files.move(temp, folder.resolve(name));
    return name;
  }

  private static void awaitFile(Path file) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(file));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private List<String> tenantsOfCases(String businessKey) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
        .map(HistoricProcessInstance::getTenantId).toList();
  }

  private int claims(String businessKey) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM tz_case_file_claim WHERE business_key = ?", Integer.class,
        businessKey);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static int index(int resourceType) {
    for (int i = 0; i < Resources.values().length; i++) {
      if (Resources.values()[i].resourceType() == resourceType) {
        return i;
      }
    }
    throw new IllegalArgumentException("resource type " + resourceType);
  }
}
