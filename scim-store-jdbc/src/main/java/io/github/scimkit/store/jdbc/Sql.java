package io.github.scimkit.store.jdbc;

import io.github.scimkit.core.store.BinaryValue;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** A SQL text under construction with its positional parameters. */
final class Sql {

  private final StringBuilder text = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  Sql append(String fragment) {
    text.append(fragment);
    return this;
  }

  /** Appends a {@code ?} and its value. */
  Sql param(Object value) {
    text.append('?');
    params.add(value);
    return this;
  }

  /**
   * Appends a table of one column {@code id} holding the strings: {@code UNNEST(?) AS alias(id)}
   * with one array parameter. Joined to an index on its column, it reads one probe per string,
   * where H2 answers {@code col IN (?, ?, …)} on any but an index's first column by reading every
   * row the index's other equalities select.
   */
  Sql idTable(List<String> values, String alias) {
    text.append("UNNEST(?) AS ").append(alias).append("(id)");
    params.add(new StringArray(values));
    return this;
  }

  Sql append(Sql other) {
    text.append(other.text);
    params.addAll(other.params);
    return this;
  }

  String text() {
    return text.toString();
  }

  List<Object> params() {
    return params;
  }

  /** Binds the parameters, starting at index 1. */
  void bind(PreparedStatement statement) throws SQLException {
    bindAll(statement, params);
  }

  static void bindAll(PreparedStatement statement, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      set(statement, i + 1, values.get(i));
    }
  }

  /** Binds one value by its Java type; {@link Null} binds a typed SQL NULL. */
  static void set(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value instanceof String text) {
      statement.setString(index, text);
    } else if (value instanceof Long number) {
      statement.setLong(index, number);
    } else if (value instanceof Integer number) {
      statement.setInt(index, number);
    } else if (value instanceof BigDecimal number) {
      statement.setBigDecimal(index, number);
    } else if (value instanceof Boolean flag) {
      statement.setBoolean(index, flag);
    } else if (value instanceof BinaryValue binary) {
      statement.setBytes(index, binary.toByteArray());
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else if (value instanceof StringArray array) {
      statement.setArray(index, statement.getConnection().createArrayOf("VARCHAR", array.values().toArray()));
    } else if (value instanceof Null nothing) {
      statement.setNull(index, nothing.sqlType());
    } else {
      throw new IllegalArgumentException("Cannot bind " + value);
    }
  }

  /** An array of strings, bound as one SQL {@code VARCHAR ARRAY} parameter. */
  record StringArray(List<String> values) {
    StringArray {
      values = List.copyOf(values);
    }
  }

  /** A typed SQL NULL parameter. */
  record Null(int sqlType) {
    static final Null VARCHAR = new Null(Types.VARCHAR);
    static final Null BOOLEAN = new Null(Types.BOOLEAN);
    static final Null NUMERIC = new Null(Types.NUMERIC);
    static final Null BIGINT = new Null(Types.BIGINT);
    static final Null BINARY = new Null(Types.VARBINARY);
  }

  @Override
  public String toString() {
    return text + " " + params;
  }
}
