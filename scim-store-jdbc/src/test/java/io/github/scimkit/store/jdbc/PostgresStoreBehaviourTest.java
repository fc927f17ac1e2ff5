package io.github.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import io.github.scimkit.core.store.query.StoreQuery;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's own behaviour tests on PostgreSQL, plus its query plans; {@link
 * PostgresJdbcStoreTest} runs them in the database it nests them in.
 */
abstract class PostgresStoreBehaviourTest extends JdbcStoreBehaviourTest {

  /** Users seeded for the plan test: enough for the planner to prefer the index, 20,000 when heavy. */
  private static final int SEEDED = TestDatabases.scaled(2_000, 20_000);

  @Test
  @DisplayName("PostgreSQL finds a user by folded userName through the folded-value index")
  void userNameLookupUsesTheIndex() throws Exception {
    TenantStores tenant = TestDatabases.newTenant(provider);
    try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      String t = tenant.tenantId();
      statement.execute("INSERT INTO scim_resource (tenant_id, kind, id, id_folded, version, created_ms, last_modified_ms) "
          + "SELECT '" + t + "', 'User', 'u' || g, 'u' || g, 1, 0, 0 FROM generate_series(1, " + SEEDED + ") g");
      statement.execute("INSERT INTO scim_value (tenant_id, kind, resource_id, attribute, ordinal, sub_attribute, "
          + "value_type, string_value, string_key, string_folded, folded_key) "
          + "SELECT '" + t + "', 'User', 'u' || g, 'userName', -1, '', 'S', 'User' || g, 'User' || g, 'user' || g, 'user' || g "
          + "FROM generate_series(1, " + SEEDED + ") g");
      statement.execute("ANALYZE scim_resource");
      statement.execute("ANALYZE scim_value");
    }
    JdbcRecordStore users = (JdbcRecordStore) tenant.users();
    List<Sql> queries = users.offsetQueries(StoreQuery.of(
        Condition.compare(AttributeRef.of("userName"), Operator.EQ, "USER1234", false), 0, 10));

    for (Sql query : queries) {
      String plan = explain(query);
      assertThat(plan).contains("scim_value_folded").doesNotContain("Seq Scan on scim_value");
    }
    try (var page = users.search(StoreQuery.of(
        Condition.compare(AttributeRef.of("userName"), Operator.EQ, "USER1234", false), 0, 10))) {
      assertThat(page.items().map(r -> r.id()).toList()).containsExactly("u1234");
    }
  }

  private String explain(Sql query) throws Exception {
    return QueryPlans.text(database.dataSource(), "EXPLAIN", query);
  }
}
