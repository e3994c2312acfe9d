package jp.tetsuzuki.processes.contract;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Our migrated tables for the JDBC adapter tests, without Spring: PostgreSQL when {@code DB_URL} names one (the
 * {@code database} runs, README), each test class in a fresh schema dropped afterwards; otherwise a private H2
 * in-memory database. Migrated by Flyway exactly as the platform does (common + vendor locations).
 */
public final class ContractTestDatabase implements AutoCloseable {

  private final DataSource dataSource;
  private final String schema;

  public ContractTestDatabase() {
    String url = System.getenv("DB_URL");
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      schema = "contract_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setUrl(url);
      pg.setUser(System.getenv().getOrDefault("DB_USER", "postgres"));
      pg.setPassword(System.getenv().getOrDefault("DB_PASSWORD", ""));
      pg.setCurrentSchema(schema);
      dataSource = pg;
      Flyway.configure().dataSource(pg).schemas(schema).defaultSchema(schema).table("tz_schema_history")
          .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
    } else {
      schema = null;
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      h2.setUser("sa");
      dataSource = h2;
      Flyway.configure().dataSource(h2).table("tz_schema_history")
          .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Whether this run is on PostgreSQL. */
  public boolean postgres() {
    return schema != null;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(schema != null ? "DROP SCHEMA " + schema + " CASCADE" : "SHUTDOWN");
    }
  }
}
