package jp.tetsuzuki.processes.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.tetsuzuki.processes.engine.VariableTenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/** In-memory engines for model tests, configured as application.yaml configures the platform's engine. */
public final class TestEngines {

  private TestEngines() {}

  public static StandaloneInMemProcessEngineConfiguration configuration(String name, String jdbcUrl) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name + "-" + UUID.randomUUID());
    configuration.setJdbcUrl(jdbcUrl);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfigurationImpl.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfigurationImpl.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    // ids such as demo-ku, as in application.yaml
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}");
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setDefaultSerializationFormat("application/json");
    // the platform's own rule: each case belongs to the tenant of its start variable (or its parent)
    configuration.setTenantIdProvider(new VariableTenantIdProvider());
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    return configuration;
  }

  /** A clock that follows the engine's (ClockUtil), so services and timers move together in tests. */
  public static Clock engineClock() {
    return new Clock() {
      @Override public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
      }
    };
  }
}
