package io.github.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.engine.SearchParameters;
import io.github.scimkit.core.engine.SearchResults;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.query.StoreQuery;
import io.github.scimkit.core.tenant.TenantSettings;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Value-path filters on PostgreSQL cost in proportion to the candidate resources' values: on a
 * tenant of 3,000 users with two emails each and one with 1,000, loaded without fresh statistics, every plan reads
 * each record's own value rows through the primary key instead of rescanning the tenant's rows
 * per record (which took 35 to over 40 seconds before), and the page query joins the page's
 * value rows by primary key (a join on the bound tenant and kind read the tenant's 20,000 value
 * rows per record of the page: 1.7 s). The searches run under the default 5
 * second statement budget, so a runaway plan fails them. Speed itself is shown by the benchmarks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresFilterCostTest {

  private static final int USERS = 3000;

  private TestDatabases.Database database;
  private ScimEngine engine;
  private RequestContext context;
  private JdbcRecordStore users;

  @BeforeAll
  void seed() throws Exception {
    database = TestDatabases.postgres();
    JdbcStoreProvider provider = JdbcStoreProvider.builder(database.dataSource()).build();
    String tenantId = "filter-cost";
    users = (JdbcRecordStore) provider.createTenant(tenantId, TenantSettings.defaults()).users();
    engine = ScimEngine.builder().stores(provider).build();
    context = RequestContext.of(tenantId, "test");
    ObjectNode template = (ObjectNode) JsonUtils.getObjectReader().readTree("{\"schemas\":"
        + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"u0\",\"emails\":["
        + "{\"value\":\"u0-a@example.org\",\"type\":\"work\"},{\"value\":\"u0-b@example.org\",\"type\":\"home\"}]}");
    String id = engine.create(context, ResourceKind.USER, new GenericScimResource(template)).record().id();
    try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO scim_resource (tenant_id, kind, id, id_folded, version, created_ms, last_modified_ms) "
          + "SELECT tenant_id, kind, 'id' || g, 'id' || g, 1, created_ms, last_modified_ms FROM scim_resource, "
          + "generate_series(1, " + (USERS - 1) + ") g WHERE id = '" + id + "'");
      for (boolean emails : new boolean[] {false, true}) {
        statement.execute("INSERT INTO scim_value (tenant_id, kind, resource_id, attribute, ordinal, sub_attribute, value_type, "
            + "string_value, string_key, string_folded, folded_key, bool_value, number_value, instant_value, binary_value) "
            + "SELECT tenant_id, kind, 'id' || g, attribute, ordinal, sub_attribute, value_type, "
            + "replace(string_value, 'u0', 'u' || g), replace(string_key, 'u0', 'u' || g), "
            + "replace(string_folded, 'u0', 'u' || g), replace(folded_key, 'u0', 'u' || g), "
            + "bool_value, number_value, instant_value, binary_value FROM scim_value, generate_series(1, " + (USERS - 1)
            + ") g WHERE resource_id = '" + id + "' AND attribute " + (emails ? "=" : "<>") + " 'emails'");
        if (!emails) {
          // Statistics taken before any email existed: the planner believes the tenant has none, as
          // it does for the first tenant whose users carry an attribute no one used before.
          statement.execute("ANALYZE scim_resource");
          statement.execute("ANALYZE scim_value");
        }
      }
      // One more user holds the most emails the engine accepts (maxValuesPerAttribute, 1000).
      statement.execute("INSERT INTO scim_resource (tenant_id, kind, id, id_folded, version, created_ms, last_modified_ms) "
          + "SELECT tenant_id, kind, 'big', 'big', 1, created_ms, last_modified_ms FROM scim_resource WHERE id = '" + id + "'");
      statement.execute("INSERT INTO scim_value (tenant_id, kind, resource_id, attribute, ordinal, sub_attribute, value_type, "
          + "string_value, string_key, string_folded, folded_key) "
          + "SELECT tenant_id, kind, 'big', attribute, g, sub_attribute, value_type, "
          + "replace(string_value, 'u0', 'big' || g), replace(string_key, 'u0', 'big' || g), "
          + "replace(string_folded, 'u0', 'big' || g), replace(folded_key, 'u0', 'big' || g) "
          + "FROM scim_value, generate_series(0, 999) g WHERE resource_id = '" + id + "' AND attribute = 'emails' AND ordinal = 0");
      // No ANALYZE after the emails: statistics lag a bulk load, and the plan must not depend on them.
    }
  }

  @AfterAll
  void drop() {
    database.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "emails[type eq \"work\" and value co \"u1-\"]||1",
      "emails[value co \"@\"].value eq \"x\"|emails[value co \"@\" and value eq \"x\"]|0",
      "emails[type eq \"work\" and value co \"u1\"]||1111",
      "emails[value co \"u1\"]||1111"})
  @DisplayName("Value-path filters find the right users, reading each record's values by primary key")
  void valuePathFilters(String filter, String sdkForm, long expected) throws Exception {
    try (SearchResults page = engine.search(context, ResourceKind.USER, SearchParameters.filter(filter))) {
      assertThat(page.totalResults()).isEqualTo(expected);
    }
    // The plan of the same condition; the SDK's parser reads the trailing ".value eq" form only as its equivalent.
    var condition = ScimMapping.defaults().users().toCondition(Filter.fromString(sdkForm == null ? filter : sdkForm));
    for (Sql query : users.offsetQueries(StoreQuery.of(condition, 0, 100))) {
      assertThat(String.join("\n", explain(query)))
          .contains("SubPlan")
          // Each record's element rows by primary key, never the tenant's emails through another index.
          .containsPattern("Index Scan using scim_value_pk on scim_value e1\\s+\\(cost[^\\n]*\\n\\s+Index Cond: \\(\\(\\(tenant_id\\)::text = "
              + "\\(r\\.tenant_id\\)::text\\) AND \\(\\(kind\\)::text = \\(r\\.kind\\)::text\\) AND "
              + "\\(\\(resource_id\\)::text = \\(r\\.id\\)::text\\)")
          // The page's value rows by primary key, not the tenant's through another index per record.
          .doesNotContainPattern("(Seq Scan|Bitmap Heap Scan|Index Scan using (?!scim_value_pk)\\S+) on scim_value v\\b");
    }
  }

  private List<String> explain(Sql query) throws Exception {
    return QueryPlans.lines(database.dataSource(), "EXPLAIN", query);
  }
}
