package io.github.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's own behaviour tests on H2, plus its query plans; {@link H2JdbcStoreTest} runs
 * them in the database it nests them in.
 */
abstract class H2StoreBehaviourTest extends JdbcStoreBehaviourTest {

  /** Users seeded for the plan tests: enough for H2 to prefer an index, 20,000 when heavy. */
  private static final int SEEDED = TestDatabases.scaled(2_000, 20_000);

  private TenantStores seeded(int users) throws Exception {
    TenantStores tenant = TestDatabases.newTenant(provider);
    try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      String t = tenant.tenantId();
      String id = "'u' || LPAD(CAST(X AS VARCHAR), 6, '0')";
      statement.execute("INSERT INTO scim_resource (tenant_id, kind, id, id_folded, version, created_ms, last_modified_ms) "
          + "SELECT '" + t + "', 'User', " + id + ", " + id + ", 1, 0, 0 FROM SYSTEM_RANGE(1, " + users + ")");
      statement.execute("INSERT INTO scim_value (tenant_id, kind, resource_id, attribute, ordinal, sub_attribute, "
          + "value_type, string_value, string_key, string_folded, folded_key) "
          + "SELECT '" + t + "', 'User', " + id + ", 'userName', -1, '', 'S', 'User' || X, 'User' || X, 'user' || X, 'user' || X "
          + "FROM SYSTEM_RANGE(1, " + users + ")");
      statement.execute("ANALYZE");
    }
    return tenant;
  }

  @Test
  @DisplayName("H2 finds a user by folded userName through the folded-value index, not a scan of the tenant")
  void userNameLookupUsesTheIndex() throws Exception {
    TenantStores tenant = seeded(SEEDED);
    JdbcRecordStore users = (JdbcRecordStore) tenant.users();
    Condition userName = Condition.compare(AttributeRef.of("userName"), Operator.EQ, "USER1234", false);
    for (Sql query : users.offsetQueries(StoreQuery.of(userName, 0, 10))) {
      String plan = explain(query);
      assertThat(plan).contains("SCIM_VALUE_FOLDED");
      assertThat(plan).doesNotContainPattern("scanCount: [0-9]{3,}");
    }
    try (var page = users.search(StoreQuery.of(userName, 0, 10))) {
      assertThat(page.items().map(r -> r.id()).toList()).containsExactly("u001234");
    }
  }

  @Test
  @DisplayName("H2 reads a keyset page in id order from the primary key, seeking to its position")
  void keysetPageReadsThePrimaryKeyInOrder() throws Exception {
    TenantStores tenant = seeded(SEEDED);
    JdbcRecordStore users = (JdbcRecordStore) tenant.users();
    StoreQuery query = new StoreQuery(Condition.Constant.ALL, Sort.BY_ID, PageRequest.firstKeyset(100));
    FilterSql.Query where = FilterSql.query(query.condition(), tenant.tenantId(), "User");
    Sql sql = users.pageQuery(new SortSql(query.sort()), where, query.page(), new SortSql.Position(-1, "", String.format("u%06d", SEEDED / 2)), true);
    String plan = explain(sql);
    // H2 2.3 reads the index in order, seeks to the position on (tenant_id, kind, id) and stops
    // after the page: no sorted temporary result, no stepping over the records before it.
    assertThat(plan).contains("PRIMARY_KEY").contains("/* index sorted */");
    assertThat(plan).doesNotContainPattern("scanCount: [0-9]{4,}");
  }

  @Test
  @DisplayName("H2 finds which ids are users, and the groups of a page's users, with one index probe per id")
  void idListsProbeTheIndexPerId() throws Exception {
    TenantStores tenant = seeded(SEEDED);
    try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      String t = tenant.tenantId();
      statement.execute("INSERT INTO scim_resource (tenant_id, kind, id, id_folded, version, created_ms, last_modified_ms) "
          + "VALUES ('" + t + "', 'Group', 'g1', 'g1', 1, 0, 0)");
      statement.execute("INSERT INTO scim_member (tenant_id, group_id, member_id) "
          + "SELECT '" + t + "', 'g1', 'u' || LPAD(CAST(X AS VARCHAR), 6, '0') FROM SYSTEM_RANGE(1, " + SEEDED + ")");
      statement.execute("ANALYZE");
    }
    List<String> page = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      page.add(String.format("u%06d", i * (SEEDED / 100)));
    }

    String users = explain(((JdbcUserStore) tenant.users()).existingIdsQuery(page));
    String groups = explain(((JdbcGroupStore) tenant.groups()).groupsOfMembersQuery(new java.util.LinkedHashSet<>(page)));

    // The id table and one row per id: never the tenant's records or memberships.
    assertThat(users).doesNotContainPattern("scanCount: [0-9]{4,}");
    assertThat(groups).doesNotContainPattern("scanCount: [0-9]{4,}");
    assertThat(((JdbcUserStore) tenant.users()).existingIds(new java.util.HashSet<>(page))).hasSize(100);
    assertThat(tenant.groups().groupsOfMembers(new java.util.HashSet<>(page))).hasSize(100);
  }

  private String explain(Sql query) throws Exception {
    return QueryPlans.text(database.dataSource(), "EXPLAIN ANALYZE", query);
  }
}
