package io.github.scimkit.store.jdbc;

import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;

/**
 * Translates the condition inside a value filter ({@code emails[...]}) into the {@code HAVING}
 * of a query grouped by element: the rows under alias {@code e} are one element's sub-values of
 * one multi-valued complex attribute (see {@link FilterSql}).
 *
 * <p>"Some sub-value row matches" is {@code MAX(CASE WHEN e.sub_attribute = ? AND <test> THEN 1
 * ELSE 0 END) = 1}: a {@code CASE} turns an unknown test into 0, so every predicate is
 * two-valued and {@code NOT} is exact. {@code ne} holds when the element has no such
 * sub-value or one that is not equal, as at record level. A reference to another attribute, or a
 * nested value filter, never matches.
 */
final class ElementSql {

  private final String alias;
  private final String attribute;

  /**
   * Creates the translator for one element.
   *
   * @param alias the alias of the element's rows
   * @param attribute the multi-valued attribute the element belongs to
   */
  ElementSql(String alias, String attribute) {
    this.alias = alias;
    this.attribute = attribute;
  }

  void condition(Condition condition, Sql out) {
    if (condition instanceof Condition.Compare compare) {
      compare(compare, out);
    } else if (condition instanceof Condition.Present present) {
      String sub = subAttribute(present.attribute());
      if (sub == null) {
        out.append(FilterSql.FALSE);
      } else {
        any(new Sql(), sub, out).append(" = 1");
      }
    } else if (condition instanceof Condition.And and) {
      FilterSql.junction(and.operands(), " AND ", FilterSql.TRUE, out, this::condition);
    } else if (condition instanceof Condition.Or or) {
      FilterSql.junction(or.operands(), " OR ", FilterSql.FALSE, out, this::condition);
    } else if (condition instanceof Condition.Not not) {
      out.append("NOT (");
      condition(not.operand(), out);
      out.append(")");
    } else if (condition instanceof Condition.AnyElement) {
      out.append(FilterSql.FALSE);
    } else {
      out.append(condition == Condition.Constant.ALL ? FilterSql.TRUE : FilterSql.FALSE);
    }
  }

  private void compare(Condition.Compare compare, Sql out) {
    boolean ne = compare.operator() == Operator.NE;
    String sub = subAttribute(compare.attribute());
    Sql predicate = sub == null ? null
        : FilterSql.valuePredicate(alias, ne ? Operator.EQ : compare.operator(), compare.value(), compare.caseExact());
    if (predicate == null) {
      out.append(ne ? FilterSql.TRUE : FilterSql.FALSE);
    } else if (ne) {
      out.append("(");
      any(new Sql(), sub, out).append(" = 0 OR ");
      any(new Sql().append("NOT (").append(predicate).append(")"), sub, out).append(" = 1)");
    } else {
      any(predicate, sub, out).append(" = 1");
    }
  }

  /** Appends {@code MAX(CASE WHEN <sub-attribute> [AND <test>] THEN 1 ELSE 0 END)}. */
  private Sql any(Sql test, String sub, Sql out) {
    out.append("MAX(CASE WHEN " + alias + ".sub_attribute = ").param(sub);
    if (!test.text().isEmpty()) {
      out.append(" AND ").append(test);
    }
    return out.append(" THEN 1 ELSE 0 END)");
  }

  /** The sub-attribute a reference names inside the element, or {@code null} when it names none. */
  private String subAttribute(AttributeRef ref) {
    if (ref.subAttribute() == null) {
      return ref.name();
    }
    return ref.name().equals(attribute) ? ref.subAttribute() : null;
  }
}
