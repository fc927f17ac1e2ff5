package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.tenant.ApiKeyRecord;
import io.github.scimkit.core.tenant.ApiKeyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link ApiKeyStore} in the table {@code scim_api_key}, keyed by hash. Nothing is cached:
 * every lookup reads the table, so a rotation shows at the next lookup. Keys need no tenant row,
 * so they can be managed apart from {@link JdbcStoreProvider#createTenant}.
 */
public final class JdbcApiKeyStore implements ApiKeyStore {

  private final Transactions transactions;

  /**
   * Creates a store over a data source whose schema {@link JdbcStoreProvider#migrate()} created.
   *
   * @param dataSource the data source
   */
  public JdbcApiKeyStore(DataSource dataSource) {
    this(new Transactions(Objects.requireNonNull(dataSource, "dataSource"), new StatementBudget(StatementBudget.DEFAULT_BUDGET)));
  }

  JdbcApiKeyStore(Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * {@inheritDoc}
   *
   * @throws ResourceConflictException with scimType {@code uniqueness} when a key with the same
   *     hash is stored
   */
  @Override
  public void add(ApiKeyRecord key) throws ScimException {
    Objects.requireNonNull(key, "key");
    transactions.write(connection -> {
      insert(connection, key);
      return null;
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Runs in one transaction: the old keys and the new one are never valid together.
   *
   * @throws ResourceConflictException with scimType {@code uniqueness} when another tenant's key
   *     has the same hash; nothing changes then
   */
  @Override
  public void replaceAll(ApiKeyRecord key) throws ScimException {
    Objects.requireNonNull(key, "key");
    transactions.write(connection -> {
      delete(connection, key.tenantId());
      insert(connection, key);
      return null;
    });
  }

  @Override
  public void removeAll(String tenantId) throws ScimException {
    transactions.write(connection -> {
      delete(connection, tenantId);
      return null;
    });
  }

  @Override
  public Optional<ApiKeyRecord> findByHash(String hash) throws ScimException {
    return transactions.read(connection -> {
      List<ApiKeyRecord> found = select(connection, "key_hash", hash);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Keys issued at the same instant keep the order in which they were added.
   */
  @Override
  public List<ApiKeyRecord> keysOf(String tenantId) throws ScimException {
    return transactions.read(connection -> List.copyOf(select(connection, "tenant_id", tenantId)));
  }

  private static void insert(Connection connection, ApiKeyRecord key) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO scim_api_key (key_hash, key_id, tenant_id, created_ms) VALUES (?, ?, ?, ?)")) {
      Sql.bindAll(insert, List.of(key.hash(), key.keyId(), key.tenantId(), key.created().toEpochMilli()));
      insert.executeUpdate();
    }
  }

  private static void delete(Connection connection, String tenantId) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM scim_api_key WHERE tenant_id = ?")) {
      delete.setString(1, tenantId);
      delete.executeUpdate();
    }
  }

  private static List<ApiKeyRecord> select(Connection connection, String column, String value) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT key_id, tenant_id, key_hash, created_ms "
        + "FROM scim_api_key WHERE " + column + " = ? ORDER BY created_ms, seq")) {
      select.setString(1, value);
      try (ResultSet rows = select.executeQuery()) {
        List<ApiKeyRecord> keys = new ArrayList<>();
        while (rows.next()) {
          keys.add(new ApiKeyRecord(rows.getString(1), rows.getString(2), rows.getString(3),
              Instant.ofEpochMilli(rows.getLong(4))));
        }
        return keys;
      }
    }
  }
}
