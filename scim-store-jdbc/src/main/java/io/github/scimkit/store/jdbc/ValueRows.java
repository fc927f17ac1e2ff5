package io.github.scimkit.store.jdbc;

import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.store.ComplexValue;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a record's attributes as rows of {@code scim_value} and reads them back.
 *
 * <p>A single simple value is one row with ordinal -1 and sub-attribute {@code ''}; a list
 * element has its position as ordinal; a complex value is one row per sub-value, the rows of one
 * element sharing its ordinal.
 */
final class ValueRows {

  /** How many leading characters of a string the indexed key columns hold. */
  static final int KEY_LENGTH = 256;

  /** The value columns a query selects, in this order, after its own columns. */
  static final String COLUMNS = "v.attribute, v.ordinal, v.sub_attribute, v.value_type, "
      + "v.string_value, v.bool_value, v.number_value, v.instant_value, v.binary_value";

  private static final String INSERT = "INSERT INTO scim_value (tenant_id, kind, resource_id, "
      + "attribute, ordinal, sub_attribute, value_type, string_value, string_key, string_folded, "
      + "folded_key, bool_value, number_value, instant_value, binary_value) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private ValueRows() {}

  /** Folds a string as the SPI does. */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Returns the indexed prefix of a string. */
  static String key(String text) {
    return text.length() <= KEY_LENGTH ? text : text.substring(0, KEY_LENGTH);
  }

  /** Inserts every value of a record in one batch. */
  static void insert(Connection connection, String tenantId, String kind, String id, Attributes attributes)
      throws SQLException {
    if (attributes.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Map.Entry<String, Object> entry : attributes.asMap().entrySet()) {
        String name = entry.getKey();
        Object value = entry.getValue();
        if (value instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            addElement(insert, tenantId, kind, id, name, i, list.get(i));
          }
        } else {
          addElement(insert, tenantId, kind, id, name, -1, value);
        }
      }
      insert.executeBatch();
    }
  }

  private static void addElement(PreparedStatement insert, String tenantId, String kind, String id,
      String name, int ordinal, Object value) throws SQLException {
    if (value instanceof ComplexValue complex) {
      for (Map.Entry<String, Object> sub : complex.asMap().entrySet()) {
        addRow(insert, tenantId, kind, id, name, ordinal, sub.getKey(), sub.getValue());
      }
    } else {
      addRow(insert, tenantId, kind, id, name, ordinal, "", value);
    }
  }

  private static void addRow(PreparedStatement insert, String tenantId, String kind, String id,
      String name, int ordinal, String sub, Object value) throws SQLException {
    Object[] row = {tenantId, kind, id, name, ordinal, sub, null,
        Sql.Null.VARCHAR, Sql.Null.VARCHAR, Sql.Null.VARCHAR, Sql.Null.VARCHAR,
        Sql.Null.BOOLEAN, Sql.Null.NUMERIC, Sql.Null.BIGINT, Sql.Null.BINARY};
    if (value instanceof String text) {
      String folded = fold(text);
      row[6] = "S";
      row[7] = text;
      row[8] = key(text);
      row[9] = folded;
      row[10] = key(folded);
    } else if (value instanceof Boolean flag) {
      row[6] = "B";
      row[11] = flag;
    } else if (value instanceof Long number) {
      row[6] = "L";
      row[12] = BigDecimal.valueOf(number);
    } else if (value instanceof BigDecimal number) {
      row[6] = "D";
      row[7] = number.toString();
      row[12] = number;
    } else if (value instanceof Instant instant) {
      row[6] = "T";
      row[13] = instant.toEpochMilli();
    } else if (value instanceof BinaryValue binary) {
      row[6] = "X";
      row[14] = binary;
    } else {
      throw new IllegalArgumentException("Unsupported value " + value);
    }
    for (int i = 0; i < row.length; i++) {
      Sql.set(insert, i + 1, row[i]);
    }
    insert.addBatch();
  }

  /**
   * Collects the value rows of one record, which arrive ordered by attribute, ordinal and
   * sub-attribute.
   */
  static final class Collector {

    private final Map<String, Map<Integer, Object>> byAttribute = new LinkedHashMap<>();

    /**
     * Adds the value row the result set is on; a row without an attribute (from an outer join
     * of a record with no values) is ignored.
     *
     * @param at the index of the first value column ({@link #COLUMNS})
     */
    void add(ResultSet row, int at) throws SQLException {
      String attribute = row.getString(at);
      if (attribute == null) {
        return;
      }
      int ordinal = row.getInt(at + 1);
      String sub = row.getString(at + 2);
      Object value = read(row, at + 3);
      Map<Integer, Object> elements = byAttribute.computeIfAbsent(attribute, unused -> new LinkedHashMap<>());
      if (sub.isEmpty()) {
        elements.put(ordinal, value);
      } else {
        Object element = elements.get(ordinal);
        @SuppressWarnings("unchecked")
        Map<String, Object> subs = element instanceof Map<?, ?> map
            ? (Map<String, Object>) map : new LinkedHashMap<>();
        subs.put(sub, value);
        elements.put(ordinal, subs);
      }
    }

    Attributes build() {
      if (byAttribute.isEmpty()) {
        return Attributes.empty();
      }
      Attributes.Builder builder = Attributes.builder();
      byAttribute.forEach((name, elements) -> {
        List<Object> values = new ArrayList<>();
        boolean single = elements.containsKey(-1);
        elements.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .forEach(entry -> values.add(entry.getValue() instanceof Map<?, ?> map
                ? ComplexValue.of(map) : entry.getValue()));
        builder.set(name, single ? values.get(0) : values);
      });
      return builder.build();
    }

    private static Object read(ResultSet row, int typeAt) throws SQLException {
      String type = row.getString(typeAt);
      return switch (type) {
        case "S" -> row.getString(typeAt + 1);
        case "B" -> row.getBoolean(typeAt + 2);
        case "L" -> row.getBigDecimal(typeAt + 3).longValueExact();
        case "D" -> new BigDecimal(row.getString(typeAt + 1));
        case "T" -> Instant.ofEpochMilli(row.getLong(typeAt + 4));
        case "X" -> BinaryValue.of(row.getBytes(typeAt + 5));
        default -> throw new SQLException("Unknown value type " + type);
      };
    }
  }

  /**
   * Joins a page of records ({@code p}: {@code rtenant}, {@code rkind}, {@code rid}) with their
   * value rows as {@code v}. On PostgreSQL it is a lateral subquery in primary-key order, which
   * reads each record's rows through the primary key: as a plain join, PostgreSQL without
   * statistics (a freshly loaded table) read the tenant's value rows through another index of
   * {@code (tenant_id, kind, …)} once per record of the page (1.5 s for 100 records of 3,000).
   */
  static Sql pageJoin(boolean h2, String tenantId, String kind) {
    if (h2) {
      return new Sql().append("LEFT JOIN scim_value v ON v.tenant_id = ").param(tenantId).append(" AND v.kind = ")
          .param(kind).append(" AND v.resource_id = p.rid");
    }
    return new Sql().append("LEFT JOIN LATERAL (SELECT * FROM scim_value v WHERE v.tenant_id = p.rtenant "
        + "AND v.kind = p.rkind AND v.resource_id = p.rid ORDER BY v.attribute, v.ordinal, v.sub_attribute) v ON TRUE");
  }
}
