package io.github.scimkit.example;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.memory.InMemoryApiKeyStore;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.tenant.ApiKeyStore;
import io.github.scimkit.core.tenant.TenantSettings;
import io.github.scimkit.store.jdbc.JdbcStoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the example keeps its data: ScimKit's stores (users, groups, tenants, API keys) and the
 * example's own tables ({@link HostDatabase}).
 *
 * <ul>
 *   <li>{@code h2}: one H2 file, {@code <dataDir>/scimkit.mv.db}, for both;
 *   <li>a JDBC URL ({@code jdbc:postgresql://…} or {@code jdbc:h2:…}): that database for both;
 *   <li>{@code memory}: ScimKit's in-memory stores, and the example's tables in a private
 *       in-memory H2 database. Everything is lost at exit.
 * </ul>
 */
final class Storage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

  /** Creates tenants and saves their settings: the part of a provider that {@link StoreProvider} leaves out. */
  interface Tenants {
    void create(String tenantId, TenantSettings settings) throws ScimException;

    void update(String tenantId, TenantSettings settings) throws ScimException;
  }

  /**
   * The H2 settings of the {@code h2} store. {@code WRITE_DELAY=0} writes each commit to the file
   * before the commit returns (H2 otherwise writes up to 500 ms later, and a killed process loses
   * what was acknowledged meanwhile); {@code DB_CLOSE_ON_EXIT=FALSE} leaves closing the database to
   * the server's orderly shutdown instead of H2's own JVM shutdown hook, which would close it under
   * requests still in flight.
   */
  static final String H2_SETTINGS = ";AUTO_SERVER=FALSE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

  final StoreProvider stores;
  final Tenants tenants;
  final ApiKeyStore apiKeys;
  final HostDatabase host;
  final String description;
  private final HikariDataSource pool;

  private Storage(StoreProvider stores, Tenants tenants, ApiKeyStore apiKeys, HikariDataSource pool, String description) {
    this.stores = stores;
    this.tenants = tenants;
    this.apiKeys = apiKeys;
    this.pool = pool;
    this.host = new HostDatabase(pool);
    this.description = description;
  }

  static Storage open(ExampleConfig config) {
    if (config.store().equals(ExampleConfig.MEMORY)) {
      HikariDataSource pool = pool("jdbc:h2:mem:scimkit-example-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE", null, null);
      InMemoryStoreProvider memory = new InMemoryStoreProvider();
      Storage storage = new Storage(memory, new Tenants() {
        @Override
        public void create(String tenantId, TenantSettings settings) {
          memory.createTenant(tenantId, settings);
        }

        @Override
        public void update(String tenantId, TenantSettings settings) {
          memory.updateSettings(tenantId, settings);
        }
      }, new InMemoryApiKeyStore(), pool, "in memory (lost at exit)");
      storage.host.migrate();
      return storage;
    }
    String url;
    String description;
    if (config.store().equals(ExampleConfig.H2)) {
      Path dir = config.dataDir().toAbsolutePath().normalize();
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the data directory " + dir, e);
      }
      url = "jdbc:h2:file:" + dir.resolve("scimkit") + H2_SETTINGS;
      description = "H2 in " + dir;
    } else {
      url = config.store();
      description = url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
    HikariDataSource pool = pool(url, config.dbUser().orElse(null), config.dbPassword().orElse(null));
    try {
      JdbcStoreProvider jdbc = JdbcStoreProvider.builder(pool).build();
      List<Integer> applied = jdbc.migrate();
      if (!applied.isEmpty()) {
        LOG.info("Applied ScimKit schema version(s) {} to {}", applied, description);
      }
      Storage storage = new Storage(jdbc, new Tenants() {
        @Override
        public void create(String tenantId, TenantSettings settings) throws ScimException {
          jdbc.createTenant(tenantId, settings);
        }

        @Override
        public void update(String tenantId, TenantSettings settings) throws ScimException {
          jdbc.updateSettings(tenantId, settings);
        }
      }, jdbc.apiKeyStore(), pool, description);
      storage.host.migrate();
      return storage;
    } catch (RuntimeException | Error e) {
      pool.close();
      throw e;
    } catch (Exception e) {
      pool.close();
      throw new IllegalStateException("Cannot prepare the database " + description, e);
    }
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    hikari.setUsername(user);
    hikari.setPassword(password);
    hikari.setMaximumPoolSize(8);
    hikari.setPoolName("scimkit-example");
    return new HikariDataSource(hikari);
  }

  @Override
  public void close() {
    pool.close();
  }
}
