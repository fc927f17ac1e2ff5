package io.github.scimkit.store.jdbc;

import io.github.scimkit.core.store.UserStore;
import java.sql.Connection;
import java.sql.SQLException;

/** One tenant's users in {@code scim_resource} rows of kind {@code User}. */
final class JdbcUserStore extends JdbcRecordStore implements UserStore {

  JdbcUserStore(JdbcStoreProvider provider, String tenantId) {
    super(provider, tenantId, "User");
  }

  /** Drops the deleted user's memberships, through the member index. */
  @Override
  void afterDelete(Connection connection, String id) throws SQLException {
    execute(connection, new Sql().append("DELETE FROM scim_member WHERE tenant_id = ").param(tenantId)
        .append(" AND member_id = ").param(id));
  }
}
