package io.github.scimkit.jersey;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.store.jdbc.JdbcStoreProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;

/**
 * The GroupMember requests of {@link GroupMemberHttpTest} over a real Grizzly server on the JDBC
 * stores with a private in-memory H2 database: the same statuses, bodies and agreement between
 * the Group's members and /GroupMembers as on the in-memory stores.
 */
class H2GroupMemberHttpTest extends GroupMemberHttpTest {

  private final List<HikariDataSource> pools = new ArrayList<>();

  @Override
  TestServer newServer(EngineConfig config, UnaryOperator<ScimFeature.Builder> customize) throws Exception {
    HikariConfig database = new HikariConfig();
    database.setJdbcUrl("jdbc:h2:mem:groupmembers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    database.setMaximumPoolSize(4);
    HikariDataSource pool = new HikariDataSource(database);
    pools.add(pool);
    JdbcStoreProvider stores = JdbcStoreProvider.builder(pool).build();
    stores.migrate();
    return new TestServer(stores, stores::createTenant, config, customize);
  }

  @AfterAll
  void closeDatabases() {
    pools.forEach(HikariDataSource::close);
  }
}
