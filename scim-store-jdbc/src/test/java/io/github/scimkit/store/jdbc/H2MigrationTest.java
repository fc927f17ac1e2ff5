package io.github.scimkit.store.jdbc;

/** {@link MigrationTest} on in-memory H2. */
class H2MigrationTest extends MigrationTest {

  @Override
  TestDatabases.Database openEmpty() {
    return TestDatabases.h2(false);
  }

  @Override
  String vendor() {
    return "h2";
  }
}
