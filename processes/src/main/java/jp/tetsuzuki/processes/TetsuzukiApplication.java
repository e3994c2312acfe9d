package jp.tetsuzuki.processes;

import java.time.ZoneOffset;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The runnable platform: engine, REST, webapps, public API. Workers and integration routes join through their
 * own auto-configurations and can be switched off ({@code tetsuzuki.workers.enabled}, {@code
 * tetsuzuki.integrations.enabled}) to run them as separate deployments.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TetsuzukiApplication {

  public static void main(String[] args) {
    // instants are stored in UTC on every node whatever the host's zone (dates are shown in JST by the calendar)
    TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
    jp.tetsuzuki.workers.notification.MailLogServer.loopbackOnly();
    SpringApplication.run(TetsuzukiApplication.class, args);
  }
}
