package jp.tetsuzuki.processes;

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
    SpringApplication.run(TetsuzukiApplication.class, args);
  }
}
