package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.EventOutbox;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UnitOfWork;
import io.github.scimkit.core.store.UserStore;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.Objects;
import java.util.Optional;

/** One tenant's stores over the provider's data source. */
final class JdbcTenantStores implements TenantStores {

  private final JdbcStoreProvider provider;
  private final String tenantId;
  private final JdbcUserStore users;
  private final JdbcGroupStore groups;
  private final JdbcEventOutbox outbox;

  JdbcTenantStores(JdbcStoreProvider provider, String tenantId) {
    this.provider = provider;
    this.tenantId = tenantId;
    this.users = new JdbcUserStore(provider, tenantId);
    this.groups = new JdbcGroupStore(provider, tenantId);
    this.outbox = new JdbcEventOutbox(provider.transactions(), tenantId);
  }

  @Override
  public String tenantId() {
    return tenantId;
  }

  /** Reads the settings from {@code scim_tenant} on every call, so changes show at once. */
  @Override
  public TenantSettings settings() throws ScimException {
    return provider.settings(tenantId).orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " was deleted"));
  }

  @Override
  public UserStore users() {
    return users;
  }

  @Override
  public GroupStore groups() {
    return groups;
  }

  /** The tenant's rows of {@code scim_outbox}, written in the unit of work's transaction. */
  @Override
  public Optional<EventOutbox> outbox() {
    return Optional.of(outbox);
  }

  /**
   * Runs the work in one JDBC transaction bound to the calling thread; nested units join it.
   * It commits when the work returns and rolls back when it throws.
   */
  @Override
  public <T> T inTransaction(UnitOfWork<T> work) throws ScimException {
    Objects.requireNonNull(work, "work");
    return provider.transactions().inUnit(() -> work.execute(this));
  }

  @Override
  public String toString() {
    return "JdbcTenantStores[" + tenantId + "]";
  }
}
