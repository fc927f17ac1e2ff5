package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Sort;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The SQL of a {@link Sort}: the sort key columns, the {@code ORDER BY}, and the keyset predicate
 * "after this position".
 *
 * <p>An attribute sort outer-joins the attribute's first value row as {@code s} and sorts by a
 * type rank (strings, numbers, instants, booleans, binary, then absent, which is rank 5: last
 * ascending, first descending), then by the column of that type, then by id, all in the sort's
 * direction. A sort by {@code created} or {@code lastModified} sorts by the column, then id; a
 * sort by id by the (folded) id, then id.
 */
final class SortSql {

  private static final String[] TYPE_COLUMNS = {null, "s.number_value", "s.instant_value", "s.bool_value", "s.binary_value"};
  static final int ABSENT = 5;

  private final Sort sort;
  private final boolean field;
  /** Key expressions over r and s, in order (the id always follows). */
  private final List<String> keys = new ArrayList<>();

  SortSql(Sort sort) {
    this.sort = sort;
    AttributeRef ref = sort.attribute();
    this.field = ref.subAttribute() == null
        && (ref.name().equals("id") || ref.name().equals("created") || ref.name().equals("lastModified"));
    if (field) {
      switch (ref.name()) {
        case "id" -> {
          if (!sort.caseExact()) {
            keys.add("r.id_folded");
          }
        }
        case "created" -> keys.add("r.created_ms");
        default -> keys.add("r.last_modified_ms");
      }
    } else {
      keys.add("CASE WHEN s.value_type IS NULL THEN 5 WHEN s.value_type = 'S' THEN 0 "
          + "WHEN s.value_type IN ('L', 'D') THEN 1 WHEN s.value_type = 'T' THEN 2 "
          + "WHEN s.value_type = 'B' THEN 3 ELSE 4 END");
      keys.add(stringColumn());
      for (int i = 1; i < TYPE_COLUMNS.length; i++) {
        keys.add(TYPE_COLUMNS[i]);
      }
    }
  }

  private String stringColumn() {
    return sort.caseExact() ? "s.string_value" : "s.string_folded";
  }

  int keyCount() {
    return keys.size();
  }

  /** Tells whether this is the case-exact id sort, which orders by {@code r.id} alone. */
  boolean byExactId() {
    return field && keys.isEmpty();
  }

  /** The outer join of the sort attribute's value, or nothing. */
  Sql join() {
    Sql sql = new Sql();
    if (!field) {
      AttributeRef ref = sort.attribute();
      sql.append(" LEFT JOIN scim_value s ON s.tenant_id = r.tenant_id AND s.kind = r.kind "
          + "AND s.resource_id = r.id AND s.attribute = ").param(ref.name())
          .append(" AND s.sub_attribute = ").param(ref.subAttribute() == null ? "" : ref.subAttribute())
          .append(" AND s.ordinal IN (-1, 0)");
    }
    return sql;
  }

  /** The select list entries of the keys, aliased k0, k1, ... */
  String selectKeys() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      text.append(", ").append(keys.get(i)).append(" AS k").append(i);
    }
    return text.toString();
  }

  /** The ORDER BY list over r and s, or over the derived table {@code p} with aliases. */
  String orderBy(boolean outer) {
    return orderBy(outer, false);
  }

  /** As {@link #orderBy(boolean)}; {@code scanned}: the records are read from the primary key, not a driving subquery. */
  String orderBy(boolean outer, boolean scanned) {
    String direction = sort.descending() ? " DESC" : " ASC";
    StringBuilder text = new StringBuilder();
    if (field && !outer && scanned) {
      // The query fixes tenant_id and kind, so leading with them changes no order, but it makes
      // the ORDER BY a prefix of the index (the primary key for the id sort), so H2 reads the
      // index in order and stops after the page instead of sorting the rest of the tenant.
      text.append("r.tenant_id").append(direction).append(", r.kind").append(direction).append(", ");
    }
    for (int i = 0; i < keys.size(); i++) {
      text.append(outer ? "p.k" + i : keys.get(i)).append(direction).append(", ");
    }
    return text.append(outer ? "p.rid" : "r.id").append(direction).toString();
  }

  /** Reads the position of the record the cursor is on; the keys start at column {@code at}. */
  Position position(ResultSet row, int at, String id) throws SQLException {
    if (field) {
      if (keys.isEmpty()) {
        return new Position(-1, "", id);
      }
      String value = sort.attribute().name().equals("id") ? row.getString(at) : Long.toString(row.getLong(at));
      return new Position(-1, value, id);
    }
    int rank = row.getInt(at);
    String value = switch (rank) {
      case 0 -> row.getString(at + 1);
      case 1 -> row.getBigDecimal(at + 2).toString();
      case 2 -> Long.toString(row.getLong(at + 3));
      case 3 -> Boolean.toString(row.getBoolean(at + 4));
      case 4 -> Base64.getEncoder().encodeToString(row.getBytes(at + 5));
      default -> "";
    };
    return new Position(rank, value, id);
  }

  /** The predicate "strictly after this position in the sort's order". */
  Sql after(Position position) throws BadRequestException {
    String cmp = sort.descending() ? " < " : " > ";
    Sql sql = new Sql();
    try {
      if (field) {
        if (keys.isEmpty()) {
          return sql.append("r.id" + cmp).param(position.id());
        }
        String column = keys.get(0);
        Object value = sort.attribute().name().equals("id") ? position.value() : (Object) Long.parseLong(position.value());
        // The leading range on the column lets an index on (tenant_id, kind, column) start at the position.
        return sql.append(column + cmp.strip() + "= ").param(value).append(" AND (" + column + cmp).param(value)
            .append(" OR (" + column + " = ").param(value).append(" AND r.id" + cmp).param(position.id()).append("))");
      }
      String rank = keys.get(0);
      int k = position.rank();
      if (k < 0 || k > ABSENT) {
        throw PageTokens.invalid();
      }
      sql.append("(" + rank + cmp + k + " OR (" + rank + " = " + k + " AND ");
      if (k == ABSENT) {
        sql.append("r.id" + cmp).param(position.id());
      } else {
        String column = k == 0 ? stringColumn() : TYPE_COLUMNS[k];
        Object value = switch (k) {
          case 0 -> position.value();
          case 1 -> new BigDecimal(position.value());
          case 2 -> Long.parseLong(position.value());
          case 3 -> Boolean.parseBoolean(position.value());
          default -> Base64.getDecoder().decode(position.value());
        };
        sql.append("(" + column + cmp).param(value).append(" OR (" + column + " = ").param(value)
            .append(" AND r.id" + cmp).param(position.id()).append("))");
      }
      return sql.append("))");
    } catch (IllegalArgumentException e) {
      throw PageTokens.invalid();
    }
  }

  /** A record's place in the order: type rank (-1 for record fields), key text and id. */
  record Position(int rank, String value, String id) {}
}
