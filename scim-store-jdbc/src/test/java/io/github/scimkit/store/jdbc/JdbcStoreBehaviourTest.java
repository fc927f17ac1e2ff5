package io.github.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.engine.SearchParameters;
import io.github.scimkit.core.engine.SearchResults;
import io.github.scimkit.core.resource.UserGroup;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.MembershipResult;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.RecordDeletion;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantLookup;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the contract kit cannot see: statement counts, rows fetched, the migrator, tenants. Each
 * database's test class nests a subclass that names the database, which the nesting class's
 * {@link JdbcTestDatabase} owns and closes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStoreBehaviourTest {

  static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123Z");

  TestDatabases.Database database;
  CountingDataSource counting;
  JdbcStoreProvider provider;

  /** Returns the open database of the nesting test class; the subclass does not close it. */
  abstract TestDatabases.Database open();

  @BeforeAll
  void openDatabase() {
    database = open();
    counting = new CountingDataSource(database.dataSource());
    provider = JdbcStoreProvider.builder(counting.dataSource()).build();
  }

  @Test
  @DisplayName("adding one member issues the same statements to a group of 10 and to a large one "
      + "(10,000 members; 100,000 under scimkit.test.heavy)")
  void addingOneMemberCostsTheSameInAnyGroup() throws Exception {
    TenantStores tenant = TestDatabases.newTenant(provider);
    tenant.groups().create(new NewRecord("small", T0, Attributes.of(Map.of("displayName", "small")), List.of()));
    tenant.groups().create(new NewRecord("large", T0, Attributes.of(Map.of("displayName", "large")), List.of()));
    fillMembers(tenant.tenantId(), "small", 10);
    fillMembers(tenant.tenantId(), "large", TestDatabases.scaled(10_000, 100_000));
    counting.drain();

    MembershipResult small = tenant.groups().addMembers(MembershipChange.of("small", Set.of("newcomer"), T0));
    List<CountingDataSource.Execution> intoSmall = counting.drain();
    MembershipResult large = tenant.groups().addMembers(MembershipChange.of("large", Set.of("newcomer"), T0));
    List<CountingDataSource.Execution> intoLarge = counting.drain();

    assertThat(small.added()).containsExactly("newcomer");
    assertThat(large.added()).containsExactly("newcomer");
    assertThat(large.group().version()).isEqualTo(2);
    assertThat(intoLarge).hasSize(4);
    assertThat(intoLarge.toString()).isEqualTo(intoSmall.toString());
  }

  @Test
  @DisplayName("the groups of a page of users cost one statement on scim_member, for 2 users as for 20")
  void usersGroupsCostOneStatementPerPage() throws Exception {
    TenantStores tenant = TestDatabases.newTenant(provider);
    Set<String> all = new java.util.TreeSet<>();
    for (int i = 0; i < 20; i++) {
      tenant.users().create(new NewRecord("u" + i, T0, Attributes.of(Map.of("userName", "user" + i)),
          List.of(UniqueAttribute.caseInsensitive("userName"))));
      all.add("u" + i);
    }
    tenant.groups().create(new NewRecord("g1", T0, Attributes.of(Map.of("displayName", "Ops")), List.of()));
    tenant.groups().create(new NewRecord("g2", T0, Attributes.of(Map.of("displayName", "Dev")), List.of()));
    tenant.groups().addMembers(MembershipChange.of("g1", all, T0));
    tenant.groups().addMembers(MembershipChange.of("g2", Set.of("u1", "u2"), T0));
    ScimEngine engine = ScimEngine.builder().stores(provider).auditSink(record -> { }).build();
    RequestContext context = RequestContext.of(tenant.tenantId(), "test");
    engine.groupsOf(context, Set.of("u0")); // the engine's first call to a tenant reads more than the lookup
    counting.drain();

    Map<String, List<UserGroup>> two = engine.groupsOf(context, Set.of("u1", "u2"));
    List<CountingDataSource.Execution> forTwo = lookups(counting.drain());
    Map<String, List<UserGroup>> twenty = engine.groupsOf(context, all);
    List<CountingDataSource.Execution> forTwenty = lookups(counting.drain());

    assertThat(two.get("u1")).containsExactly(new UserGroup("g1", "Ops"), new UserGroup("g2", "Dev"));
    assertThat(twenty).hasSize(20);
    assertThat(twenty.get("u7")).containsExactly(new UserGroup("g1", "Ops"));
    assertThat(forTwenty).hasSameSizeAs(forTwo);
    assertThat(forTwenty).filteredOn(execution -> execution.sql.contains("scim_member")).hasSize(1);
    try (SearchResults found = engine.search(context, ResourceKind.USER,
        SearchParameters.filter("groups.display eq \"dev\"").sortedBy("userName", false))) {
      assertThat(found.resources().map(ResourceView::id)).containsExactly("u1", "u2");
    }
  }

  @Test
  @DisplayName("the manager names of a page of users cost one statement, for 2 managers as for 20")
  void managerNamesCostOneStatementPerPage() throws Exception {
    TenantStores tenant = TestDatabases.newTenant(provider);
    Set<String> all = new java.util.TreeSet<>();
    for (int i = 0; i < 20; i++) {
      tenant.users().create(new NewRecord("m" + i, T0, Attributes.of(Map.of("userName", "boss" + i,
          "displayName", "Boss " + i)), List.of(UniqueAttribute.caseInsensitive("userName"))));
      all.add("m" + i);
    }
    ScimEngine engine = ScimEngine.builder().stores(provider).auditSink(record -> { }).build();
    RequestContext context = RequestContext.of(tenant.tenantId(), "test");
    engine.managerNames(context, Set.of("m0")); // the engine's first call to a tenant reads more than the lookup
    counting.drain();

    Map<String, String> two = engine.managerNames(context, Set.of("m1", "m2", "nobody"));
    List<CountingDataSource.Execution> forTwo = lookups(counting.drain());
    Map<String, String> twenty = engine.managerNames(context, all);
    List<CountingDataSource.Execution> forTwenty = lookups(counting.drain());

    assertThat(two).containsExactlyInAnyOrderEntriesOf(Map.of("m1", "Boss 1", "m2", "Boss 2"));
    assertThat(twenty).hasSize(20).containsEntry("m17", "Boss 17");
    assertThat(forTwenty).hasSameSizeAs(forTwo);
    assertThat(forTwenty).filteredOn(execution -> execution.sql.contains("scim_resource")).hasSize(1);
  }

  /** Leaves out the outbox recovery that a new engine runs on its own thread at any moment. */
  private static List<CountingDataSource.Execution> lookups(List<CountingDataSource.Execution> executions) {
    return executions.stream().filter(execution -> !execution.sql.contains("scim_outbox")).toList();
  }

  private void fillMembers(String tenantId, String groupId, int count) throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO scim_member (tenant_id, group_id, member_id) VALUES (?, ?, ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        insert.setString(1, tenantId);
        insert.setString(2, groupId);
        insert.setString(3, String.format("m%06d", i));
        insert.addBatch();
        if (i % 5_000 == 4_999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
      connection.commit();
      connection.setAutoCommit(true);
    }
  }

  @Test
  @DisplayName("a filtered search reads only the rows of the records it returns")
  void filteredSearchReadsOnlyItsRows() throws Exception {
    TenantStores tenant = TestDatabases.newTenant(provider);
    for (int i = 0; i < 300; i++) {
      String name = String.format("user%04d", i);
      tenant.users().create(new NewRecord("u" + i, T0, Attributes.builder()
          .set("userName", name)
          .set("emails", List.of(ComplexValue.of("type", "work", "value", name + "@work.example"),
              ComplexValue.of("type", "home", "value", name + "@home.example")))
          .build(), List.of(UniqueAttribute.caseInsensitive("userName"))));
    }
    counting.drain();

    List<ResourceRecord> found;
    try (ResultPage<ResourceRecord> page = tenant.users().search(StoreQuery.of(
        Condition.compare(AttributeRef.of("userName"), Operator.EQ, "USER0042", false), 0, 10))) {
      found = page.items().toList();
      assertThat(page.totalResults()).hasValue(1);
    }
    List<CountingDataSource.Execution> executions = counting.drain();

    assertThat(found).extracting(ResourceRecord::id).containsExactly("u42");
    assertThat(executions).hasSize(2);
    assertThat(executions.get(0).rowsRead).as("count query").isEqualTo(1);
    assertThat(executions.get(1).rowsRead).as("value rows of u42: userName and 2 x 2 email sub-values").isEqualTo(5);

    List<String> keysetIds;
    try (ResultPage<ResourceRecord> page = tenant.users().search(new StoreQuery(
        Condition.compare(AttributeRef.of("userName"), Operator.SW, "user00", true),
        Sort.descending(AttributeRef.of("userName"), true), PageRequest.firstKeyset(10)))) {
      keysetIds = page.items().map(ResourceRecord::id).toList();
      assertThat(page.nextToken()).isPresent();
    }
    executions = counting.drain();
    assertThat(keysetIds).containsExactly("u99", "u98", "u97", "u96", "u95", "u94", "u93", "u92", "u91", "u90");
    assertThat(executions).hasSize(1);
    assertThat(executions.get(0).rowsRead).as("10 records of 5 rows, and the first row of the 11th")
        .isEqualTo(51);
  }

  @Test
  @DisplayName("an unfiltered list takes its total from the tenant's count rows, kept by creates, deletes and rollbacks")
  void unfilteredTotalComesFromCountRows() throws Exception {
    TenantStores tenant = TestDatabases.newTenant(provider);
    TenantStores other = TestDatabases.newTenant(provider);
    for (int i = 0; i < 30; i++) {
      tenant.users().create(new NewRecord("u" + i, T0, Attributes.of(Map.of("userName", "n" + i)), List.of()));
    }
    other.users().create(new NewRecord("x", T0, Attributes.of(Map.of("userName", "x")), List.of()));
    tenant.groups().create(new NewRecord("g", T0, Attributes.of(Map.of("displayName", "g")), List.of()));
    tenant.users().delete(RecordDeletion.of("u7"));
    assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> tenant.inTransaction(stores -> {
      stores.users().create(new NewRecord("u99", T0, Attributes.of(Map.of("userName", "n99")), List.of()));
      throw new BadRequestException("rolled back");
    }));
    counting.drain();

    assertThat(unfilteredTotal(tenant.users())).isEqualTo(29);
    List<CountingDataSource.Execution> executions = counting.drain();
    assertThat(executions).hasSize(2);
    assertThat(executions.get(0).sql).contains("FROM scim_count").doesNotContain("scim_resource");
    assertThat(unfilteredTotal(tenant.groups())).isEqualTo(1);
    assertThat(unfilteredTotal(other.users())).isEqualTo(1);

    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM scim_count WHERE tenant_id = ?")) {
      delete.setString(1, other.tenantId());
      delete.executeUpdate();
    }
    counting.drain();
    assertThat(unfilteredTotal(other.users())).as("counted without count rows").isEqualTo(1);
    assertThat(counting.drain().get(1).sql).contains("COUNT(*) FROM scim_resource");
  }

  private static long unfilteredTotal(RecordStore store) throws Exception {
    try (ResultPage<ResourceRecord> page = store.search(StoreQuery.of(Condition.all(), 0, 5))) {
      assertThat(page.items()).isNotEmpty();
      return page.totalResults().orElseThrow();
    }
  }

  @Test
  @DisplayName("migrate applies each script once and records it in ScimKit's own Flyway history")
  void migrateIsIdempotent() throws Exception {
    assertThat(provider.migrate()).isEmpty();
    try (Connection connection = database.dataSource().getConnection();
        var rows = connection.createStatement().executeQuery("SELECT \"script\", \"success\" FROM \""
            + JdbcStoreProvider.HISTORY_TABLE + "\" WHERE \"version\" = '1'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("V1__init.sql");
      assertThat(rows.getBoolean(2)).isTrue();
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  @DisplayName("keeps tenant settings, shows updates at once (lookUp too) and rejects a duplicate tenant")
  void tenantSettings() throws Exception {
    String id = UUID.randomUUID().toString();
    TenantStores tenant = provider.createTenant(id, TenantSettings.defaults());
    assertThat(tenant.settings()).isEqualTo(TenantSettings.defaults());

    TenantSettings strict = new TenantSettings(false, ScimMode.STRICT, "entra");
    provider.updateSettings(id, strict);

    assertThat(tenant.settings()).isEqualTo(strict);
    assertThat(provider.tenant(id).orElseThrow().settings()).isEqualTo(strict);
    TenantLookup found = provider.lookUp(id).orElseThrow();
    assertThat(found.settings()).isEqualTo(strict);
    assertThat(found.stores().tenantId()).isEqualTo(id);
    assertThat(provider.tenant("no-such-tenant")).isEmpty();
    assertThat(provider.lookUp("no-such-tenant")).isEmpty();
    assertThatExceptionOfType(ResourceConflictException.class)
        .isThrownBy(() -> provider.createTenant(id, TenantSettings.defaults()));
    assertThat(provider.deleteTenant(id)).isTrue();
    assertThat(provider.tenant(id)).isEmpty();
  }
}
