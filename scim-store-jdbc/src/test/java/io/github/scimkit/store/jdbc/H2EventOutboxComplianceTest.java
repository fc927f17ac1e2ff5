package io.github.scimkit.store.jdbc;

import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.testkit.EventOutboxContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the event outbox contract against the JDBC store on H2. */
class H2EventOutboxComplianceTest extends EventOutboxContract {

  private static TestDatabases.Database database;
  private static JdbcStoreProvider provider;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabases.h2();
    provider = JdbcStoreProvider.builder(database.dataSource()).build();
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected TenantStores newTenant() {
    return TestDatabases.newTenant(provider);
  }
}
