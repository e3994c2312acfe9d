package jp.tetsuzuki.processes.workerapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import jp.tetsuzuki.workers.WorkersAutoConfiguration;
import jp.tetsuzuki.workers.rpa.CaseEntry;
import jp.tetsuzuki.workers.rpa.EntryResult;
import jp.tetsuzuki.workers.rpa.LegacyEntryBot;
import jp.tetsuzuki.workers.rpa.demo.LegacySystemSimulator;
import org.camunda.bpm.client.spring.boot.starter.BasicAuthProperties;
import org.camunda.bpm.client.spring.boot.starter.ClientProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo has one simulated legacy ledger: the platform's demo profile starts it on a fixed loopback port, and the
 * worker application's demo profile ({@code ./tetsuzuki workers} next to {@code ./tetsuzuki run}) starts none and
 * enters its cases into the platform's, so the in-JVM and the separate bot write into one register.
 */
class DemoLegacySimulatorTest {

  @Test
  void theWorkerApplicationsDemoProfileUsesThePlatformsSimulatorOnTheSamePort() throws IOException {
    StandardEnvironment platform = environment("application-demo.yaml");
    StandardEnvironment workers = environment("tetsuzuki-workers-demo.yaml");
    assertThat(platform.getProperty("tetsuzuki.legacy-system.simulator", Boolean.class)).isTrue();
    int port = platform.getProperty("tetsuzuki.legacy-system.simulator-port", Integer.class);
    assertThat(port).as("a fixed port the worker application can find").isPositive();
    assertThat(workers.getProperty("tetsuzuki.legacy-system.simulator", Boolean.class, false)).isFalse();
    assertThat(workers.getProperty("tetsuzuki.legacy-system.base-url"))
        .isEqualTo("http://127.0.0.1:" + port + "/fukushi/");
  }

  @Test
  void theWorkerApplicationInTheDemoProfileStartsNoSimulatorAndEntersIntoThePlatformsOne() throws IOException {
    try (LegacySystemSimulator platformSimulator = new LegacySystemSimulator("rpa-bot", "Tetsuzuki-demo-1", 0)) {
      PropertySource<?> demo = yaml("tetsuzuki-workers-demo.yaml");
      String port = platformSimulator.baseUrl().replaceAll(".*:(\\d+)/.*", "$1");
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
              org.apache.camel.spring.boot.CamelAutoConfiguration.class, WorkersAutoConfiguration.class))
          .withInitializer(context -> context.getEnvironment().getPropertySources().addLast(demo))
          .withBean(ClientProperties.class, DemoLegacySimulatorTest::client)
          .withPropertyValues("spring.profiles.active=demo", "TETSUZUKI_LEGACY_SIMULATOR_PORT=" + port,
              "spring.mail.host=127.0.0.1", "tetsuzuki.workers.platform-url=http://127.0.0.1:1",
              "tetsuzuki.workers.notification-log.url=jdbc:h2:mem:demo-sim-" + UUID.randomUUID()
                  + ";DB_CLOSE_DELAY=-1")
          .run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app.getBeansOfType(LegacySystemSimulator.class)).as("no second simulator").isEmpty();
            EntryResult result = app.getBean(LegacyEntryBot.class).enter(new CaseEntry("R8-0001", "鈴木 一郎",
                "スズキ　イチロウ", LocalDate.of(1979, 1, 31), "530-0001", "大阪府大阪市北区梅田１－１",
                LocalDate.of(2026, 12, 1), 10_000), step -> {});
            assertThat(result.outcome()).isEqualTo(EntryResult.Outcome.ENTERED);
            assertThat(platformSimulator.records()).containsKey("R8-0001");
          });
    }
  }

  private static ClientProperties client() {
    ClientProperties client = new ClientProperties();
    client.setWorkerId("demo-simulator-test");
    BasicAuthProperties login = new BasicAuthProperties();
    login.setUsername("worker");
    login.setPassword("Demo-test-1");
    client.setBasicAuth(login);
    return client;
  }

  private static PropertySource<?> yaml(String name) throws IOException {
    return new YamlPropertySourceLoader().load(name, new ClassPathResource(name)).get(0);
  }

  private static StandardEnvironment environment(String name) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addLast(yaml(name));
    return environment;
  }
}
