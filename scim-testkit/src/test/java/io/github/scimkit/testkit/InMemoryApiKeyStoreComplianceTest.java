package io.github.scimkit.testkit;

import io.github.scimkit.core.store.memory.InMemoryApiKeyStore;
import io.github.scimkit.core.tenant.ApiKeyStore;

/** Runs the API key store contract against the in-memory store. */
class InMemoryApiKeyStoreComplianceTest extends ApiKeyStoreContract {

  @Override
  protected ApiKeyStore newApiKeyStore() {
    return new InMemoryApiKeyStore();
  }
}
