package io.github.scimkit.store.jdbc;

/** The JDBC store's own behaviour tests on H2. */
class H2StoreBehaviourTest extends JdbcStoreBehaviourTest {

  @Override
  TestDatabases.Database open() {
    return TestDatabases.h2();
  }
}
