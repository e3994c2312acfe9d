package jp.tetsuzuki.workers.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh H2 database with the platform's own migration of the notification log (not a copy of it). */
final class NotificationDatabase {

  static final Path MIGRATION =
      Path.of("../processes/src/main/resources/db/migration/common/V30__notification_log.sql");

  private NotificationDatabase() {}

  static DataSource create() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:notification-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection connection = h2.getConnection(); Statement sql = connection.createStatement()) {
      sql.execute(Files.readString(MIGRATION));
    }
    return h2;
  }
}
