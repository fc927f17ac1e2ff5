package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.StoreUnavailableException;
import io.github.scimkit.core.store.TenantLookup;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;

/**
 * A {@link StoreProvider} over a host-supplied {@link DataSource}: PostgreSQL 15+ or H2 2.x.
 *
 * <pre>{@code
 * JdbcStoreProvider stores = JdbcStoreProvider.builder(dataSource).build();
 * stores.migrate();                                    // or let your own Flyway run MIGRATION_LOCATION
 * stores.createTenant("acme", TenantSettings.defaults());
 * }</pre>
 *
 * <p>Tenants live in {@code scim_tenant}; {@link #tenant(String)} finds only tenants created
 * with {@link #createTenant}. The provider is thread-safe. Give it a pooled data source: every
 * call outside a unit of work borrows a connection, and an open result page holds one until it is
 * closed.
 */
public final class JdbcStoreProvider implements StoreProvider {

  /**
   * Where the schema scripts live, as a Flyway location with {@code {vendor}} standing for
   * {@code postgresql} or {@code h2} (Spring Boot's {@code spring.flyway.locations} replaces it;
   * for plain Flyway, replace it yourself). A host that runs Flyway itself gives ScimKit's scripts
   * a Flyway configuration of their own: this location, {@link #HISTORY_TABLE} as the table,
   * {@code baselineOnMigrate} and baseline version 0.
   */
  public static final String MIGRATION_LOCATION = "classpath:db/scimkit/{vendor}";

  /** The Flyway schema history table for ScimKit's scripts, apart from the host's own. */
  public static final String HISTORY_TABLE = "scimkit_flyway_history";

  private final DataSource dataSource;
  private final Transactions transactions;
  private final int fetchSize;
  private final LongAdder rowsRead = new LongAdder();
  /** Whether the database is H2; {@code null} until a connection has been seen. */
  private volatile Boolean h2;

  private JdbcStoreProvider(Builder builder) {
    this.dataSource = builder.dataSource;
    this.transactions = new Transactions(builder.dataSource, new StatementBudget(builder.statementTimeout));
    this.fetchSize = builder.fetchSize;
  }

  /**
   * Starts building a provider.
   *
   * @param dataSource where the tables live; the host owns and closes it
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Creates or upgrades the schema with Flyway: applies the scripts under {@link #MIGRATION_LOCATION}
   * that {@link #HISTORY_TABLE} does not list yet. Running it again changes nothing. Calls in one
   * JVM take turns; on PostgreSQL, Flyway's advisory lock keeps nodes that start together apart. A schema that ScimKit's earlier migrator
   * upgraded (table {@code scimkit_schema_history}) is baselined at its last version first.
   *
   * @return the schema versions applied by this call, empty when the schema was current
   * @throws StoreUnavailableException when the database fails or a script does not apply
   */
  public List<Integer> migrate() throws StoreUnavailableException {
    try {
      return SchemaMigrations.migrate(dataSource);
    } catch (SQLException e) {
      throw SqlErrors.unavailable(e);
    } catch (FlywayException e) {
      throw new StoreUnavailableException("The schema migration failed: " + e.getMessage(), e);
    }
  }

