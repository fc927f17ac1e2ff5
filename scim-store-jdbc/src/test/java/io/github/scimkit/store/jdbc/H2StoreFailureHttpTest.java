package io.github.scimkit.store.jdbc;

/** Store failures over HTTP with the JDBC store on H2. */
class H2StoreFailureHttpTest extends StoreFailureHttpTest {

  @Override
  TestDatabases.Database open() {
    return TestDatabases.h2();
  }
}
