package io.github.scimkit.testkit;

import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.util.UUID;

/** Runs the user-search-by-group contract against the in-memory stores. */
class InMemoryUserGroupsQueryComplianceTest extends UserGroupsQueryContract {

  private final InMemoryStoreProvider provider = new InMemoryStoreProvider();

  @Override
  protected TenantStores newTenant() {
    return provider.createTenant(UUID.randomUUID().toString());
  }
}