  /**
   * Creates a tenant with its settings.
   *
   * @param tenantId the tenant id
   * @param settings its settings
   * @return the tenant's stores
   * @throws ResourceConflictException when the tenant exists
   * @throws ScimException when the database fails
   */
  public TenantStores createTenant(String tenantId, TenantSettings settings) throws ScimException {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(settings, "settings");
    transactions.write(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scim_tenant "
          + "(tenant_id, scim_enabled, scim_mode, idp_profile) VALUES (?, ?, ?, ?)")) {
        Sql.bindAll(insert, List.of(tenantId, settings.scimEnabled(), settings.mode().name(), settings.idpProfile()));
        insert.executeUpdate();
      }
      RecordCounts.create(connection, tenantId);
      return null;
    });
    return new JdbcTenantStores(this, tenantId);
  }

  /**
   * Replaces a tenant's settings; the next {@link TenantStores#settings()} call sees them.
   *
   * @param tenantId the tenant id
   * @param settings the new settings
   * @throws ResourceNotFoundException when there is no such tenant
   * @throws ScimException when the database fails
   */
  public void updateSettings(String tenantId, TenantSettings settings) throws ScimException {
    Objects.requireNonNull(settings, "settings");
    int updated = transactions.write(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE scim_tenant SET scim_enabled = ?, "
          + "scim_mode = ?, idp_profile = ? WHERE tenant_id = ?")) {
        Sql.bindAll(update, List.of(settings.scimEnabled(), settings.mode().name(), settings.idpProfile(), tenantId));
        return update.executeUpdate();
      }
    });
    if (updated == 0) {
      throw new ResourceNotFoundException("No tenant " + tenantId);
    }
  }

  /**
   * Deletes a tenant with all its users, groups and memberships (its API keys stay; remove them
   * with {@link JdbcApiKeyStore#removeAll}).
   *
   * @param tenantId the tenant id
   * @return whether the tenant existed
   * @throws ScimException when the database fails
   */
  public boolean deleteTenant(String tenantId) throws ScimException {
    return transactions.write(connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM scim_tenant WHERE tenant_id = ?")) {
        delete.setString(1, tenantId);
        return delete.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Optional<TenantStores> tenant(String tenantId) throws ScimException {
    return lookUp(tenantId).map(TenantLookup::stores);
  }

  /** Reads the tenant's row once: its existence and its settings. */
  @Override
  public Optional<TenantLookup> lookUp(String tenantId) throws ScimException {
    Objects.requireNonNull(tenantId, "tenantId");
    return settings(tenantId).map(found -> new TenantLookup(new JdbcTenantStores(this, tenantId), found));
  }

  /** Lists the tenants with events in {@code scim_outbox} that are neither delivered nor parked. */
  @Override
  public List<String> tenantsWithPendingEvents() throws ScimException {
    return transactions.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
              "SELECT DISTINCT tenant_id FROM scim_outbox WHERE next_attempt_ms IS NOT NULL");
          ResultSet rows = select.executeQuery()) {
        List<String> tenants = new ArrayList<>();
        while (rows.next()) {
          tenants.add(rows.getString(1));
        }
        return tenants;
      }
    });
  }

  /**
   * Returns an API key store over the same data source.
   *
   * @return the API key store
   */
  public JdbcApiKeyStore apiKeyStore() {
    return new JdbcApiKeyStore(transactions);
  }

  Optional<TenantSettings> settings(String tenantId) throws ScimException {
    return transactions.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT scim_enabled, scim_mode, idp_profile "
          + "FROM scim_tenant WHERE tenant_id = ?")) {
        select.setString(1, tenantId);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          return Optional.of(new TenantSettings(row.getBoolean(1), ScimMode.valueOf(row.getString(2)), row.getString(3)));
        }
      }
    });
  }

  Transactions transactions() {
    return transactions;
  }

  /**
   * Returns how many rows the searches of every tenant have read since the provider was created:
   * each row a page or member-page query streamed (a record with several values is several rows)
   * and each record a {@code COUNT(*)} counted. A measure of search cost that does not depend on
   * timing. An unfiltered total comes from the tenant's kept count and adds nothing; the rows an
   * SQL {@code OFFSET} skips inside the database are not seen.
   *
   * @return the count
   */
  public long rowsRead() {
    return rowsRead.sum();
  }

  LongAdder rowsReadCounter() {
    return rowsRead;
  }

  int fetchSize() {
    return fetchSize;
  }

  /** Tells whether the database is H2, from the first connection's metadata (then remembered). */
  boolean isH2(Connection connection) throws SQLException {
    Boolean known = h2;
    if (known == null) {
      known = SchemaMigrations.vendor(connection).equals("h2");
      h2 = known;
    }
    return known;
  }

  /** Configures a {@link JdbcStoreProvider}. */
  public static final class Builder {

    private final DataSource dataSource;
    private int fetchSize = 256;
    private Duration statementTimeout = StatementBudget.DEFAULT_BUDGET;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Sets how many rows a streaming query fetches per round trip; 256 unless set.
     *
     * @param rows the fetch size, at least 1
     * @return this builder
     */
    public Builder fetchSize(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("fetchSize must be at least 1");
      }
      this.fetchSize = rows;
      return this;
    }

    /**
     * Sets the time budget of one SQL statement, 5 seconds unless set; rounded up to whole
     * seconds (the JDBC query timeout's unit). A statement over budget is cancelled, lock waits
     * included on PostgreSQL, and the request answers 503 with nothing changed. Zero turns the
     * budget off.
     *
     * @param budget the longest one statement may run
     * @return this builder
     */
    public Builder statementTimeout(Duration budget) {
      if (budget.isNegative()) {
        throw new IllegalArgumentException("statementTimeout must not be negative");
      }
      this.statementTimeout = budget;
      return this;
    }

    /**
     * Builds the provider. It does not touch the database; call {@link #migrate()} for that.
     *
     * @return the provider
     */
    public JdbcStoreProvider build() {
      return new JdbcStoreProvider(this);
    }
  }
}
