package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.store.memory.InMemoryApiKeyStore;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;

/** Runs the code docs/embedding.md quotes. */
class EmbeddingExamplesTest {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> get(URI uri, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theGrizzlyExampleServesScim() throws Exception {
    InMemoryStoreProvider stores = new InMemoryStoreProvider();
    InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    stores.createTenant("acme");
    String key = EmbeddingExamples.issueKey(keys, "acme");
    ScimEngine engine = EmbeddingExamples.engine(stores);

    HttpServer server = EmbeddingExamples.grizzly(URI.create("http://127.0.0.1:0/api/"),
        EmbeddingExamples.application(engine, keys));
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/api/");
      HttpResponse<String> config = get(base.resolve("scim/v2/acme/ServiceProviderConfig"), key);
      assertThat(config.statusCode()).isEqualTo(200);
      assertThat(config.body()).contains("https://example.com/docs/scim");
      assertThat(get(base.resolve("scim/v2/acme/Users"), key).statusCode()).isEqualTo(200);
      assertThat(get(base.resolve("scim/v2/acme/Users"), null).statusCode()).isEqualTo(401);
      assertThat(get(base.resolve("scim/v2/health"), null).statusCode()).isEqualTo(200);

      String rotated = EmbeddingExamples.issueKey(keys, "acme");
      assertThat(get(base.resolve("scim/v2/acme/Users"), key).statusCode()).isEqualTo(401);
      assertThat(get(base.resolve("scim/v2/acme/Users"), rotated).statusCode()).isEqualTo(200);
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void theJettyExampleServesScim() throws Exception {
    InMemoryStoreProvider stores = new InMemoryStoreProvider();
    InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    stores.createTenant("acme");
    String key = EmbeddingExamples.issueKey(keys, "acme");

    Server server = EmbeddingExamples.jetty(URI.create("http://127.0.0.1:0/"),
        EmbeddingExamples.application(EmbeddingExamples.engine(stores), keys));
    server.start();
    try {
      int port = ((NetworkConnector) server.getConnectors()[0]).getLocalPort();
      URI base = URI.create("http://127.0.0.1:" + port + "/");
      HttpResponse<String> users = get(base.resolve("scim/v2/acme/Users"), key);
      assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
      assertThat(users.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/scim+json"));
    } finally {
      server.stop();
    }
  }

  @Test
  void theServletInitializerRegistersAJerseyServlet() {
    List<Object> registered = new ArrayList<>();
    ServletRegistration.Dynamic registration = (ServletRegistration.Dynamic) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {ServletRegistration.Dynamic.class}, (proxy, method, args) -> {
          if (method.getName().equals("addMapping")) {
            registered.add(List.of((Object[]) args[0]));
            return Set.of();
          }
          return null;
        });
    ServletContext context = (ServletContext) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
          if (method.getName().equals("addServlet") && args[1] instanceof Servlet servlet) {
            registered.add(args[0]);
            registered.add(servlet);
            return registration;
          }
          throw new UnsupportedOperationException(method.getName());
        });

    new EmbeddingExamples.ScimInitializer().onStartup(Set.of(), context);

    assertThat(registered).hasSize(3);
    assertThat(registered.get(0)).isEqualTo("scim");
    assertThat(registered.get(1)).isInstanceOf(ServletContainer.class);
    assertThat(registered.get(2)).isEqualTo(List.of("/api/*"));
  }

  @Test
  void theApplicationCarriesTheFeature() {
    ResourceConfig application = EmbeddingExamples.application(
        EmbeddingExamples.engine(new InMemoryStoreProvider()), new InMemoryApiKeyStore());
    assertThat(application.getInstances()).anyMatch(ScimFeature.class::isInstance);
  }
}
