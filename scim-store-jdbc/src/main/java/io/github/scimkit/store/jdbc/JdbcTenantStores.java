package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.AbstractTenantStores;
import io.github.scimkit.core.store.UnitOfWork;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.Objects;

/** One tenant's stores over the provider's data source; its outbox is the tenant's rows of {@code scim_outbox}. */
final class JdbcTenantStores extends AbstractTenantStores {

  private final JdbcStoreProvider provider;

  JdbcTenantStores(JdbcStoreProvider provider, String tenantId) {
    super(tenantId, new JdbcUserStore(provider, tenantId), new JdbcGroupStore(provider, tenantId),
        new JdbcEventOutbox(provider.transactions(), tenantId));
    this.provider = provider;
  }

  /** Reads the settings from {@code scim_tenant} on every call, so changes show at once. */
  @Override
  public TenantSettings settings() throws ScimException {
    return provider.settings(tenantId()).orElseThrow(() -> new IllegalStateException("Tenant " + tenantId() + " was deleted"));
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
    return "JdbcTenantStores[" + tenantId() + "]";
  }
}
