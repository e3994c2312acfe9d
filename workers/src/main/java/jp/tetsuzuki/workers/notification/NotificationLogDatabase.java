package jp.tetsuzuki.workers.notification;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import jp.tetsuzuki.workers.WorkersSettings;
import org.flywaydb.core.Flyway;

/**
 * The workers' own database for the mail log ({@code tetsuzuki.workers.notification-log.*}), migrated at start
 * (history table {@code tz_worker_schema_history}). Not a {@link DataSource} bean, so that inside the platform's JVM
 * it never stands in for the platform's database, nor the platform's for it.
 */
public final class NotificationLogDatabase implements AutoCloseable {

  static final String MIGRATIONS = "classpath:jp/tetsuzuki/workers/notification/db";
  static final String HISTORY_TABLE = "tz_worker_schema_history";

  private final HikariDataSource dataSource;

  public NotificationLogDatabase(WorkersSettings.Database settings) {
    if (settings.url() == null || settings.url().isBlank()) {
      throw new IllegalStateException("tetsuzuki.workers.notification-log.url (TETSUZUKI_WORKER_DB_URL) must be set: "
          + "the database where the workers record which mails were sent");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("tetsuzuki-notification-log");
    config.setJdbcUrl(withAbsoluteH2File(settings.url()));
    config.setUsername(settings.username());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(Math.max(1, settings.poolSize()));
    this.dataSource = new HikariDataSource(config);
    try {
      migrate(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** Creates or updates the log's table; a schema that already holds other tables (the platform's) is fine. */
  static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).table(HISTORY_TABLE)
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }

  /**
   * An H2 file named relative to the working directory ({@code data/…}), which H2 refuses, as an absolute path; other
   * URLs as they are.
   */
  static String withAbsoluteH2File(String url) {
    String prefix = "jdbc:h2:file:";
    if (!url.startsWith(prefix)) {
      return url;
    }
    String rest = url.substring(prefix.length());
    int options = rest.indexOf(';');
    String path = options < 0 ? rest : rest.substring(0, options);
    if (path.startsWith("~")) {
      return url;
    }
    return prefix + Path.of(path).toAbsolutePath().normalize() + (options < 0 ? "" : rest.substring(options));
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
