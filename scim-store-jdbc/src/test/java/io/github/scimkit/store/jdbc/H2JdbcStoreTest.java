package io.github.scimkit.store.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JDBC store on H2: the contracts of {@link JdbcStoreContracts} and the store's own
 * behaviour tests, nested over one database that {@link JdbcTestDatabase} opens and drops.
 */
@DisplayName("JDBC store on H2")
class H2JdbcStoreTest extends JdbcStoreContracts {

  @RegisterExtension
  static final JdbcTestDatabase DATABASE = JdbcTestDatabase.h2();

  @Override
  JdbcTestDatabase database() {
    return DATABASE;
  }

  @Nested
  @DisplayName("Store behaviour")
  class Behaviour extends H2StoreBehaviourTest {
    @Override
    TestDatabases.Database open() {
      return DATABASE.database();
    }
  }
}
