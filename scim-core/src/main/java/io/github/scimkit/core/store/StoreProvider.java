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
