package io.github.scimkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.event.AsyncAuditSink;
import io.github.scimkit.core.event.LoggingAuditSink;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.memory.InMemoryApiKeyStore;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.tenant.ApiKeys;
import io.github.scimkit.core.tenant.TenantSettings;
import io.github.scimkit.jersey.ScimFeature;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import io.github.scimkit.store.jdbc.JdbcStoreProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The server side of {@link HttpBenchmark}, run in a child JVM so that its CPU time is measured
 * apart from the client's. On 127.0.0.1, ephemeral ports: a bare Jersey + Jackson endpoint
 * ({@link BareUsers}), ScimKit over the in-memory store, ScimKit over an H2 file database and,
 * when {@code SCIMKIT_PG_URL} names one, ScimKit over PostgreSQL (schema {@value #PG_SCHEMA},
 * dropped and made anew),
 * each ScimKit with tenants {@code small} and {@code large} of seeded users and an empty group
 * in {@code small}. Audit records go through {@link AsyncAuditSink} to {@link LoggingAuditSink}.
 * Prints {@code READY} lines on stdout, then serves until stdin closes.
 */
public final class BenchServer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PG_SCHEMA = "scimkit_httpbench";

  private BenchServer() {}

  /**
   * Starts the servers.
   *
   * @param args the sizes of the small and the large tenant, and the H2 directory
   * @throws Exception when a server cannot start
   */
  public static void main(String[] args) throws Exception {
    int small = Integer.parseInt(args[0]);
    int large = Integer.parseInt(args[1]);
    Path h2Dir = Path.of(args[2]).toAbsolutePath();
    InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    List<AutoCloseable> open = new ArrayList<>();
    HttpServer bare = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        new ResourceConfig().register(BareUsers.class).register(JacksonFeature.class), true);
    open.add(bare::shutdownNow);
    System.out.println("READY bare " + port(bare));

    InMemoryStoreProvider memory = new InMemoryStoreProvider();
    memory.createTenant("small");
    memory.createTenant("large");
    serve("memory", memory, keys, small, large, open);

    Files.createDirectories(h2Dir);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:file:" + h2Dir.resolve("http-" + UUID.randomUUID()) + ";LOCK_TIMEOUT=20000");
    config.setMaximumPoolSize(8);
    HikariDataSource dataSource = new HikariDataSource(config);
    open.add(dataSource);
    JdbcStoreProvider h2 = JdbcStoreProvider.builder(dataSource).build();
    h2.migrate();
    h2.createTenant("small", TenantSettings.defaults());
    h2.createTenant("large", TenantSettings.defaults());
    serve("h2", h2, keys, small, large, open);
    Optional<HikariDataSource> postgres = postgres();
    if (postgres.isPresent()) {
      open.add(postgres.get());
      JdbcStoreProvider pg = JdbcStoreProvider.builder(postgres.get()).build();
      pg.migrate();
      pg.createTenant("small", TenantSettings.defaults());
      pg.createTenant("large", TenantSettings.defaults());
      serve("postgresql", pg, keys, small, large, open);
      analyze(postgres.get());
    }
    System.out.println("READY all");
    System.out.flush();

    while (System.in.read() >= 0) {
      // Serve until the driver closes our stdin.
    }
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  /**
   * A pool of 8 on a fresh schema {@value #PG_SCHEMA} of the PostgreSQL database that {@code
   * SCIMKIT_PG_URL} names (as the tests find it), or empty when it is not set or does not answer.
   */
  private static Optional<HikariDataSource> postgres() {
    String url = System.getenv("SCIMKIT_PG_URL");
    if (url == null || url.isBlank()) {
      System.err.println("SCIMKIT_PG_URL is not set: no PostgreSQL scenarios");
      return Optional.empty();
    }
    String user = Optional.ofNullable(System.getenv("SCIMKIT_PG_USER")).orElse("postgres");
    String password = Optional.ofNullable(System.getenv("SCIMKIT_PG_PASSWORD")).orElse("");
    DriverManager.setLoginTimeout(3);
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + PG_SCHEMA);
    } catch (SQLException e) {
      System.err.println("No PostgreSQL scenarios: " + e.getMessage());
      return Optional.empty();
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + PG_SCHEMA);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(8);
    return Optional.of(new HikariDataSource(config));
  }

  /**
   * Takes PostgreSQL's statistics of the seeded tables, as autovacuum does within about a minute
   * of a bulk load when it is on; without them, pages read a tenant's value rows per record.
   */
  private static void analyze(HikariDataSource postgres) throws SQLException {
    try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
  }

  /** Starts ScimKit over a store, seeds both tenants and prints their tokens and ids. */
  private static void serve(String name, StoreProvider stores, InMemoryApiKeyStore keys, int small, int large,
      List<AutoCloseable> open) throws Exception {
    AsyncAuditSink audit = AsyncAuditSink.start(new LoggingAuditSink(), 8_192, AsyncAuditSink.Overflow.CALLER_RUNS);
    ScimEngine engine = ScimEngine.builder().stores(stores).auditSink(audit)
        .config(EngineConfig.builder().maxPageSize(1_000).build()).build();
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        new ResourceConfig().register(ScimFeature.builder(engine, new ApiKeyAuthenticator(keys))
            .basePath("scim/v2/{tenant}").rateLimit(0, 1).build()), true);
    open.add(server::shutdownNow);
    open.add(audit);
    for (String tenant : List.of("small", "large")) {
      long started = System.nanoTime();
      String firstUser = seed(engine, tenant, tenant.equals("small") ? small : large);
      String group = engine.create(RequestContext.of(tenant, "bench"), ResourceKind.GROUP,
          new GenericScimResource(group())).id();
      ApiKeys.IssuedKey key = new ApiKeys().issue(tenant, Instant.now());
      if (name.equals("memory")) {
        keys.replaceAll(key.record());
      } else {
        keys.add(key.record());
      }
      System.err.printf("seeded %s/%s in %.1f s%n", name, tenant, (System.nanoTime() - started) / 1e9);
      System.out.println("READY " + name + " " + port(server) + " " + tenant + " " + key.key() + " " + firstUser + " " + group);
      System.out.flush();
    }
  }

  /** Creates users through the engine; returns the first one's id. */
  private static String seed(ScimEngine engine, String tenant, int users) throws Exception {
    String first = null;
    RequestContext context = RequestContext.of(tenant, "bench");
    for (int i = 0; i < users; i++) {
      ObjectNode user = JSON.createObjectNode();
      user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
      user.put("userName", String.format("user-%07d@example.com", i));
      user.put("displayName", String.format("User %07d", i));
      user.put("active", true);
      String id = engine.create(context, ResourceKind.USER, new GenericScimResource(user)).id();
      first = first == null ? id : first;
    }
    return first;
  }

  private static ObjectNode group() {
    ObjectNode group = JSON.createObjectNode();
    group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
    group.put("displayName", "bench group");
    return group;
  }

  private static int port(HttpServer server) {
    return server.getListener("grizzly").getPort();
  }

  /** The bare endpoint's body: the same fields a ScimKit user has, as a map Jackson writes. */
  static Map<String, Object> bareUser(String id, String base) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("resourceType", "User");
    meta.put("created", "2026-12-07T10:00:00.000Z");
    meta.put("lastModified", "2026-12-07T10:00:00.000Z");
    meta.put("version", "W/\"1\"");
    meta.put("location", base + "Users/" + id);
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"));
    user.put("id", id);
    user.put("userName", "user-0000000@example.com");
    user.put("displayName", "User 0000000");
    user.put("active", true);
    user.put("meta", meta);
    return user;
  }
}
