package io.github.scimkit.jersey;

import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.event.LoggingAuditSink;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.tenant.ApiKeyStore;
import io.github.scimkit.core.tenant.ApiKeys;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import io.github.scimkit.jersey.metrics.RequestMetrics;
import io.github.scimkit.jersey.container.GrizzlyErrorPages;
import io.github.scimkit.jersey.container.JettyErrorHandler;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The code quoted in docs/embedding.md. It compiles with the build, and EmbeddingExamplesTest
 * runs it, so the guide cannot drift from the API.
 */
final class EmbeddingExamples {

  private EmbeddingExamples() {}

  // --- engine ---------------------------------------------------------------------------------

  static ScimEngine engine(StoreProvider stores) {
    return ScimEngine.builder()
        .stores(stores)                         // the host's StoreProvider
        .mapping(ScimMapping.defaults())        // the default User and Group mapping
        .config(EngineConfig.builder()
            .maxPatchOperations(1000)
            .maxFilterLength(4096)
            .build())
        .auditSink(new LoggingAuditSink())
        .build();
  }

  // --- API keys -------------------------------------------------------------------------------

  /** Issues a tenant's key, stores only its hash, and returns the key to show once. */
  static String issueKey(ApiKeyStore keys, String tenantId) throws Exception {
    ApiKeys.IssuedKey issued = new ApiKeys().issue(tenantId, Instant.now());
    keys.replaceAll(issued.record());   // revokes the tenant's earlier keys at once
    return issued.key();                // show it to the administrator once; never store or log it
  }

  /** Creates a tenant and its first key: what an organization's admin flow does once. */
  static String createTenant(InMemoryStoreProvider stores, ApiKeyStore keys, String tenantId) throws Exception {
    stores.createTenant(tenantId);      // JdbcStoreProvider: createTenant(tenantId, TenantSettings.defaults())
    return issueKey(keys, tenantId);
  }

  // --- the Jersey application -----------------------------------------------------------------

  static ResourceConfig application(ScimEngine engine, ApiKeyStore keys) {
    ScimFeature scim = ScimFeature.builder(engine, new ApiKeyAuthenticator(keys))
        .basePath("scim/v2/{tenant}")          // one tenant per path; drop {tenant} for one tenant
        .maxBodyBytes(1024 * 1024)             // larger bodies get 413
        .maxJsonDepth(32)                      // deeper JSON gets 400 invalidSyntax
        .rateLimit(100, 200)                   // per tenant: 100 a second, bursts of 200; 429 beyond
        .metrics(RequestMetrics.NONE)          // or new MicrometerRequestMetrics(meterRegistry)
        .documentationUri("https://example.com/docs/scim")
        .build();
    return new ResourceConfig().register(scim)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);  // no WADL, no JAXB warning
  }

  // --- Grizzly --------------------------------------------------------------------------------

  /** Starts the application on Grizzly, for example at {@code http://127.0.0.1:8080/api/}. */
  static HttpServer grizzly(URI base, ResourceConfig application) throws IOException {
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base, application, false);
    GrizzlyErrorPages.install(server);  // the container's own refusals as SCIM errors (section 8)
    server.start();
    return server;
  }

  // --- Jetty ----------------------------------------------------------------------------------

  /**
   * Builds a Jetty server for the application on the host and port of {@code base}; call {@code
   * start()} on it. Jersey's Jetty container serves the application at the root: put any prefix
   * in {@code basePath}.
   */
  static Server jetty(URI base, ResourceConfig application) {
    Server server = JettyHttpContainerFactory.createServer(base, application, false);
    ((ServerConnector) server.getConnectors()[0]).setHost(base.getHost());  // else all interfaces
    server.setErrorHandler(new JettyErrorHandler());  // the container's own refusals as SCIM errors
    return server;
  }

  // --- a Servlet container (Tomcat, Jetty EE10, Undertow, ...) ---------------------------------

  /**
   * Registers the application as a servlet under {@code /api/*}. Hand an instance to an embedded
   * container (below), or list the class in {@code
   * META-INF/services/jakarta.servlet.ServletContainerInitializer} with a no-argument constructor
   * that builds the stores.
   */
  public static final class ScimInitializer implements ServletContainerInitializer {
    private final StoreProvider stores;
    private final ApiKeyStore keys;

    public ScimInitializer(StoreProvider stores, ApiKeyStore keys) {
      this.stores = stores;                                         // your StoreProvider
      this.keys = keys;                                             // your ApiKeyStore
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
      ServletRegistration.Dynamic servlet =
          context.addServlet("scim", new ServletContainer(application(engine(stores), keys)));
      servlet.addMapping("/api/*");
      servlet.setLoadOnStartup(1);
    }
  }

  /** Embedded Tomcat serving the initializer's servlet at the root context; call {@code start()}. */
  static Tomcat tomcat(String host, int port, Path baseDir, ScimInitializer scim) {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());                          // Tomcat's work directory
    Connector connector = new Connector();
    connector.setProperty("address", host);
    connector.setPort(port);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", baseDir.toAbsolutePath().toString());
    context.addServletContainerInitializer(scim, null);
    return tomcat;
  }

  /** Jetty's servlet support (EE10) serving the initializer's servlet; call {@code start()}. */
  static Server jettyServlet(String host, int port, ScimInitializer scim) {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer(scim);
    server.setHandler(context);
    return server;
  }
}
