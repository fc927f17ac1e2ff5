package io.github.scimkit.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

/**
 * The per-tenant, per-kind record counts in {@code scim_count}: created with the tenant, adjusted
 * in the transaction of each create and delete, and summed for the total of an unfiltered list,
 * so that total costs {@value #SHARDS} rows whatever the tenant's size.
 *
 * <p>Each count is split over {@value #SHARDS} rows; a record's create and delete adjust the row
 * its id hashes to, so concurrent creates in one tenant rarely wait for each other. A tenant
 * whose count rows are missing (rows inserted around the store) reports no count, and the caller
 * counts its records instead.
 */
final class RecordCounts {

  /** How many rows one tenant's count of one kind is split over. */
  static final int SHARDS = 8;

  private static final List<String> KINDS = List.of("User", "Group");

  private RecordCounts() {}

  /** Inserts a new tenant's count rows, all zero. */
  static void create(Connection connection, String tenantId) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO scim_count (tenant_id, kind, shard, record_count) VALUES (?, ?, ?, 0)")) {
      for (String kind : KINDS) {
        for (int shard = 0; shard < SHARDS; shard++) {
          Sql.bindAll(insert, List.of(tenantId, kind, shard));
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** Adds {@code delta} to the count of a record's kind, in the row its id hashes to. */
  static void adjust(Connection connection, String tenantId, String kind, String id, long delta) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE scim_count SET record_count = record_count + ? "
        + "WHERE tenant_id = ? AND kind = ? AND shard = ?")) {
      Sql.bindAll(update, List.of(delta, tenantId, kind, Math.floorMod(id.hashCode(), SHARDS)));
      update.executeUpdate();
    }
  }

  /** Returns the count of a tenant's records of a kind, or empty when its count rows are missing. */
  static OptionalLong read(Connection connection, String tenantId, String kind) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT COUNT(*), SUM(record_count) FROM scim_count WHERE tenant_id = ? AND kind = ?")) {
      Sql.bindAll(select, List.of(tenantId, kind));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1) == SHARDS ? OptionalLong.of(row.getLong(2)) : OptionalLong.empty();
      }
    }
  }
}
