package io.github.scimkit.store.jdbc;

import io.github.scimkit.core.tenant.ApiKeyStore;
import io.github.scimkit.testkit.ApiKeyStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the API key store contract against the JDBC store on Postgres. */
class PostgresApiKeyStoreComplianceTest extends ApiKeyStoreContract {

  private static TestDatabases.Database database;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabases.postgres();
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected ApiKeyStore newApiKeyStore() {
    try (var connection = database.dataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("DELETE FROM scim_api_key");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return new JdbcApiKeyStore(database.dataSource());
  }
}
