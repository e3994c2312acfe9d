package jp.tetsuzuki.workers.notification;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh H2 database with the workers' own migration of the notification log (not a copy of it). */
final class NotificationDatabase {

  private NotificationDatabase() {}

  static DataSource create() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:notification-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    NotificationLogDatabase.migrate(h2);
    return h2;
  }
}
