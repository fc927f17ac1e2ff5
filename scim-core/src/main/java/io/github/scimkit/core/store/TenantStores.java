package io.github.scimkit.core.store;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.Optional;

/**
 * One tenant's stores and settings, as a {@link StoreProvider} hands them out.
 *
 * <p>Reads through {@link #users()} and {@link #groups()} are not units of work. Writes that must
 * land together run in {@link #inTransaction(UnitOfWork)}.
 */
public interface TenantStores {

  /**
   * Returns the tenant's id.
   *
   * @return the tenant id
   */
  String tenantId();

  /**
   * Returns the tenant's current settings.
   *
   * @return the settings
   * @throws ScimException when the store fails
   */
  TenantSettings settings() throws ScimException;

  /**
   * Returns the tenant's users.
   *
   * @return the user store
   */
  UserStore users();

  /**
   * Returns the tenant's groups.
   *
   * @return the group store
   */
  GroupStore groups();

  /**
   * Runs work atomically across the tenant's stores: when it returns, all its writes are
   * committed; when it throws, none of them is. A unit of work started inside another joins it.
   *
   * @param work the work
   * @param <T> the result type
   * @return what the work returned
   * @throws ScimException what the work threw, or a store failure
   */
  <T> T inTransaction(UnitOfWork<T> work) throws ScimException;

  /**
   * Returns the tenant's transactional outbox, when the store keeps one. Without one the engine
   * hands events to listeners in process after commit, at most once.
   *
   * @return the outbox, empty by default
   */
  default Optional<EventOutbox> outbox() {
    return Optional.empty();
  }
}
