package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link StoreProvider} that keeps every tenant's users, groups and settings in memory; for
 * tests, demos and deployments that need no persistence. Thread-safe.
 *
 * <p>Each tenant has one read-write lock. Reads hold it briefly: a search that matches every
 * record, sorted by id or by a unique attribute (such as {@code userName}), reads its page from an
 * ordered index in O(log n + page) for keyset pages and O(offset + page) for offset pages; any
 * other search copies its matches and streams them without the lock. Writes and units of work hold it exclusively, so uniqueness
 * checks cannot race. A failing unit of work undoes all its writes, membership changes included.
 * Versions start at 1 and rise by one with each write.
 */
public final class InMemoryStoreProvider implements StoreProvider {

  private final ConcurrentMap<String, InMemoryTenantStores> tenants = new ConcurrentHashMap<>();
  private final LongAdder examined = new LongAdder();

  /** Creates a provider with no tenants. */
  public InMemoryStoreProvider() {}

  /**
   * Creates a tenant with {@link TenantSettings#defaults() default settings}.
   *
   * @param tenantId the new tenant's id
   * @return the tenant's stores
   * @throws IllegalStateException when the tenant exists
   */
  public TenantStores createTenant(String tenantId) {
    return createTenant(tenantId, TenantSettings.defaults());
  }

  /**
   * Creates a tenant.
   *
   * @param tenantId the new tenant's id
   * @param settings its settings
   * @return the tenant's stores
   * @throws IllegalStateException when the tenant exists
   */
  public TenantStores createTenant(String tenantId, TenantSettings settings) {
    InMemoryTenantStores stores = InMemoryTenantStores.create(tenantId, settings, examined);
    if (tenants.putIfAbsent(tenantId, stores) != null) {
      throw new IllegalStateException("Tenant '" + tenantId + "' exists");
    }
    return stores;
  }

  /**
   * Returns how many stored records the searches of every tenant have looked at since the
   * provider was created: records stepped over in an ordered index, or tested against a
   * condition. A measure of search cost that does not depend on timing.
   *
   * @return the count
   */
  public long recordsExamined() {
    return examined.sum();
  }

  @Override
  public Optional<TenantStores> tenant(String tenantId) {
    return Optional.ofNullable(tenants.get(tenantId));
  }

  /**
   * Replaces a tenant's settings; its stores report them at once.
   *
   * @param tenantId the tenant
   * @param settings the new settings
   * @throws IllegalArgumentException when there is no such tenant
   */
  public void updateSettings(String tenantId, TenantSettings settings) {
    InMemoryTenantStores stores = tenants.get(tenantId);
    if (stores == null) {
      throw new IllegalArgumentException("No tenant '" + tenantId + "'");
    }
    stores.updateSettings(settings);
  }

  /**
   * Removes a tenant and its data. Stores handed out before keep working on the removed data.
   *
   * @param tenantId the tenant
   * @return {@code true} when the tenant existed
   */
  public boolean removeTenant(String tenantId) {
    return tenants.remove(tenantId) != null;
  }
}
