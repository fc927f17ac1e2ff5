package io.github.scimkit.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the schema scripts under {@link JdbcStoreProvider#MIGRATION_LOCATION}, with {@code {vendor}}
 * replaced by the database's ({@code postgresql} or {@code h2}), with Flyway, recording
 * them in {@link JdbcStoreProvider#HISTORY_TABLE}, apart from any history table of the host's.
 *
 * <p>A schema that holds other tables but no ScimKit history is baselined at version 0, so every
 * script still runs. A schema upgraded by ScimKit's earlier hand-written migrator (its table
 * {@value #LEGACY_TABLE}) is baselined at the last version that migrator recorded, so the scripts it
 * ran are not run again; its table is left as it was. It does not create databases or schemas.
 */
final class SchemaMigrations {

  /** The history table of the migrator that Flyway replaced. */
  static final String LEGACY_TABLE = "scimkit_schema_history";

  private SchemaMigrations() {}

  /**
   * Applies the scripts the history does not list yet. Calls in one JVM take turns: Flyway's lock
   * keeps PostgreSQL nodes apart, but not two callers on one fresh H2 database.
   *
   * @return the versions applied now, in order
   * @throws SQLException when the legacy history cannot be read
   */
  static synchronized List<Integer> migrate(DataSource dataSource) throws SQLException {
    String vendor;
    Optional<Integer> legacy;
    try (Connection connection = dataSource.getConnection()) {
      vendor = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? "h2" : "postgresql";
      legacy = legacyVersion(connection);
    }
    String baseline = legacy.map(String::valueOf).orElse("0");
    MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(JdbcStoreProvider.MIGRATION_LOCATION.replace("{vendor}", vendor))
        .table(JdbcStoreProvider.HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion(baseline)
        .baselineDescription(baseline.equals("0") ? "before ScimKit" : "migrated by " + LEGACY_TABLE)
        .load()
        .migrate();
    return result.migrations.stream().map(applied -> Integer.valueOf(applied.version)).toList();
  }

  /** The highest version in the legacy history table, when the current schema has one. */
  private static Optional<Integer> legacyVersion(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String table = meta.storesUpperCaseIdentifiers() ? LEGACY_TABLE.toUpperCase(Locale.ROOT) : LEGACY_TABLE;
    try (ResultSet found = meta.getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
      if (!found.next()) {
        return Optional.empty();
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet max = statement.executeQuery("SELECT MAX(version) FROM " + LEGACY_TABLE)) {
      int version = max.next() ? max.getInt(1) : 0;
      return version > 0 ? Optional.of(version) : Optional.empty();
    }
  }
}
