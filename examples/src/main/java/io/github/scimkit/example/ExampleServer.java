package io.github.scimkit.example;

import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.event.AsyncAuditSink;
import io.github.scimkit.core.event.AuditSink;
import io.github.scimkit.core.event.LoggingAuditSink;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.profile.IdpProfiles;
import io.github.scimkit.jersey.ScimFeature;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.HttpServer;
import io.github.scimkit.jersey.container.GrizzlyErrorPages;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The example server: ScimKit's {@link ScimFeature} in Grizzly, one SCIM base URL per
 * organization ({@code /scim/v2/{organizationId}}), with the admin API ({@code /admin/api}), the
 * admin page ({@code /admin/}), invitation links ({@code /invitations/{token}/accept}) and
 * {@code /health}. Start it with {@link #start(ExampleConfig)}, on port 0 in tests.
 */
public final class ExampleServer implements AutoCloseable {

  /**
   * Jersey warns that resource instances registered with {@code ResourceConfig.register(Object)}
   * "will be ignored", although they are served (eclipse-ee4j/jersey#3700); the example registers
   * its resources that way to avoid a DI container, so the misleading warning is silenced here.
   */
  private static final java.util.logging.Logger JERSEY_PROVIDER_CHECK =
      java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");


  private static final Logger LOG = LoggerFactory.getLogger(ExampleServer.class);
  private static final ScimMapping MAPPING = ScimMapping.defaults();
  private static final IdpProfiles PROFILES = IdpProfiles.builtIns();

  /** How long in-flight requests may take to finish after a stop was asked for. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

  /**
   * How long requests still in flight when the grace ends get to answer (their writes refused with
   * 503 and rolled back) before their connections are cut.
   */
  static final Duration CUT_OFF_ANSWER = Duration.ofSeconds(15);

  /**
   * How many audit records may wait for the log. A full queue makes the request's own thread write
   * its record ({@link AsyncAuditSink.Overflow#CALLER_RUNS}), counted and reported in a WARN line, so
   * a record is never dropped.
   */
  static final int AUDIT_QUEUE = 8_192;

  private final Storage storage;
  private final ScimEngine engine;
  private final AsyncAuditSink audit;
  private final HttpServer http;
  private final Host host;
  private final String baseUrl;
  private final int port;
  private final Optional<Organizations.FirstStart> firstStart;
  private final Optional<Organizations.ScimCredentials> newKey;
  private final Optional<String> newAdminToken;
  private final ShutdownGate gate;

  private ExampleServer(Storage storage, ShutdownGate gate, ScimEngine engine, AsyncAuditSink audit, HttpServer http,
      Host host, String baseUrl, int port, Optional<Organizations.FirstStart> firstStart,
      Optional<Organizations.ScimCredentials> newKey, Optional<String> newAdminToken) {
    this.storage = storage;
    this.gate = gate;
    this.engine = engine;
    this.audit = audit;
    this.http = http;
    this.host = host;
    this.baseUrl = baseUrl;
    this.port = port;
    this.firstStart = firstStart;
    this.newKey = newKey;
    this.newAdminToken = newAdminToken;
  }

  /**
   * Opens the store (creating or upgrading its tables), starts the HTTP server and, on an empty
   * store, creates the admin token and the demo organization.
   *
   * @param config the settings
   * @return the running server
   */
  public static ExampleServer start(ExampleConfig config) {
    if (!SLF4JBridgeHandler.isInstalled()) {
      // Jersey and Grizzly log through java.util.logging: send it to SLF4J (Logback) like the rest.
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    JERSEY_PROVIDER_CHECK.setLevel(java.util.logging.Level.SEVERE);
    Objects.requireNonNull(config, "config");
    Storage storage = Storage.open(config);
    ShutdownGate gate = new ShutdownGate();
    HttpServer http = null;
    ScimEngine engine = null;
    AsyncAuditSink audit = AsyncAuditSink.start(new LoggingAuditSink(), AUDIT_QUEUE,
        AsyncAuditSink.Overflow.CALLER_RUNS);
    try {
      String[] base = {config.baseUrl().orElse(null)};
      Host host = host(storage, () -> base[0]);
      Organizations organizations = host.organizations();
      engine = engine(storage, host, gate, audit);
      ScimFeature scim = ScimFeature.builder(engine, new ApiKeyAuthenticator(storage.apiKeys))
          .basePath("scim/v2/{tenant}")
          .build();
      ResourceConfig application = new ResourceConfig()
          .property(ServerProperties.WADL_FEATURE_DISABLE, true)
          .register(scim)
          .register(new AdminResource(host))
          .register(AdminResource.Errors.class)
          .register(new AdminResource.AdminTokenFilter(organizations))
          .register(AdminResource.AdminHeaders.class)
          .register(new PublicResources.Health(storage.host))
          .register(new PublicResources.Invitations(host.members()))
          .register(PublicResources.AdminPage.class);
      http = GrizzlyHttpServerFactory.createHttpServer(
          URI.create("http://" + config.host() + ":" + config.port() + "/"), application, false);
      GrizzlyErrorPages.install(http);
      try {
        http.start();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      int port = http.getListener("grizzly").getPort();
      if (base[0] == null) {
        base[0] = "http://localhost:" + port;
      }
      LOG.info("ScimKit example listening on {}:{} ({}), store {}", config.host(), port, base[0], storage.description);
      Optional<Organizations.FirstStart> first = organizations.initialize();
      Optional<Organizations.ScimCredentials> rotated = config.newKeyFor().map(organizations::rotateKey);
      // A first start has just issued a token; otherwise the new one replaces the stored hash.
      Optional<String> adminToken = config.newAdminToken() && first.isEmpty()
          ? Optional.of(organizations.newAdminToken()) : Optional.empty();
      if (adminToken.isPresent()) {
        LOG.info("A new admin token replaces the old one, which no longer works");
      }
      return new ExampleServer(storage, gate, engine, audit, http, host, base[0], port, first, rotated,
          adminToken);
    } catch (RuntimeException | Error e) {
      if (http != null) {
        http.shutdownNow();
      }
      if (engine != null) {
        engine.close();
      }
      audit.close();
      storage.close();
      throw e;
    }
  }

  static Host host(Storage storage, Supplier<String> baseUrl) {
    return Host.create(storage, MAPPING, PROFILES, baseUrl, Clock.systemUTC());
  }

  /**
   * The engine: ScimKit's default mapping and profiles, the member lifecycle hook behind the last
   * Owner's guard, and the outbox and role listeners, which the engine's transactional outbox feeds
   * at least once; audit records go to {@code audit}.
   */
  static ScimEngine engine(Storage storage, Host host, ShutdownGate gate, AuditSink audit) {
    ScimEngine.Builder builder = ScimEngine.builder()
        .stores(storage.stores)
        .mapping(MAPPING)
        .profiles(PROFILES)
        .writeHook(gate.guard(TestHooks.slowWrites(new LastOwnerGuard(host.roles(), new MemberLifecycleHook()))))
        .auditSink(audit);
    TestHooks.haltAfterCommit().ifPresent(builder::listener);
    return builder.listener(new OutboxListener(host.notices(), host.directory()))
        .listener(new RoleListener(host.roles())).build();
  }

  /**
   * Returns the URL clients reach the server at, without a trailing slash.
   *
   * @return the base URL
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Returns the admin page's URL.
   *
   * @return {@code <base URL>/admin/}
   */
  public String adminUrl() {
    return baseUrl + "/admin/";
  }

  /**
   * Returns what the first start created, when this start was the first.
   *
   * @return the admin token and the demo organization's credentials, or empty
   */
  public Optional<Organizations.FirstStart> firstStart() {
    return firstStart;
  }

  /**
   * Returns the key issued for {@link ExampleConfig#newKeyFor()}, when one was asked for.
   *
   * @return the new credentials, or empty
   */
  public Optional<Organizations.ScimCredentials> newKey() {
    return newKey;
  }

  /**
   * Returns the admin token issued for {@link ExampleConfig#newAdminToken()}, when one was asked for
   * on a start that was not the first.
   *
   * @return the new admin token, or empty
   */
  public Optional<String> newAdminToken() {
    return newAdminToken;
  }

  /**
   * Returns the organizations service.
   *
   * @return the service
   */
  public Organizations organizations() {
    return host.organizations();
  }

  /**
   * Stops in order: the HTTP server stops accepting connections and lets requests in flight finish
   * for up to {@link #SHUTDOWN_GRACE}. Requests still in flight then have their writes refused by
   * the {@link ShutdownGate} (503 with a fixed detail, their units of work rolled back) and get up
   * to {@link #CUT_OFF_ANSWER} more to answer on their open connections; only then is HTTP cut off.
   * Then the engine stops delivering lifecycle events (undelivered ones stay in the outbox for the
   * next start), the audit queue is written out to the log, and the database closes.
   */
  @Override
  public void close() {
    Duration grace = TestHooks.shutdownGrace(SHUTDOWN_GRACE);
    Future<HttpServer> drained = http.shutdown(grace.plus(CUT_OFF_ANSWER).toMillis(), TimeUnit.MILLISECONDS);
    try {
      if (!finished(drained, grace)) {
        LOG.warn("Requests still in flight after the {} ms grace: their writes are refused (503) and roll back",
            grace.toMillis());
        gate.close();
        finished(drained, CUT_OFF_ANSWER);
      }
    } finally {
      http.shutdownNow();
      try {
        engine.close();
      } finally {
        try {
          audit.close();
        } finally {
          storage.close();
        }
      }
    }
  }

  /** Waits for the HTTP server to drain; false when the time ran out first. */
  private static boolean finished(Future<HttpServer> drained, Duration wait) {
    try {
      drained.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      LOG.warn("The HTTP server did not stop cleanly", e);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
