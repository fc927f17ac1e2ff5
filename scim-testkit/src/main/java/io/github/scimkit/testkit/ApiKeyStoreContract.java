package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.tenant.ApiKeyRecord;
import io.github.scimkit.core.tenant.ApiKeyStore;
import io.github.scimkit.core.tenant.ApiKeys;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ApiKeyStore} keeps. Extend it in a test of your store and implement
 * {@link #newApiKeyStore()}:
 *
 * <pre>{@code
 * class MyApiKeyStoreComplianceTest extends ApiKeyStoreContract {
 *   @Override
 *   protected ApiKeyStore newApiKeyStore() {
 *     return new MyApiKeyStore(emptyTestDatabase());
 *   }
 * }
 * }</pre>
 *
 * <p>The {@code @Nested} groups check adding keys and finding them by hash, listing a tenant's
 * keys oldest first, rotation with {@link ApiKeyStore#replaceAll}, revocation with {@link
 * ApiKeyStore#removeAll} and that two tenants' keys are kept apart.
 */
public abstract class ApiKeyStoreContract {

  private static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123Z");

  private final ApiKeys issuer = new ApiKeys();

  private ApiKeyStore store;

  /** Creates the contract; subclasses are JUnit test classes. */
  protected ApiKeyStoreContract() {}

  /**
   * Returns a new, empty store. The kit calls it before every test and uses the one store for
   * every tenant in that test; it tells tenants apart by the ids in the key records.
   *
   * @return a store that holds no key
   */
  protected abstract ApiKeyStore newApiKeyStore();

  @BeforeEach
  void openStore() {
    store = newApiKeyStore();
  }

  private ApiKeyRecord key(String tenantId, Instant created) {
    return issuer.issue(tenantId, created).record();
  }

  @Nested
  @DisplayName("Adding and finding keys")
  class Lookup {

    @Test
    @DisplayName("finds an added key by its hash")
    void findByHash() throws Exception {
      ApiKeyRecord key = key("t1", T0);
      store.add(key);

      assertThat(store.findByHash(key.hash())).contains(key);
    }

    @Test
    @DisplayName("finds nothing for a hash no key has")
    void unknownHash() throws Exception {
      store.add(key("t1", T0));

      assertThat(store.findByHash(ApiKeys.hash("scimkit_not-a-key"))).isEmpty();
    }

    @Test
    @DisplayName("keeps added keys beside each other and lists them oldest first")
    void keysOfOldestFirst() throws Exception {
      ApiKeyRecord newest = key("t1", T0.plusSeconds(20));
      ApiKeyRecord oldest = key("t1", T0);
      ApiKeyRecord middle = key("t1", T0.plusSeconds(10));
      store.add(newest);
      store.add(oldest);
      store.add(middle);

      assertThat(store.keysOf("t1")).containsExactly(oldest, middle, newest);
      assertThat(store.findByHash(newest.hash())).contains(newest);
      assertThat(store.findByHash(oldest.hash())).contains(oldest);
    }

    @Test
    @DisplayName("lists no keys for a tenant that has none")
    void noKeys() throws Exception {
      assertThat(store.keysOf("t1")).isEmpty();
    }
  }

  @Nested
  @DisplayName("Rotation and revocation")
  class Rotation {

    @Test
    @DisplayName("makes the old keys fail at once when replacing all keys")
    void replaceAll() throws Exception {
      ApiKeyRecord first = key("t1", T0);
      ApiKeyRecord second = key("t1", T0.plusSeconds(1));
      store.add(first);
      store.add(second);
      ApiKeyRecord rotated = key("t1", T0.plusSeconds(2));

      store.replaceAll(rotated);

      assertThat(store.findByHash(first.hash())).isEmpty();
      assertThat(store.findByHash(second.hash())).isEmpty();
      assertThat(store.findByHash(rotated.hash())).contains(rotated);
      assertThat(store.keysOf("t1")).containsExactly(rotated);
    }

    @Test
    @DisplayName("makes every key of the tenant fail when removing all keys")
    void removeAll() throws Exception {
      ApiKeyRecord key = key("t1", T0);
      store.add(key);

      store.removeAll("t1");

      assertThat(store.findByHash(key.hash())).isEmpty();
      assertThat(store.keysOf("t1")).isEmpty();
    }
  }

  @Nested
  @DisplayName("Tenants")
  class Tenants {

    private ApiKeyRecord first;
    private ApiKeyRecord second;

    @BeforeEach
    void addKeysOfTwoTenants() throws Exception {
      first = key("t1", T0);
      second = key("t2", T0);
      store.add(first);
      store.add(second);
    }

    @Test
    @DisplayName("lists only a tenant's own keys")
    void keysOfIsPerTenant() throws Exception {
      assertThat(store.keysOf("t1")).containsExactly(first);
      assertThat(store.keysOf("t2")).containsExactly(second);
      assertThat(store.findByHash(second.hash())).map(ApiKeyRecord::tenantId).contains("t2");
    }

    @Test
    @DisplayName("leaves other tenants' keys alone when replacing all keys")
    void replaceAllIsPerTenant() throws Exception {
      store.replaceAll(key("t1", T0.plusSeconds(1)));

      assertThat(store.findByHash(second.hash())).contains(second);
      assertThat(store.keysOf("t2")).containsExactly(second);
    }

    @Test
    @DisplayName("leaves other tenants' keys alone when removing all keys")
    void removeAllIsPerTenant() throws Exception {
      store.removeAll("t1");

      assertThat(store.findByHash(second.hash())).contains(second);
      assertThat(store.keysOf("t1")).isEmpty();
    }
  }
}
