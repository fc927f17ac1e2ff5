package io.github.scimkit.core.store;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.List;
import java.util.Optional;

/** Hands out each tenant's stores. The host implements it over its own database. */
@FunctionalInterface
public interface StoreProvider {

  /**
   * Returns a tenant's stores.
   *
   * @param tenantId the tenant (an organization, say)
   * @return the tenant's stores, or empty when there is no such tenant
   * @throws ScimException when the store fails
   */
  Optional<TenantStores> tenant(String tenantId) throws ScimException;

  /**
   * Returns a tenant's stores with its current settings, or empty when there is no such tenant.
   * The engine asks this once per call, so a provider that can read both at once (one query)
   * should override it; the default asks {@link #tenant} and then {@link TenantStores#settings()}.
   *
   * @param tenantId the tenant
   * @return the tenant's stores and settings, or empty when there is no such tenant
   * @throws ScimException when the store fails
   */
  default Optional<TenantLookup> lookUp(String tenantId) throws ScimException {
    Optional<TenantStores> stores = tenant(tenantId);
    return stores.isPresent() ? Optional.of(new TenantLookup(stores.get(), stores.get().settings())) : Optional.empty();
  }

  /**
   * Returns the tenants whose {@link TenantStores#outbox() outbox} holds undelivered events, so
   * that an engine started after a crash delivers them. A provider whose outbox does not survive
   * a restart need not override it.
   *
   * @return the tenant ids, none by default
   * @throws ScimException when the store fails
   */
  default List<String> tenantsWithPendingEvents() throws ScimException {
    return List.of();
  }
}
