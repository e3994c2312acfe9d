package jp.tetsuzuki.processes.reference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class ReferenceConfiguration {

  @Bean
  TenantCalendars tenantCalendars(JdbcTemplate jdbc) {
    return new TenantCalendars(jdbc);
  }
}
