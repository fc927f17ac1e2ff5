package io.github.scimkit.testkit;

import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.util.OptionalLong;
import java.util.UUID;

/** Runs the user store contract against the in-memory stores. */
class InMemoryUserStoreComplianceTest extends UserStoreContract {

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
