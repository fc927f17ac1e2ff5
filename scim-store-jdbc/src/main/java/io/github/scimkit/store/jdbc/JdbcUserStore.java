package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.UserStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One tenant's users in {@code scim_resource} rows of kind {@code User}. */
final class JdbcUserStore extends JdbcRecordStore implements UserStore {

  private static final int IDS_PER_QUERY = 10_000;

  JdbcUserStore(JdbcStoreProvider provider, String tenantId) {
    super(provider, tenantId, "User");
  }

  /** One query per {@value #IDS_PER_QUERY} ids: one for any request within the engine's default member limit. */
  @Override
  public Set<String> existingIds(Set<String> ids) throws ScimException {
    Objects.requireNonNull(ids, "ids");
    List<String> all = List.copyOf(ids);
    Set<String> found = new HashSet<>();
    for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
      Sql sql = existingIdsQuery(chunk);
      found.addAll(transactions.read(connection -> {
        Set<String> rows = new HashSet<>();
        try (PreparedStatement select = prepare(connection, sql); ResultSet result = select.executeQuery()) {
          while (result.next()) {
            rows.add(result.getString(1));
          }
        }
        return rows;
      }));
    }
    return found;
  }

  /** The ids among these that name users: one primary-key probe per id. */
  Sql existingIdsQuery(List<String> ids) {
    return new Sql().append("SELECT r.id FROM ").idTable(ids, "wanted")
        .append(" JOIN scim_resource r ON r.tenant_id = ").param(tenantId).append(" AND r.kind = ").param(kind)
        .append(" AND r.id = wanted.id");
  }

  /** Drops the deleted user's memberships, through the member index. */
  @Override
  void afterDelete(Connection connection, String id) throws SQLException {
    execute(connection, new Sql().append("DELETE FROM scim_member WHERE tenant_id = ").param(tenantId)
        .append(" AND member_id = ").param(id));
  }
}
