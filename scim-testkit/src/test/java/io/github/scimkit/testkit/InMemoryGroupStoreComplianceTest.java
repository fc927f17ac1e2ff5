package io.github.scimkit.testkit;

import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.util.OptionalLong;
import java.util.UUID;

/** Runs the group store contract, units of work included, against the in-memory stores. */
class InMemoryGroupStoreComplianceTest extends GroupStoreContract {

  private final InMemoryStoreProvider provider = new InMemoryStoreProvider();

  @Override
  protected TenantStores newTenant() {
    return provider.createTenant(UUID.randomUUID().toString());
  }

  @Override
  protected OptionalLong searchWork() {
    return OptionalLong.of(provider.recordsExamined());
  }
}
