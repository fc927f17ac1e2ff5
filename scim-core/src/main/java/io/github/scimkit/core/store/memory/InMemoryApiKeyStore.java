package io.github.scimkit.core.store.memory;

import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import io.github.scimkit.core.tenant.ApiKeyRecord;
import io.github.scimkit.core.tenant.ApiKeyStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link ApiKeyStore} in memory, indexed by hash. Thread-safe: every operation runs under this
 * store's monitor, so a change is visible to the next lookup and {@link #replaceAll} is atomic.
 */
public final class InMemoryApiKeyStore implements ApiKeyStore {

  private final Map<String, ApiKeyRecord> byHash = new HashMap<>();
  private final Map<String, List<ApiKeyRecord>> byTenant = new HashMap<>();

  /** Creates a store with no keys. */
  public InMemoryApiKeyStore() {}

  /**
   * {@inheritDoc}
   *
   * @throws ResourceConflictException with scimType {@code uniqueness} when a key with the same
   *     hash is stored
   */
  @Override
  public synchronized void add(ApiKeyRecord key) throws ResourceConflictException {
    Objects.requireNonNull(key, "key");
    if (byHash.containsKey(key.hash())) {
      throw ResourceConflictException.uniqueness("An API key with this hash is stored");
    }
    byHash.put(key.hash(), key);
    byTenant.computeIfAbsent(key.tenantId(), unused -> new ArrayList<>()).add(key);
  }

  /**
   * {@inheritDoc}
   *
   * @throws ResourceConflictException with scimType {@code uniqueness} when another tenant's key
   *     has the same hash; nothing changes then
   */
  @Override
  public synchronized void replaceAll(ApiKeyRecord key) throws ResourceConflictException {
    Objects.requireNonNull(key, "key");
    ApiKeyRecord holder = byHash.get(key.hash());
    if (holder != null && !holder.tenantId().equals(key.tenantId())) {
      throw ResourceConflictException.uniqueness("An API key with this hash is stored");
    }
    removeAll(key.tenantId());
    add(key);
  }

  @Override
  public synchronized void removeAll(String tenantId) {
    List<ApiKeyRecord> keys = byTenant.remove(tenantId);
    if (keys != null) {
      keys.forEach(key -> byHash.remove(key.hash()));
    }
  }

  @Override
  public synchronized Optional<ApiKeyRecord> findByHash(String hash) {
    return Optional.ofNullable(byHash.get(hash));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Keys issued at the same instant keep the order in which they were added.
   */
  @Override
  public synchronized List<ApiKeyRecord> keysOf(String tenantId) {
    List<ApiKeyRecord> keys = new ArrayList<>(byTenant.getOrDefault(tenantId, List.of()));
    keys.sort(Comparator.comparing(ApiKeyRecord::created));
    return List.copyOf(keys);
  }
}
