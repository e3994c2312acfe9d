package jp.tetsuzuki.integrations.nursery;

import java.time.Clock;
import javax.sql.DataSource;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the nursery ICT system routes (README "Nursery ICT systems"). */
@Configuration(proxyBeanMethods = false)
public class NurseryConfiguration {

  static final String HTTP_CLIENT = "nurseryHttpClient";

  @Bean
  NurserySystems nurserySystems(NurseryProperties properties) {
    return new NurserySystems(properties.systems());
  }

  /** The configured systems and facilities into their tables once our schema is migrated. */
  @Bean
  @DependsOnDatabaseInitialization
  InitializingBean nurserySystemsRegistration(NurserySystems systems, DataSource dataSource) {
    return () -> systems.register(dataSource, Clock.systemUTC());
  }

  @Bean
  NurseryOutbox nurseryOutbox(DataSource dataSource) {
    return new NurseryOutbox(dataSource, Clock.systemUTC(), node());
  }

  /**
   * Gauges of the outbox for {@code /actuator/prometheus}: {@code tetsuzuki_nursery_outbox_messages{status=pending|
   * sending|delivered|failed}} (all nodes; one indexed count per status and scrape).
   */
  @Bean
  io.micrometer.core.instrument.binder.MeterBinder nurseryOutboxMetrics(DataSource dataSource) {
    var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    return registry -> {
      for (String status : java.util.List.of(NurseryOutbox.PENDING, NurseryOutbox.SENDING, NurseryOutbox.DELIVERED,
          NurseryOutbox.FAILED)) {
        io.micrometer.core.instrument.Gauge.builder("tetsuzuki.nursery.outbox.messages", () -> {
          try {
            Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tz_nursery_outbox WHERE status = ?",
                Integer.class, status);
            return n == null ? 0 : n;
          } catch (RuntimeException e) {
            return Double.NaN;
          }
        }).tag("status", status).description("nursery outbox messages by status").register(registry);
      }
    };
  }

  /** Our own timeouts and no retries of the client's own: the outbox and the pull route retry. */
  @Bean(name = HTTP_CLIENT, destroyMethod = "close")
  CloseableHttpClient nurseryHttpClient(NurseryProperties properties) {
    return httpClient(properties);
  }

  static CloseableHttpClient httpClient(NurseryProperties properties) {
    Timeout timeout = Timeout.of(properties.timeout());
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                .setSocketTimeout(timeout).build())
            .setMaxConnTotal(20).setMaxConnPerRoute(5).build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
            .setConnectionRequestTimeout(timeout).build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .useSystemProperties()
        .build();
  }

  static String node() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName() + "/" + java.util.UUID.randomUUID().toString()
          .substring(0, 8);
    } catch (java.io.IOException e) {
      return "unknown/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
  }
}
