package io.github.scimkit.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Applies the schema scripts under {@code db/scimkit/{vendor}} in version order, recording each
 * in the table {@code scimkit_schema_history}. Scripts already recorded are skipped, so running it
 * again changes nothing. The script names follow Flyway's convention ({@code V1__init.sql}), so a
 * host may run them with Flyway instead (locations {@code classpath:db/scimkit/{vendor}}).
 */
final class SchemaMigrator {

  /** The scripts, in version order; add new versions at the end. */
  static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__record_counts.sql");

  static final String HISTORY_TABLE = "scimkit_schema_history";

  private SchemaMigrator() {}

  /** Returns the vendor directory for a database: {@code postgresql} or {@code h2}. */
  static String vendor(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    return product.contains("h2") ? "h2" : "postgresql";
  }

  /**
   * Applies the missing scripts.
   *
   * @return the versions applied now
   */
  static List<Integer> migrate(DataSource dataSource) throws SQLException {
    List<Integer> applied = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      String vendor = vendor(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
            + "version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(255) NOT NULL, "
            + "script VARCHAR(255) NOT NULL, installed_ms BIGINT NOT NULL)");
      }
      Set<Integer> done = new HashSet<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT version FROM " + HISTORY_TABLE)) {
        while (rows.next()) {
          done.add(rows.getInt(1));
        }
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        for (String script : SCRIPTS) {
          int version = version(script);
          if (done.contains(version)) {
            continue;
          }
          try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read("db/scimkit/" + vendor + "/" + script))) {
              statement.execute(sql);
            }
          }
          try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY_TABLE
              + " (version, description, script, installed_ms) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, script.substring(script.indexOf("__") + 2, script.length() - 4).replace('_', ' '));
            insert.setString(3, script);
            insert.setLong(4, System.currentTimeMillis());
            insert.executeUpdate();
          }
          connection.commit();
          applied.add(version);
        }
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
    return applied;
  }

  static int version(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }

  private static String read(String resource) {
    try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing schema script " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read schema script " + resource, e);
    }
  }

  /** Splits a script into statements: drops {@code --} comment lines, splits at {@code ;}. */
  static List<String> statements(String script) {
    StringBuilder text = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        text.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String part : text.toString().split(";")) {
      if (!part.isBlank()) {
        statements.add(part.strip());
      }
    }
    return statements;
  }
}
