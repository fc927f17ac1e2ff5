package io.github.scimkit.store.jdbc;

import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Translates a {@link Condition} into a SQL predicate over {@code scim_resource r}, with the
 * semantics of the {@code store.query} package documentation.
 *
 * <ul>
 *   <li>A comparison tests whether some value row of the attribute matches, so a multi-valued
 *       attribute matches when any value does; the predicate checks the row's value type, so a
 *       value of another type never matches. At record scope this is {@code r.id IN (SELECT
 *       resource_id FROM scim_value WHERE tenant, kind, attribute, test)}, or for the first positive
 *       comparison of a top-level AND the driving row source (see {@link #query}).
 *   <li>A value filter ({@code emails[type eq "work" and value co "x"]}) is one correlated {@code
 *       EXISTS} over the record's own rows of the attribute, grouped by element: {@code EXISTS
 *       (SELECT 1 FROM scim_value e WHERE e.tenant_id = r.tenant_id AND e.kind = r.kind AND
 *       e.resource_id = r.id AND e.attribute = ? GROUP BY e.ordinal HAVING <tests>)}, each test
 *       an aggregate {@code MAX(CASE WHEN <sub-attribute and value test> THEN 1 ELSE 0 END) = 1}.
 *       It reads the primary key's range of that record and attribute, so it costs in proportion
 *       to the values of the records it is asked about, whatever the planner's statistics; the
 *       aggregate also keeps PostgreSQL from flattening it into a join that, with stale
 *       statistics, rescanned the attribute's rows of the whole tenant once per record.
 *   <li>{@code ne} becomes "no value row, or a row that is not equal", so absent attributes match.
 *   <li>Folded comparisons use the {@code string_folded} column, folded in Java with {@code
 *       Locale.ROOT}, against a parameter folded the same way.
 *   <li>{@code co}, {@code sw} and {@code ew} use {@code LIKE ... ESCAPE '\'} with {@code %},
 *       {@code _} and {@code \} escaped.
 *   <li>{@link Condition.MemberOf} is a subquery over {@code scim_member} joined to the group
 *       records, with the group condition translated against them.
 *   <li>Equality and prefix tests also test the indexed 256-character key column, so an index
 *       serves them.
 * </ul>
 *
 * Every predicate is two-valued (never SQL NULL), so {@code NOT} is exact.
 */
final class FilterSql {

  static final String TRUE = "1=1";
  static final String FALSE = "1=0";

  private final String tenantId;
  private final String kind;
  private final String record;
  private int aliases;

  private FilterSql(String tenantId, String kind, String record, int aliases) {
    this.tenantId = tenantId;
    this.kind = kind;
    this.record = record;
    this.aliases = aliases;
  }

  /**
   * The FROM and WHERE of a search: the tenant's records of the kind that satisfy a condition.
   *
   * @param from the row source, {@code scim_resource r} or a driving value subquery joined to it
   * @param where the predicate over {@code r}, with the tenant and kind
   */
  record Query(Sql from, Sql where) {
    /** Whether a value subquery drives the search (then few records are sorted). */
    boolean driven() {
      return !from.text().startsWith("scim_resource");
    }
  }

  /**
   * Translates a search. When the condition is, or is a conjunction with, a positive comparison
   * of an attribute value, that comparison becomes the driving row source: {@code (SELECT
   * DISTINCT v.resource_id FROM scim_value v WHERE <tenant, kind, attribute, value>) d JOIN
   * scim_resource r ON r.tenant_id = ? AND r.kind = ? AND r.id = d.resource_id}. H2 then finds
   * the matching ids through a value index and looks each record up by primary key, instead of
   * testing every record of the tenant (H2 neither unnests {@code EXISTS} nor uses an {@code IN}
   * subquery on the third column of the primary key); PostgreSQL plans it as the same semi-join.
   */
  static Query query(Condition condition, String tenantId, String kind) {
    FilterSql filter = new FilterSql(tenantId, kind, "r", 0);
    Condition.Compare driver = null;
    java.util.List<Condition> rest = new java.util.ArrayList<>();
    if (filter.drives(condition)) {
      driver = (Condition.Compare) condition;
    } else if (condition instanceof Condition.And and) {
      for (Condition operand : and.operands()) {
        if (driver == null && filter.drives(operand)) {
          driver = (Condition.Compare) operand;
        } else {
          rest.add(operand);
        }
      }
    } else {
      rest.add(condition);
    }
    Sql from = new Sql();
    if (driver == null) {
      from.append("scim_resource r");
    } else {
      String d = "d" + (++filter.aliases);
      from.append("(SELECT DISTINCT " + d + ".resource_id FROM scim_value " + d + " WHERE " + d + ".tenant_id = ")
          .param(tenantId).append(" AND " + d + ".kind = ").param(kind).append(" AND ")
          .append(filter.rows(d, driver.attribute(), false, false)).append(" AND ")
          .append(valuePredicate(d, driver.operator(), driver.value(), driver.caseExact()))
          .append(") " + d + " JOIN scim_resource r ON r.tenant_id = ").param(tenantId)
          .append(" AND r.kind = ").param(kind).append(" AND r.id = " + d + ".resource_id");
    }
    Sql where = new Sql().append("r.tenant_id = ").param(tenantId).append(" AND r.kind = ").param(kind);
    for (Condition operand : rest) {
      where.append(" AND (");
      filter.condition(operand, where);
      where.append(")");
    }
    return new Query(from, where);
  }

  /** Whether a condition can drive a search: a positive comparison of a value that can match. */
  private boolean drives(Condition condition) {
    return condition instanceof Condition.Compare compare
        && compare.operator() != Operator.NE
        && !isRecordField(compare.attribute())
        && valuePredicate("d", compare.operator(), compare.value(), compare.caseExact()) != null;
  }

  /**
   * Opens {@code r.id IN (SELECT v.resource_id FROM scim_value v WHERE v.tenant_id = ? AND
   * v.kind = ? AND }: the record-level test "some value row matches". The subquery is not
   * correlated with {@code r}, so H2 runs it once through a value index and probes the primary
   * key with its ids, instead of running a correlated {@code EXISTS} once per record of the
   * tenant; PostgreSQL plans it as the same semi-join as {@code EXISTS}. Both sides are never
   * NULL, so the test is two-valued like {@code EXISTS}.
   */
  private Sql openIn(String v, Sql out) {
    return out.append(record + ".id IN (SELECT " + v + ".resource_id FROM scim_value " + v + " WHERE " + v + ".tenant_id = ")
        .param(tenantId).append(" AND " + v + ".kind = ").param(kind).append(" AND ");
  }

  private void condition(Condition condition, Sql out) {
    if (condition instanceof Condition.Compare compare) {
      compare(compare, out);
    } else if (condition instanceof Condition.Present present) {
      present(present.attribute(), out);
    } else if (condition instanceof Condition.And and) {
      junction(and.operands(), " AND ", TRUE, out, this::condition);
    } else if (condition instanceof Condition.Or or) {
      junction(or.operands(), " OR ", FALSE, out, this::condition);
    } else if (condition instanceof Condition.Not not) {
      out.append("NOT (");
      condition(not.operand(), out);
      out.append(")");
    } else if (condition instanceof Condition.AnyElement any) {
      anyElement(any, out);
    } else if (condition instanceof Condition.MemberOf memberOf) {
      memberOf(memberOf, out);
    } else {
      out.append(condition == Condition.Constant.ALL ? TRUE : FALSE);
    }
  }

  /** Writes one operand of a junction. */
  @FunctionalInterface
  interface OperandWriter {
    void write(Condition operand, Sql out);
  }

  /** Writes {@code (a AND b ...)} or {@code (a OR b ...)}; {@code empty} when there are no operands. */
  static void junction(java.util.List<Condition> operands, String joiner, String empty, Sql out, OperandWriter writer) {
    if (operands.isEmpty()) {
      out.append(empty);
      return;
    }
    out.append("(");
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        out.append(joiner);
      }
      writer.write(operands.get(i), out);
    }
    out.append(")");
  }

  private void anyElement(Condition.AnyElement any, Sql out) {
    String e = "e" + (++aliases);
    // "attribute || ''" keeps the attribute out of the index condition, so the element rows are
    // read through the record's primary-key prefix: with statistics that have never seen the
    // attribute, PostgreSQL otherwise walks the tenant's rows of that attribute once per record.
    out.append("EXISTS (SELECT 1 FROM scim_value " + e + " WHERE " + e + ".tenant_id = " + record + ".tenant_id AND "
            + e + ".kind = " + record + ".kind AND " + e + ".resource_id = " + record + ".id AND "
            + e + ".attribute || '' = ")
        .param(any.attribute()).append(" AND " + e + ".sub_attribute <> '' GROUP BY " + e + ".ordinal HAVING ");
    new ElementSql(e, any.attribute()).condition(any.element(), out);
    out.append(")");
  }

  /**
   * A user's membership: {@code r.id IN (SELECT m.member_id FROM scim_member m JOIN scim_resource
   * g ... WHERE <the group condition over g>)}, the group condition translated as a group search
   * would be. Nothing matches in a group search.
   */
  private void memberOf(Condition.MemberOf memberOf, Sql out) {
    if (!kind.equals("User")) {
      out.append(FALSE);
      return;
    }
    int n = ++aliases;
    String m = "m" + n;
    String g = "g" + n;
    FilterSql groups = new FilterSql(tenantId, "Group", g, aliases);
    out.append(record + ".id IN (SELECT " + m + ".member_id FROM scim_member " + m + " JOIN scim_resource " + g
            + " ON " + g + ".tenant_id = " + m + ".tenant_id AND " + g + ".kind = " + m + ".group_kind AND "
            + g + ".id = " + m + ".group_id WHERE " + m + ".tenant_id = ").param(tenantId).append(" AND (");
    groups.condition(memberOf.group(), out);
    aliases = groups.aliases;
    out.append("))");
  }

  private static boolean isRecordField(AttributeRef ref) {
    return ref.subAttribute() == null
        && (ref.name().equals("id") || ref.name().equals("created") || ref.name().equals("lastModified"));
  }

  private void present(AttributeRef ref, Sql out) {
    if (isRecordField(ref)) {
      out.append(TRUE);
      return;
    }
    String v = "v" + (++aliases);
    openIn(v, out).append(rows(v, ref, true, false)).append(")");
  }

  private void compare(Condition.Compare compare, Sql out) {
    AttributeRef ref = compare.attribute();
    boolean ne = compare.operator() == Operator.NE;
    Operator test = ne ? Operator.EQ : compare.operator();
    if (isRecordField(ref)) {
      Sql predicate = fieldPredicate(ref.name(), test, compare.value(), compare.caseExact());
      if (predicate == null) {
        out.append(ne ? TRUE : FALSE);
      } else if (ne) {
        out.append("NOT (").append(predicate).append(")");
      } else {
        out.append(predicate);
      }
      return;
    }
    String v = "v" + (++aliases);
    Sql predicate = valuePredicate(v, test, compare.value(), compare.caseExact());
    if (!ne) {
      if (predicate == null) {
        out.append(FALSE);
      } else {
        openIn(v, out).append(rows(v, ref, false, false)).append(" AND ").append(predicate).append(")");
      }
      return;
    }
    if (predicate == null) {
      out.append(TRUE);
      return;
    }
    Sql rows = rows(v, ref, false, true);
    String w = "v" + (++aliases);
    Sql present = rows(w, ref, false, true);
    out.append("(NOT EXISTS (SELECT 1 FROM scim_value " + w + " WHERE ").append(present)
        .append(") OR EXISTS (SELECT 1 FROM scim_value " + v + " WHERE ").append(rows)
        .append(" AND NOT (").append(predicate).append(")))");
  }

  /**
   * Restricts alias {@code v} to the record's value rows at a reference. A presence test on a
   * whole attribute takes its complex rows too. {@code correlated} ties the rows to {@code r};
   * without it the caller restricts tenant and kind (see {@link #openIn}).
   */
  private Sql rows(String v, AttributeRef ref, boolean anySub, boolean correlated) {
    Sql sql = new Sql();
    if (correlated) {
      sql.append(v + ".tenant_id = " + record + ".tenant_id AND " + v + ".kind = " + record + ".kind AND "
          + v + ".resource_id = " + record + ".id AND ");
    }
    sql.append(v + ".attribute = ").param(ref.name());
    if (ref.subAttribute() != null) {
      sql.append(" AND " + v + ".sub_attribute = ").param(ref.subAttribute());
    } else if (!anySub) {
      sql.append(" AND " + v + ".sub_attribute = ''");
    }
    return sql;
  }

  /** The test of one value row against a value, or {@code null} when it can never hold. */
  static Sql valuePredicate(String v, Operator operator, Object value, boolean caseExact) {
    Sql sql = new Sql();
    if (value instanceof String text) {
      String target = caseExact ? text : ValueRows.fold(text);
      String column = v + (caseExact ? ".string_value" : ".string_folded");
      String key = v + (caseExact ? ".string_key" : ".folded_key");
      sql.append(v + ".value_type = 'S' AND ");
      return stringTest(sql, column, key, operator, target);
    }
    if (value instanceof Long || value instanceof BigDecimal) {
      if (operator.isSubstring()) {
        return null;
      }
      BigDecimal number = value instanceof Long whole ? BigDecimal.valueOf(whole) : (BigDecimal) value;
      return sql.append(v + ".value_type IN ('L', 'D') AND " + v + ".number_value " + symbol(operator) + " ")
          .param(number);
    }
    if (value instanceof Instant instant) {
      if (operator.isSubstring()) {
        return null;
      }
      return sql.append(v + ".value_type = 'T' AND " + v + ".instant_value " + symbol(operator) + " ")
          .param(instant.toEpochMilli());
    }
    if (operator != Operator.EQ) {
      return null;
    }
    if (value instanceof Boolean flag) {
      return sql.append(v + ".value_type = 'B' AND " + v + ".bool_value = ").param(flag);
    }
    if (value instanceof BinaryValue binary) {
      return sql.append(v + ".value_type = 'X' AND " + v + ".binary_value = ").param(binary);
    }
    return null;
  }

  /** The test of a record field, or {@code null} when it can never hold. */
  private Sql fieldPredicate(String field, Operator operator, Object value, boolean caseExact) {
    Sql sql = new Sql();
    if (field.equals("id")) {
      if (!(value instanceof String text)) {
        return null;
      }
      return stringTest(sql, caseExact ? record + ".id" : record + ".id_folded", null, operator,
          caseExact ? text : ValueRows.fold(text));
    }
    if (!(value instanceof Instant instant) || operator.isSubstring()) {
      return null;
    }
    String column = record + (field.equals("created") ? ".created_ms" : ".last_modified_ms");
    return sql.append(column + " " + symbol(operator) + " ").param(instant.toEpochMilli());
  }

  private static Sql stringTest(Sql sql, String column, String key, Operator operator, String target) {
    switch (operator) {
      case EQ -> {
        if (key != null) {
          sql.append(key + " = ").param(ValueRows.key(target)).append(" AND ");
        }
        return sql.append(column + " = ").param(target);
      }
      case SW -> {
        if (key != null) {
          if (target.length() < ValueRows.KEY_LENGTH) {
            sql.append(key + " LIKE ").param(escape(target) + "%").append(" ESCAPE '\\' AND ");
          } else {
            sql.append(key + " = ").param(ValueRows.key(target)).append(" AND ");
          }
        }
        return sql.append(column + " LIKE ").param(escape(target) + "%").append(" ESCAPE '\\'");
      }
      case EW -> {
        return sql.append(column + " LIKE ").param("%" + escape(target)).append(" ESCAPE '\\'");
      }
      case CO -> {
        return sql.append(column + " LIKE ").param("%" + escape(target) + "%").append(" ESCAPE '\\'");
      }
      default -> {
        return sql.append(column + " " + symbol(operator) + " ").param(target);
      }
    }
  }

  /** Escapes {@code \}, {@code %} and {@code _} for {@code LIKE ... ESCAPE '\'}. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  private static String symbol(Operator operator) {
    return switch (operator) {
      case EQ -> "=";
      case GT -> ">";
      case GE -> ">=";
      case LT -> "<";
      case LE -> "<=";
      default -> throw new IllegalArgumentException("Not an ordering operator: " + operator);
    };
  }
}
