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
    } else if (value instanceof Null nothing) {
      statement.setNull(index, nothing.sqlType());
    } else {
      throw new IllegalArgumentException("Cannot bind " + value);
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
