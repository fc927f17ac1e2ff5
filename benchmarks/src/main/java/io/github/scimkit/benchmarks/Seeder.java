package io.github.scimkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.tenant.TenantSettings;
import io.github.scimkit.store.jdbc.JdbcStoreProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Fills tenants with many users and groups quickly. One template user is created through the
 * engine, so its rows are exactly what ScimKit writes; the rest are copied from it by set-based
 * {@code INSERT ... SELECT} over a number series, with the id, userName and displayName changed.
 * User {@code n} has id {@code u-nnnnnnn} and userName {@code user-nnnnnnn} (seven digits).
 */
final class Seeder {

  static final String TEMPLATE_TENANT = "bench-template";
  private static final int CHUNK = 100_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StoreBenchmark.Database database;
  private final JdbcStoreProvider stores;
  private final ScimEngine engine;

  Seeder(StoreBenchmark.Database database, JdbcStoreProvider stores, ScimEngine engine) {
    this.database = database;
    this.stores = stores;
    this.engine = engine;
  }

  static String userId(long n) {
    return String.format("u-%07d", n);
  }

  static String userName(long n) {
    return String.format("user-%07d", n);
  }

  /** Makes sure the tenant holds exactly {@code users} seeded users; reseeds it otherwise. */
  void users(String tenant, long users) throws Exception {
    ensureTemplate();
    if (stores.tenant(tenant).isPresent() && count("SELECT COUNT(*) FROM scim_resource WHERE tenant_id = ? AND kind = 'User'", tenant) == users) {
      StoreBenchmark.log("  %s: %,d users already seeded", tenant, users);
      return;
    }
    long started = System.nanoTime();
    stores.deleteTenant(tenant);
    stores.createTenant(tenant, TenantSettings.defaults());
    for (long from = 1; from <= users; from += CHUNK) {
      long to = Math.min(users, from + CHUNK - 1);
      copyUsers(tenant, from, to);
    }
    analyze();
    StoreBenchmark.log("  %s: seeded %,d users in %.1f s", tenant, users, (System.nanoTime() - started) / 1e9);
  }

  /**
   * Makes sure the tenant has a group named {@code group-<size>} whose members are users 1 to
   * {@code size}; returns its id.
   */
  String group(String tenant, long size) throws Exception {
    String name = "group-" + size;
    String id = find("SELECT r.id FROM scim_resource r JOIN scim_value v ON v.tenant_id = r.tenant_id AND v.kind = r.kind "
        + "AND v.resource_id = r.id WHERE r.tenant_id = ? AND r.kind = 'Group' AND v.attribute = 'displayName' "
        + "AND v.string_value = ?", tenant, name);
    if (id != null && count("SELECT COUNT(*) FROM scim_member WHERE tenant_id = ? AND group_id = ?", tenant, id) == size) {
      StoreBenchmark.log("  %s: %s with %,d members already seeded", tenant, name, size);
      return id;
    }
    long started = System.nanoTime();
    if (id != null) {
      engine.delete(context(tenant), ResourceKind.GROUP, id, java.util.OptionalLong.empty());
    }
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
    body.put("displayName", name);
    id = engine.create(context(tenant), ResourceKind.GROUP, new GenericScimResource(body)).id();
    for (long from = 1; from <= size; from += CHUNK) {
      long to = Math.min(size, from + CHUNK - 1);
      update("INSERT INTO scim_member (tenant_id, group_id, member_id) SELECT ?, ?, "
          + "CONCAT('u-', LPAD(CAST(g.n AS VARCHAR), 7, '0')) FROM " + series(from, to), tenant, id);
    }
    analyze();
    StoreBenchmark.log("  %s: seeded %s with %,d members in %.1f s", tenant, name, size, (System.nanoTime() - started) / 1e9);
    return id;
  }

  static RequestContext context(String tenant) {
    return RequestContext.of(tenant, "benchmark");
  }

