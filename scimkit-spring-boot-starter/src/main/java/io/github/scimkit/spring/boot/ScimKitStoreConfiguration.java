package io.github.scimkit.spring.boot;

import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.memory.InMemoryApiKeyStore;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.tenant.ApiKeyStore;
import io.github.scimkit.store.jdbc.JdbcStoreProvider;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stores ScimKit uses when the application defines no {@link StoreProvider}: JDBC over the
 * application's {@link DataSource} when it has one (its tables migrated at start-up unless {@code
 * scimkit.jdbc.migrate=false}), in memory otherwise. An application with its own StoreProvider
 * also brings an {@link ApiKeyStore} or a BearerAuthenticator bean.
 */
@Configuration(proxyBeanMethods = false)
class ScimKitStoreConfiguration {

  /** JDBC stores over the application's data source. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnMissingBean(StoreProvider.class)
  static class Jdbc {

    @Bean
    JdbcStoreProvider scimStoreProvider(DataSource dataSource, ScimKitProperties properties) throws ScimException {
      JdbcStoreProvider stores = JdbcStoreProvider.builder(dataSource).build();
      if (properties.jdbc().migrate()) {
        stores.migrate();
      }
      return stores;
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeyStore scimApiKeyStore(JdbcStoreProvider stores) {
      return stores.apiKeyStore();
    }

    @Bean
    @ConditionalOnMissingBean
    ScimTenants scimTenants(JdbcStoreProvider stores, ApiKeyStore keys) {
      return new ScimTenants(stores::createTenant, keys, Clock.systemUTC());
    }
  }

  /** In-memory stores, for applications without a database: everything is lost on restart. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean({DataSource.class, StoreProvider.class})
  static class Memory {

    @Bean
    InMemoryStoreProvider scimStoreProvider() {
      return new InMemoryStoreProvider();
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeyStore scimApiKeyStore() {
      return new InMemoryApiKeyStore();
    }

    @Bean
    @ConditionalOnMissingBean
    ScimTenants scimTenants(InMemoryStoreProvider stores, ApiKeyStore keys) {
      return new ScimTenants((tenantId, settings) -> {
        try {
          stores.createTenant(tenantId, settings);
        } catch (IllegalStateException taken) {
          throw new ResourceConflictException("Tenant " + tenantId + " exists");
        }
      }, keys, Clock.systemUTC());
    }
  }
}
