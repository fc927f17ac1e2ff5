package io.github.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.tenant.ApiKeyRecord;
import io.github.scimkit.core.tenant.TenantSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Flyway runs the schema scripts: on an empty schema, on one that holds a host's tables, on one
 * that ScimKit's earlier hand-written migrator upgraded, and from a host's own Flyway.
 */
abstract class MigrationTest {

  private TestDatabases.Database database;
  private DataSource dataSource;

  /** Opens an empty database (or schema). */
  abstract TestDatabases.Database openEmpty();

  /** The database's directory of scripts: {@code h2} or {@code postgresql}. */
  abstract String vendor();

  private String location() {
    return JdbcStoreProvider.MIGRATION_LOCATION.replace("{vendor}", vendor());
  }

  @BeforeEach
  void open() {
    database = openEmpty();
    dataSource = database.dataSource();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  @DisplayName("an empty schema gets every script, once")
  void emptySchema() throws Exception {
    JdbcStoreProvider stores = JdbcStoreProvider.builder(dataSource).build();
    assertThat(stores.migrate()).startsWith(1);
    assertThat(stores.migrate()).isEmpty();
    assertThat(history()).contains("1 SQL V1__init.sql");
    stores.createTenant("acme", TenantSettings.defaults());
    assertThat(stores.tenant("acme")).isPresent();
  }

  @Test
  @DisplayName("a schema with the host's own tables is baselined at 0 and still gets every script")
  void schemaWithHostTables() throws Exception {
    execute("CREATE TABLE host_account (id INTEGER PRIMARY KEY)", "INSERT INTO host_account VALUES (7)");
    JdbcStoreProvider stores = JdbcStoreProvider.builder(dataSource).build();
    assertThat(stores.migrate()).startsWith(1);
    assertThat(history()).startsWith("0 BASELINE before ScimKit").contains("1 SQL V1__init.sql");
    assertThat(count("host_account")).isEqualTo(1);
  }

  @Test
  @DisplayName("a schema the earlier migrator upgraded is baselined at its version; its data stays")
  void schemaOfTheEarlierMigrator() throws Exception {
    // What ScimKit's hand-written migrator left: the V1 tables and its history table listing version 1.
    Flyway.configure().dataSource(dataSource).locations(location()).target("1")
        .table("throwaway_history").load().migrate();
    execute("DROP TABLE \"throwaway_history\"",
        "CREATE TABLE scimkit_schema_history (version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(255) NOT NULL,"
            + " script VARCHAR(255) NOT NULL, installed_ms BIGINT NOT NULL)",
        "INSERT INTO scimkit_schema_history VALUES (1, 'init', 'V1__init.sql', 1700000000000)");
    JdbcStoreProvider before = JdbcStoreProvider.builder(dataSource).build();
    before.createTenant("acme", TenantSettings.defaults());
    before.apiKeyStore().add(new ApiKeyRecord("key-1", "acme", "hash-1", Instant.EPOCH));

    JdbcStoreProvider stores = JdbcStoreProvider.builder(dataSource).build();
    assertThat(stores.migrate()).doesNotContain(1);
    assertThat(stores.migrate()).isEmpty();
    assertThat(history()).startsWith("1 BASELINE migrated by scimkit_schema_history");
    assertThat(stores.tenant("acme")).isPresent();
    assertThat(stores.apiKeyStore().findByHash("hash-1")).map(ApiKeyRecord::tenantId).contains("acme");
    assertThat(count("scimkit_schema_history")).isEqualTo(1);
  }

  @Test
  @DisplayName("a host's own Flyway, configured as documented, and migrate() share one history")
  void hostFlyway() throws Exception {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(location())
        .table(JdbcStoreProvider.HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    JdbcStoreProvider stores = JdbcStoreProvider.builder(dataSource).build();
    assertThat(stores.migrate()).isEmpty();
    stores.createTenant("acme", TenantSettings.defaults());
    assertThat(stores.tenant("acme")).isPresent();
  }

  @Test
  @DisplayName("two callers migrating one empty schema at once apply each script once, and both succeed")
  void concurrentMigrations() throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      Callable<List<Integer>> node = () -> {
        go.await();
        return JdbcStoreProvider.builder(dataSource).build().migrate();
      };
      Future<List<Integer>> first = nodes.submit(node);
      Future<List<Integer>> second = nodes.submit(node);
      go.countDown();
      List<Integer> applied = new ArrayList<>(first.get(60, TimeUnit.SECONDS));
      applied.addAll(second.get(60, TimeUnit.SECONDS));
      assertThat(applied).containsOnlyOnce(1);
      assertThat(history()).containsOnlyOnce("1 SQL V1__init.sql");
    } finally {
      nodes.shutdownNow();
    }
  }

  /** The versioned rows of the history (H2 adds one without a version when Flyway creates the table). */
  private List<String> history() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT \"version\", \"type\", \"description\", \"script\" FROM \""
            + JdbcStoreProvider.HISTORY_TABLE + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        rows.add(row.getString(1) + " " + row.getString(2) + " " + (row.getString(2).equals("SQL") ? row.getString(4) : row.getString(3)));
      }
    }
    return rows;
  }

  private int count(String table) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      row.next();
      return row.getInt(1);
    }
  }

  private void execute(String... statements) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
