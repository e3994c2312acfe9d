package jp.tetsuzuki.workerapp;

import jp.tetsuzuki.workers.WorkersSettings;
import org.camunda.bpm.client.spring.boot.starter.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The worker application: the external-task workers ({@code jp.tetsuzuki.workers}) as their own deployment, without
 * engine, web server or the platform's database. It needs the platform's address and the workers' account
 * ({@code TETSUZUKI_PLATFORM_URL}, {@code TETSUZUKI_WORKER_USER}, {@code TETSUZUKI_WORKER_PASSWORD}); it reaches the
 * engine only through {@code /engine-rest} and documents only through the platform's worker endpoint, and keeps its
 * mail log in a database of its own ({@code TETSUZUKI_WORKER_DB_URL}). Configuration: {@code tetsuzuki-workers.yaml}
 * (and {@code tetsuzuki-workers-demo.yaml} for the demo profile).
 *
 * <pre>java -jar workers/target/tetsuzuki-workers-*-app.jar</pre>
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
public class WorkerApplication {

  /** The name of the configuration files, so that they never mix with the platform's {@code application.yaml}. */
  public static final String CONFIG_NAME = "tetsuzuki-workers";

  private static final Logger log = LoggerFactory.getLogger(WorkerApplication.class);

  public static void main(String[] args) {
    jp.tetsuzuki.workers.notification.MailLogServer.loopbackOnly();
    new SpringApplicationBuilder(WorkerApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
  }

  /** Refuses to start without the workers' password, and says once where this worker works. */
  @Bean
  ApplicationRunner workerStartupReport(WorkersSettings settings, ClientProperties client, Environment environment,
      @Value("${tetsuzuki.worker.password:}") String password) {
    if (password.isBlank()) {
      throw new IllegalStateException("TETSUZUKI_WORKER_PASSWORD must be set (the password of the workers' account "
          + "on the platform, TETSUZUKI_WORKER_USER)");
    }
    return args -> {
      String mailLog = settings.notificationLog().url();
      log.info("worker application for {} as '{}', worker id {}, mail log {}", settings.platform(),
          client.getBasicAuth().getUsername(), client.getWorkerId(), mailLog);
      if (mailLog.startsWith("jdbc:h2:") && !environment.acceptsProfiles(Profiles.of("demo"))) {
        log.warn("the mail log is a local H2 file: only worker processes on this host share it; with workers on "
            + "more than one host set TETSUZUKI_WORKER_DB_URL to a PostgreSQL database, or mails may go out twice");
      }
    };
  }
}
