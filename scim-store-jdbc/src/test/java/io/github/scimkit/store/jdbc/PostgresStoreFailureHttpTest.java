package io.github.scimkit.store.jdbc;

/** Store failures over HTTP with the JDBC store on PostgreSQL. */
class PostgresStoreFailureHttpTest extends StoreFailureHttpTest {

  @Override
  TestDatabases.Database open() {
    return TestDatabases.postgres();
  }
}
