package io.github.scimkit.store.jdbc;

import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.tenant.ApiKeyStore;
import io.github.scimkit.testkit.ApiKeyStoreContract;
import io.github.scimkit.testkit.EngineSafetyContract;
import io.github.scimkit.testkit.EventOutboxContract;
import io.github.scimkit.testkit.GroupStoreContract;
import io.github.scimkit.testkit.UserGroupsQueryContract;
import io.github.scimkit.testkit.UserStoreContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The contract kit's user, group, user-search-by-group, event outbox, engine safety and API key
 * contracts, nested over the database a subclass registers as a {@link JdbcTestDatabase}; one
 * subclass per database adds its behaviour tests.
 */
abstract class JdbcStoreContracts {

  /** Returns the test class's registered database. */
  abstract JdbcTestDatabase database();

  @Nested
  @DisplayName("User store contract")
  class Users extends UserStoreContract {
    @Override
    protected TenantStores newTenant() {
      return database().newTenant();
    }
  }

  @Nested
  @DisplayName("Group store contract")
  class Groups extends GroupStoreContract {
    @Override
    protected TenantStores newTenant() {
      return database().newTenant();
    }
  }

  @Nested
  @DisplayName("User search by group contract")
  class UserGroupsQueries extends UserGroupsQueryContract {
    @Override
    protected TenantStores newTenant() {
      return database().newTenant();
    }
  }

  @Nested
  @DisplayName("Event outbox contract")
  class Outbox extends EventOutboxContract {
    @Override
    protected TenantStores newTenant() {
      return database().newTenant();
    }
  }

  @Nested
  @DisplayName("Engine safety contract")
  class EngineSafety extends EngineSafetyContract {
    @Override
    protected TenantStores newTenant() {
      return database().newTenant();
    }
  }

  @Nested
  @DisplayName("API key store contract")
  class ApiKeys extends ApiKeyStoreContract {
    @Override
    protected ApiKeyStore newApiKeyStore() {
      return database().emptyApiKeyStore();
    }
  }
}
