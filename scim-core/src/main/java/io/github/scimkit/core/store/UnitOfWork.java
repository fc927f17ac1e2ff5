package io.github.scimkit.core.store;

import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * Work on one tenant's stores that commits as a whole or not at all.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface UnitOfWork<T> {

  /**
   * Does the work. Throwing any exception rolls back every write the work made.
   *
   * @param stores the tenant's stores, bound to the unit of work; they are valid only until this
   *     method returns
   * @return the result
   * @throws ScimException to fail the work
   */
  T execute(TenantStores stores) throws ScimException;
}
