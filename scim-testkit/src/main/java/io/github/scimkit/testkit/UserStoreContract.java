package io.github.scimkit.testkit;

import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.TenantStores;

/**
 * The contract every {@link io.github.scimkit.core.store.UserStore} keeps. Extend it in a test of
 * your store and implement {@link #newTenant()}:
 *
 * <pre>{@code
 * class MyUserStoreComplianceTest extends UserStoreContract {
 *   private final MyStoreProvider provider = new MyStoreProvider(testDatabase());
 *
 *   @Override
 *   protected TenantStores newTenant() {
 *     return provider.createTenant(UUID.randomUUID().toString());
 *   }
 * }
 * }</pre>
 *
 * <p>The inherited {@code @Nested} groups check creating, reading, replacing and deleting users,
 * expected versions, uniqueness ({@code userName} case-insensitive, {@code externalId}
 * case-exact), tenant isolation, every filter operator, sorting and offset and keyset paging,
 * all through {@link TenantStores#users()}.
 */
public abstract class UserStoreContract extends PageCostContract {

  /** Creates the contract; subclasses are JUnit test classes. */
  protected UserStoreContract() {}

  /**
   * Returns the stores of a new, empty tenant. The kit calls it before every test, and a second
   * time in the tests that check that two tenants are kept apart, so each call must return a
   * tenant with its own id that no earlier call returned. The tenant's settings are not read.
   *
   * @return a fresh tenant's stores
   */
  @Override
  protected abstract TenantStores newTenant();

  @Override
  RecordStore storeOf(TenantStores stores) {
    return stores.users();
  }

  @Override
  String uniqueName() {
    return "userName";
  }
}
