package io.github.scimkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/** The databases the tests run against: a private in-memory H2, or a fresh PostgreSQL schema. */
final class TestDatabases {

  private TestDatabases() {}

  /** A pooled data source with its schema migrated; closing it drops what it created. */
  interface Database extends AutoCloseable {
    DataSource dataSource();

    /**
     * Opens another, independent pool on the same database and schema, as a second server
     * instance would have; the caller closes it before closing this database.
     */
    default HikariDataSource openPool(int maximumSize) {
      throw new UnsupportedOperationException("Only PostgreSQL databases open a second pool");
    }

    @Override
    void close();
  }

  /**
   * Returns the quick size of a test's data, or the full one when the system property {@code
   * scimkit.test.heavy} is {@code true} ({@code mvn -Pheavy-tests}; docs/testing.md).
   */
  static int scaled(int quick, int heavy) {
    return Boolean.getBoolean("scimkit.test.heavy") ? heavy : quick;
  }

  /** A new, migrated, in-memory H2 database. */
  static Database h2() {
    return h2(true);
  }

  /** A new in-memory H2 database, migrated or empty. */
  static Database h2(boolean migrated) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:scimkit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
    config.setMaximumPoolSize(12);
    HikariDataSource pool = new HikariDataSource(config);
    if (migrated) {
      migrate(pool);
    }
    return new Database() {
      @Override
      public DataSource dataSource() {
        return pool;
      }

      @Override
      public void close() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
          statement.execute("SHUTDOWN");
        } catch (SQLException ignored) {
          // Already gone.
        }
        pool.close();
      }
    };
  }

  static String pgUrl() {
    return env("SCIMKIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * A fresh schema in the PostgreSQL server at {@code SCIMKIT_PG_URL} (default
   * 127.0.0.1:5432/postgres, user postgres), migrated. Without a server the calling test class
   * is skipped, or fails when {@code SCIMKIT_REQUIRE_PG=1}.
   */
  static Database postgres() {
    return postgres(true);
  }

  /** A fresh schema as {@link #postgres()} makes, migrated or empty. */
  static Database postgres(boolean migrated) {
    String url = pgUrl();
    String user = env("SCIMKIT_PG_USER", "postgres");
    String password = env("SCIMKIT_PG_PASSWORD", "");
    String schema = "scimkit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    DriverManager.setLoginTimeout(3);
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String reason = "No PostgreSQL server at " + url + " as " + user + " (" + e.getMessage()
          + "); start one or set SCIMKIT_PG_URL, SCIMKIT_PG_USER and SCIMKIT_PG_PASSWORD";
      if ("1".equals(System.getenv("SCIMKIT_REQUIRE_PG"))) {
        fail(reason + " (SCIMKIT_REQUIRE_PG=1 makes this a failure)");
      }
      // Surefire does not print why a whole class was aborted, so say it here too.
      System.err.println("[SKIPPED] " + reason);
      Assumptions.abort(reason);
    }
    HikariDataSource pool = pgPool(url, user, password, schema, 12);
    if (migrated) {
      migrate(pool);
    }
    return new Database() {
      @Override
      public DataSource dataSource() {
        return pool;
      }

      @Override
      public HikariDataSource openPool(int maximumSize) {
        return pgPool(url, user, password, schema, maximumSize);
      }

      @Override
      public void close() {
        pool.close();
        try (Connection connection = DriverManager.getConnection(url, user, password);
            Statement statement = connection.createStatement()) {
          statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException ignored) {
          // Left behind; the name is random.
        }
      }
    };
  }

  private static HikariDataSource pgPool(String url, String user, String password, String schema, int maximumSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    // Test data is thrown away, so commits need not wait for the WAL flush; this only saves time.
    config.setConnectionInitSql("SET synchronous_commit = off");
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maximumSize);
    return new HikariDataSource(config);
  }

  static void migrate(DataSource dataSource) {
    try {
      JdbcStoreProvider.builder(dataSource).build().migrate();
    } catch (io.github.scimkit.core.store.StoreUnavailableException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates a tenant with a random id; for the kit's {@code newTenant()}. */
  static io.github.scimkit.core.store.TenantStores newTenant(JdbcStoreProvider provider) {
    try {
      return provider.createTenant(UUID.randomUUID().toString(),
          io.github.scimkit.core.tenant.TenantSettings.defaults());
    } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
      throw new IllegalStateException(e);
    }
  }
}
