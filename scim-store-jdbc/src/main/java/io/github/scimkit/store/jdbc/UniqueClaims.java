package io.github.scimkit.store.jdbc;

import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.store.UniqueAttribute;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code scim_unique} by which one tenant's records of one kind claim their unique
 * values: a claim per unique attribute that has a single value, whose primary key makes a second
 * record with an equal value fail with a uniqueness conflict.
 */
final class UniqueClaims {

  private static final int UNIQUE_KEY_LENGTH = 300;

  private UniqueClaims() {}

  /** Claims the record's unique values, in one batch. */
  static void claim(Connection connection, String tenantId, String kind, String id, Attributes attributes,
      List<UniqueAttribute> uniques) throws SQLException {
    boolean any = false;
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scim_unique "
        + "(tenant_id, kind, attribute, unique_key, resource_id) VALUES (?, ?, ?, ?, ?)")) {
      for (UniqueAttribute unique : uniques) {
        Optional<Object> value = attributes.get(unique.name());
        String uniqueKey = value.map(present -> uniqueKey(unique, present)).orElse(null);
        if (uniqueKey != null) {
          Sql.bindAll(insert, List.of(tenantId, kind, unique.name(), uniqueKey, id));
          insert.addBatch();
          any = true;
        }
      }
      if (any) {
        insert.executeBatch();
      }
    }
  }

  /** Gives up every claim of the record, before a replace claims its new values. */
  static void release(Connection connection, String tenantId, String kind, String id) throws SQLException {
    JdbcRecordStore.execute(connection, new Sql().append("DELETE FROM scim_unique WHERE tenant_id = ").param(tenantId)
        .append(" AND kind = ").param(kind).append(" AND resource_id = ").param(id));
  }

  /**
   * Returns the key under which a value claims uniqueness: a type tag and its text (strings
   * folded unless case-exact, numbers in plain form, instants in epoch milliseconds), hashed with
   * SHA-256 when long; {@code null} for a list or complex value, which claims nothing.
   */
  private static String uniqueKey(UniqueAttribute unique, Object value) {
    Object key = unique.key(value);
    String text;
    if (key instanceof String string) {
      text = "S:" + string;
    } else if (key instanceof Long number) {
      text = "N:" + number;
    } else if (key instanceof BigDecimal number) {
      text = "N:" + (number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
    } else if (key instanceof Instant instant) {
      text = "T:" + instant.toEpochMilli();
    } else if (key instanceof Boolean flag) {
      text = "B:" + flag;
    } else if (key instanceof BinaryValue binary) {
      text = "X:" + binary.toBase64();
    } else {
      return null;
    }
    if (text.length() <= UNIQUE_KEY_LENGTH) {
      return text;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "H:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
