package io.github.scimkit.testkit;

import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.util.UUID;

/** Runs the GroupMember lookup contract against the in-memory stores. */
class InMemoryGroupMembershipLookupTest extends GroupMembershipLookupContract {

  private final InMemoryStoreProvider provider = new InMemoryStoreProvider();

  @Override
  protected TenantStores newTenant() {
    return provider.createTenant(UUID.randomUUID().toString());
  }
}
