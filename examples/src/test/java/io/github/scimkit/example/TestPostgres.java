package io.github.scimkit.example;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL schema of its own for one test, from {@code SCIMKIT_PG_URL}, {@code SCIMKIT_PG_USER}
 * and {@code SCIMKIT_PG_PASSWORD} (default: the local server as {@code postgres}). Without a
 * server the test is skipped, or failed under {@code SCIMKIT_REQUIRE_PG=1}.
 */
final class TestPostgres implements AutoCloseable {

  static final String URL = env("SCIMKIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String USER = env("SCIMKIT_PG_USER", "postgres");
  static final String PASSWORD = env("SCIMKIT_PG_PASSWORD", "postgres");

  private final String schema = "example_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private TestPostgres() {}

  /** Creates the schema, or skips (fails under {@code SCIMKIT_REQUIRE_PG=1}) the calling test. */
  static TestPostgres createSchema(String testName) {
    TestPostgres postgres = new TestPostgres();
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + postgres.schema);
    } catch (SQLException e) {
      String reason = "no PostgreSQL at " + URL + " (" + e.getMessage()
          + "); start one or set SCIMKIT_PG_URL, SCIMKIT_PG_USER and SCIMKIT_PG_PASSWORD";
      if ("1".equals(System.getenv("SCIMKIT_REQUIRE_PG"))) {
        fail(reason + " (SCIMKIT_REQUIRE_PG=1 makes this a failure)");
      }
      System.err.println("[SKIPPED] " + testName + ": " + reason);
      Assumptions.assumeTrue(false, reason);
    }
    return postgres;
  }

  /** Returns the JDBC URL of the schema. */
  String url() {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Returns the example's flags for this schema. */
  List<String> flags() {
    return List.of("--store", url(), "--db-user", USER, "--db-password", PASSWORD);
  }

  @Override
  public void close() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