  private void ensureTemplate() throws Exception {
    if (stores.tenant(TEMPLATE_TENANT).isPresent()) {
      return;
    }
    stores.createTenant(TEMPLATE_TENANT, TenantSettings.defaults());
    ObjectNode user = JSON.createObjectNode();
    user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
    user.put("userName", "template");
    user.put("displayName", "Template");
    user.put("active", true);
    ResourceView created = engine.create(context(TEMPLATE_TENANT), ResourceKind.USER, new GenericScimResource(user));
    // Only these may differ between copies; anything else the template has is copied as it is.
    long uniques = count("SELECT COUNT(*) FROM scim_unique WHERE tenant_id = ? AND attribute <> 'userName'", TEMPLATE_TENANT);
    if (uniques != 0) {
      throw new IllegalStateException("The template user claims unique values other than userName");
    }
    StoreBenchmark.log("  template user %s created", created.id());
  }

  private void copyUsers(String tenant, long from, long to) throws SQLException {
    String id = "CONCAT('u-', LPAD(CAST(g.n AS VARCHAR), 7, '0'))";
    String userName = "CONCAT('user-', LPAD(CAST(g.n AS VARCHAR), 7, '0'))";
    String displayName = "CONCAT('User ', LPAD(CAST(g.n AS VARCHAR), 7, '0'))";
    String displayFolded = "CONCAT('user ', LPAD(CAST(g.n AS VARCHAR), 7, '0'))";
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      run(connection, "INSERT INTO scim_resource (tenant_id, kind, id, id_folded, version, created_ms, last_modified_ms) "
          + "SELECT ?, t.kind, " + id + ", " + id + ", t.version, t.created_ms, t.last_modified_ms "
          + "FROM scim_resource t CROSS JOIN " + series(from, to) + " WHERE t.tenant_id = ? AND t.kind = 'User'",
          tenant, TEMPLATE_TENANT);
      run(connection, "INSERT INTO scim_value (tenant_id, kind, resource_id, attribute, ordinal, sub_attribute, value_type, "
          + "string_value, string_key, string_folded, folded_key, bool_value, number_value, instant_value, binary_value) "
          + "SELECT ?, t.kind, " + id + ", t.attribute, t.ordinal, t.sub_attribute, t.value_type, "
          + pick("string_value", userName, displayName) + ", " + pick("string_key", userName, displayName) + ", "
          + pick("string_folded", userName, displayFolded) + ", " + pick("folded_key", userName, displayFolded) + ", "
          + "t.bool_value, t.number_value, t.instant_value, t.binary_value "
          + "FROM scim_value t CROSS JOIN " + series(from, to) + " WHERE t.tenant_id = ? AND t.kind = 'User'",
          tenant, TEMPLATE_TENANT);
      run(connection, "INSERT INTO scim_unique (tenant_id, kind, attribute, unique_key, resource_id) "
          + "SELECT ?, t.kind, t.attribute, CONCAT('S:', " + userName + "), " + id + " "
          + "FROM scim_unique t CROSS JOIN " + series(from, to) + " WHERE t.tenant_id = ? AND t.kind = 'User'",
          tenant, TEMPLATE_TENANT);
      // The store keeps per-tenant counts (scim_count) in each create's transaction; copies made
      // around it add theirs here, in the same transaction.
      run(connection, "UPDATE scim_count SET record_count = record_count + ? WHERE tenant_id = ? AND kind = 'User' "
          + "AND shard = 0", to - from + 1, tenant);
      connection.commit();
    }
  }

  /** The column's value for a copy: the new userName or displayName, or the template's value. */
  private static String pick(String column, String userName, String displayName) {
    return "CASE WHEN t.attribute = 'userName' AND t.sub_attribute = '' THEN " + userName
        + " WHEN t.attribute = 'displayName' AND t.sub_attribute = '' THEN " + displayName
        + " ELSE t." + column + " END";
  }

  /** A derived table {@code g} with one column {@code n} running from {@code from} to {@code to}. */
  private String series(long from, long to) {
    return database.postgres()
        ? "generate_series(" + from + ", " + to + ") AS g(n)"
        : "(SELECT X AS n FROM SYSTEM_RANGE(" + from + ", " + to + ")) g";
  }

  private void analyze() throws SQLException {
    try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
  }

  private void update(String sql, Object... parameters) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      run(connection, sql, parameters);
    }
  }

  private static void run(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  private long count(String sql, Object... parameters) throws SQLException {
    String value = find(sql, parameters);
    return value == null ? 0 : Long.parseLong(value);
  }

  private String find(String sql, Object... parameters) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }
}
