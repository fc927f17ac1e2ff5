package io.github.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.TenantStores;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On a new H2 database that has not analyzed anything, an UPDATE or DELETE of one resource row by
 * its key goes through the primary key, not the tenant foreign key's index (which reads every
 * resource of the tenant): migration V4 gives the key's leading columns a selectivity.
 */
class H2UnanalyzedPlanTest {

  private static final int USERS = 3_000;

  private TestDatabases.Database database;
  private JdbcRecordStore users;

  @BeforeEach
  void seed() throws Exception {
    database = TestDatabases.h2();
    TenantStores tenant = TestDatabases.newTenant(JdbcStoreProvider.builder(database.dataSource()).build());
    users = (JdbcRecordStore) tenant.users();
    try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      String id = "'u' || LPAD(CAST(X AS VARCHAR), 6, '0')";
      statement.execute("INSERT INTO scim_resource (tenant_id, kind, id, id_folded, version, created_ms, last_modified_ms) "
          + "SELECT '" + tenant.tenantId() + "', 'User', " + id + ", " + id + ", 1, 0, 0 FROM SYSTEM_RANGE(1, " + USERS + ")");
    }
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aOneRowUpdateReadsOneRow() throws Exception {
    String plan = explain(new Sql().append("UPDATE scim_resource SET version = version + 1 WHERE ")
        .append(users.key("u001500")));

    assertThat(plan).contains("PRIMARY_KEY").doesNotContain("TENANT_FK");
    assertThat(plan).doesNotContainPattern("scanCount: [0-9]{2,}");
  }

  @Test
  void aOneRowDeleteReadsOneRow() throws Exception {
    String plan = explain(new Sql().append("DELETE FROM scim_resource WHERE ").append(users.key("u001500")));

    assertThat(plan).contains("PRIMARY_KEY").doesNotContain("TENANT_FK");
    assertThat(plan).doesNotContainPattern("scanCount: [0-9]{2,}");
  }

  private String explain(Sql query) throws Exception {
    return QueryPlans.text(database.dataSource(), "EXPLAIN ANALYZE", query);
  }
}
