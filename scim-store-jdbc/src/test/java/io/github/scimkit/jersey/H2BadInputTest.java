package io.github.scimkit.jersey;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.store.jdbc.JdbcStoreProvider;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;

/**
 * The adapter's hostile-input corpus ({@link BadInputTest}) over a real Grizzly server on the JDBC
 * stores with a private in-memory H2 database: the same requests, statuses, error types and
 * untouched stores as on the in-memory stores.
 */
class H2BadInputTest extends BadInputTest {

  private HikariDataSource pool;

  @Override
  TestServer newServer(EngineConfig config, UnaryOperator<ScimFeature.Builder> customize) throws Exception {
    HikariConfig database = new HikariConfig();
    database.setJdbcUrl("jdbc:h2:mem:corpus-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    database.setMaximumPoolSize(4);
    pool = new HikariDataSource(database);
    JdbcStoreProvider stores = JdbcStoreProvider.builder(pool).build();
    stores.migrate();
    return new TestServer(stores, stores::createTenant, config, customize);
  }

  @AfterAll
  void closeDatabase() {
    pool.close();
  }
}
