package io.github.scimkit.store.jdbc;

/** {@link MigrationTest} on a fresh PostgreSQL schema; skipped without a server (see {@link TestDatabases}). */
class PostgresMigrationTest extends MigrationTest {

  @Override
  TestDatabases.Database openEmpty() {
    return TestDatabases.postgres(false);
  }

  @Override
  String vendor() {
    return "postgresql";
  }
}
