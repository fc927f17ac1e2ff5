package io.github.scimkit.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.tenant.ApiKeyRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryApiKeyStoreTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();

  private static ApiKeyRecord key(String id, String tenant, Instant created) {
    return new ApiKeyRecord(id, tenant, "hash-" + id, created);
  }

  @Test
  void listsKeysOldestFirstAndFindsThemByHash() throws ScimException {
    store.add(key("k2", "acme", T0.plusSeconds(60)));
    store.add(key("k1", "acme", T0));
    store.add(key("k3", "other", T0));
    assertThat(store.keysOf("acme")).extracting(ApiKeyRecord::keyId).containsExactly("k1", "k2");
    assertThat(store.findByHash("hash-k3")).map(ApiKeyRecord::tenantId).contains("other");
    assertThat(store.findByHash("hash-none")).isEmpty();
  }

  @Test
  void replaceAllLeavesOnlyTheNewKey() throws ScimException {
    store.add(key("k1", "acme", T0));
    store.add(key("k2", "acme", T0));
    store.replaceAll(key("k3", "acme", T0.plusSeconds(1)));
    assertThat(store.keysOf("acme")).extracting(ApiKeyRecord::keyId).containsExactly("k3");
    assertThat(store.findByHash("hash-k1")).isEmpty();
    store.removeAll("acme");
    assertThat(store.keysOf("acme")).isEmpty();
    assertThat(store.findByHash("hash-k3")).isEmpty();
  }
}
