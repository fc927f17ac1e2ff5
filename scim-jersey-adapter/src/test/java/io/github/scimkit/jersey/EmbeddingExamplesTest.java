package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.memory.InMemoryApiKeyStore;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the code docs/embedding.md quotes: each container serves SCIM over HTTP on 127.0.0.1 with
 * the tenant and key the snippets create.
 */
class EmbeddingExamplesTest {

  private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
      + "\"userName\":\"ada@example.com\"}";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final InMemoryStoreProvider stores = new InMemoryStoreProvider();
  private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();

  private HttpResponse<String> send(URI uri, String key, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (body != null) {
      request.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/scim+json");
    }
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Lists, creates and is refused without a key, under {@code scimRoot} (the tenant's base). */
  private void assertServesScim(URI scimRoot, String key) throws Exception {
    HttpResponse<String> users = send(scimRoot.resolve("Users"), key, null);
    assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
    assertThat(users.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/scim+json"));
    HttpResponse<String> created = send(scimRoot.resolve("Users"), key, USER);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).startsWith(scimRoot.resolve("Users/").toString()));
    HttpResponse<String> anonymous = send(scimRoot.resolve("Users"), null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
  }

  private static void assertLoopback(ServerConnector connector) throws Exception {
    InetSocketAddress bound = (InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress();
    assertThat(bound.getAddress().isLoopbackAddress()).as(bound.toString()).isTrue();
  }

  @Test
  void theGrizzlyExampleServesScim() throws Exception {
    String key = EmbeddingExamples.createTenant(stores, keys, "acme");
    HttpServer server = EmbeddingExamples.grizzly(URI.create("http://127.0.0.1:0/api/"),
        EmbeddingExamples.application(EmbeddingExamples.engine(stores), keys));
    try {
      assertThat(server.getListener("grizzly").getHost()).isEqualTo("127.0.0.1");
      URI base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/api/");
      HttpResponse<String> config = send(base.resolve("scim/v2/acme/ServiceProviderConfig"), key, null);
      assertThat(config.statusCode()).isEqualTo(200);
      assertThat(config.body()).contains("https://example.com/docs/scim");
      assertServesScim(base.resolve("scim/v2/acme/"), key);
      assertThat(send(base.resolve("scim/v2/health"), null, null).statusCode()).isEqualTo(200);

      String rotated = EmbeddingExamples.issueKey(keys, "acme");
      assertThat(send(base.resolve("scim/v2/acme/Users"), key, null).statusCode()).isEqualTo(401);
      assertThat(send(base.resolve("scim/v2/acme/Users"), rotated, null).statusCode()).isEqualTo(200);
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void theJettyExampleServesScimOnTheHostItIsGiven() throws Exception {
    String key = EmbeddingExamples.createTenant(stores, keys, "acme");
    Server server = EmbeddingExamples.jetty(URI.create("http://127.0.0.1:0/"),
        EmbeddingExamples.application(EmbeddingExamples.engine(stores), keys));
    server.start();
    try {
      ServerConnector connector = (ServerConnector) server.getConnectors()[0];
      assertLoopback(connector);
      assertServesScim(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/scim/v2/acme/"), key);
    } finally {
      server.stop();
    }
  }

  @Test
  void theServletInitializerServesScimFromTomcat(@TempDir Path baseDir) throws Exception {
    String key = EmbeddingExamples.createTenant(stores, keys, "acme");
    Tomcat tomcat = EmbeddingExamples.tomcat("127.0.0.1", 0, baseDir,
        new EmbeddingExamples.ScimInitializer(stores, keys));
    StandardContext context = (StandardContext) tomcat.getHost().findChildren()[0];
    context.setClearReferencesThreadLocals(false);   // leak detection needs --add-opens; it only warns here
    context.setClearReferencesRmiTargets(false);
    tomcat.start();
    try {
      assertThat(tomcat.getConnector().getProperty("address")).isEqualTo(InetAddress.getByName("127.0.0.1"));
      int port = tomcat.getConnector().getLocalPort();
      assertServesScim(URI.create("http://127.0.0.1:" + port + "/api/scim/v2/acme/"), key);
    } finally {
      tomcat.stop();
      tomcat.destroy();
    }
  }

  @Test
  void theServletInitializerServesScimFromJettysServletSupport() throws Exception {
    String key = EmbeddingExamples.createTenant(stores, keys, "acme");
    Server server = EmbeddingExamples.jettyServlet("127.0.0.1", 0, new EmbeddingExamples.ScimInitializer(stores, keys));
    server.start();
    try {
      ServerConnector connector = (ServerConnector) server.getConnectors()[0];
      assertLoopback(connector);
      assertServesScim(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/scim/v2/acme/"), key);
    } finally {
      server.stop();
    }
  }

  @Test
  void theApplicationCarriesTheFeature() {
    ResourceConfig application = EmbeddingExamples.application(EmbeddingExamples.engine(stores), keys);
    assertThat(application.getInstances()).anyMatch(ScimFeature.class::isInstance);
  }
}
