package io.github.scimkit.store.jdbc;

import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.tenant.ApiKeyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that gives a test class, and the {@code @Nested} classes inside it, one
 * migrated database with a {@link JdbcStoreProvider} over it, in the manner of Jdbi's database
 * extensions. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final JdbcTestDatabase database = JdbcTestDatabase.postgres();
 * }</pre>
 *
 * <p>It opens the database before the first test of the class that registers it and drops it
 * after that class's last test; nested classes share it (each test works in a tenant of its own).
 * A PostgreSQL database is a fresh schema in the server at {@code SCIMKIT_PG_URL}; without a
 * server the whole class is skipped with the reason, or fails when {@code SCIMKIT_REQUIRE_PG=1}
 * (see {@link TestDatabases#postgres()}).
 */
final class JdbcTestDatabase implements BeforeAllCallback, AfterAllCallback {

  private final Supplier<TestDatabases.Database> opener;
  private TestDatabases.Database database;
  private JdbcStoreProvider provider;
  private String openedFor;

  private JdbcTestDatabase(Supplier<TestDatabases.Database> opener) {
    this.opener = opener;
  }

  /** A private in-memory H2 database. */
  static JdbcTestDatabase h2() {
    return new JdbcTestDatabase(TestDatabases::h2);
  }

  /** A fresh schema in the PostgreSQL server of {@code SCIMKIT_PG_URL}. */
  static JdbcTestDatabase postgres() {
    return new JdbcTestDatabase(TestDatabases::postgres);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // JUnit calls the extension again for every nested class; the outermost one opens it.
    if (database == null) {
      database = opener.get();
      provider = JdbcStoreProvider.builder(database.dataSource()).build();
      openedFor = context.getUniqueId();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (database != null && context.getUniqueId().equals(openedFor)) {
      database.close();
      database = null;
      provider = null;
    }
  }

  /** Returns the open database. */
  TestDatabases.Database database() {
    if (database == null) {
      throw new IllegalStateException("The database is open only while its test class runs");
    }
    return database;
  }

  /** Returns the database's pooled data source. */
  DataSource dataSource() {
    return database().dataSource();
  }

  /** Returns a store provider over the database. */
  JdbcStoreProvider provider() {
    database();
    return provider;
  }

  /** Creates a tenant with a random id; for the contract kit's {@code newTenant()}. */
  TenantStores newTenant() {
    return TestDatabases.newTenant(provider());
  }

  /** Deletes every API key and returns a store over the emptied table; for {@code newApiKeyStore()}. */
  ApiKeyStore emptyApiKeyStore() {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM scim_api_key");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new JdbcApiKeyStore(dataSource());
  }
}
