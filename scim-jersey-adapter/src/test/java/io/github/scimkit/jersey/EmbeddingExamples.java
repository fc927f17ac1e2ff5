package io.github.scimkit.jersey;

import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.event.LoggingAuditSink;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.memory.InMemoryApiKeyStore;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.tenant.ApiKeyStore;
import io.github.scimkit.core.tenant.ApiKeys;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import io.github.scimkit.jersey.metrics.RequestMetrics;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
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
    return new ResourceConfig().register(scim);
  }

  // --- Grizzly --------------------------------------------------------------------------------

  /** Starts the application on Grizzly, for example at {@code http://0.0.0.0:8080/api/}. */
  static HttpServer grizzly(URI base, ResourceConfig application) {
    return GrizzlyHttpServerFactory.createHttpServer(base, application, true);
  }

  // --- Jetty ----------------------------------------------------------------------------------

  /**
   * Builds a Jetty server for the application; call {@code start()} on it. Jersey's Jetty
   * container serves the application at the root and uses only the scheme, host and port of the
   * address: put any prefix in {@code basePath}.
   */
  static Server jetty(URI base, ResourceConfig application) {
    return JettyHttpContainerFactory.createServer(base, application, false);
  }

  // --- a Servlet container (Tomcat, Jetty EE10, Undertow, ...) ---------------------------------

  /**
   * Registers the application as a servlet under {@code /api/*}. List the class in {@code
   * META-INF/services/jakarta.servlet.ServletContainerInitializer}, or do the same in a {@code
   * ServletContextListener}.
   */
  public static final class ScimInitializer implements ServletContainerInitializer {
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
      InMemoryStoreProvider stores = new InMemoryStoreProvider();   // your StoreProvider
      ApiKeyStore keys = new InMemoryApiKeyStore();                 // your ApiKeyStore
      ServletRegistration.Dynamic servlet =
          context.addServlet("scim", new ServletContainer(application(engine(stores), keys)));
      servlet.addMapping("/api/*");
      servlet.setLoadOnStartup(1);
    }
  }
}
