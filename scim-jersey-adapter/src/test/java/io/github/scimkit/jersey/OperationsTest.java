package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.StoreUnavailableException;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.jersey.auth.AuthenticatedClient;
import io.github.scimkit.jersey.metrics.MicrometerRequestMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Health, rate limits, store outages, unexpected failures and metrics, over real HTTP. */
@DisplayName("Operating the adapter")
class OperationsTest {

  private final InMemoryStoreProvider memory = new InMemoryStoreProvider();
  private final AtomicBoolean storeDown = new AtomicBoolean();
  private final AtomicBoolean storeBroken = new AtomicBoolean();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;
  private URI root;

  private void start(double perSecond, double burst) {
    memory.createTenant("acme");
    StoreProvider flaky = tenantId -> {
      if (storeDown.get()) {
        throw new StoreUnavailableException("The directory database is unavailable", new RuntimeException("boom"));
      }
      if (storeBroken.get()) {
        throw new IllegalStateException("secret internal detail");
      }
      return memory.tenant(tenantId);
    };
    ScimEngine engine = ScimEngine.builder().stores(flaky).auditSink(record -> { }).build();
    ScimFeature feature = ScimFeature.builder(engine,
            token -> "good".equals(token)
                ? Optional.of(new AuthenticatedClient("tester", "acme", Optional.empty()))
                : Optional.empty())
        .basePath("scim/v2")
        .rateLimit(perSecond, burst)
        .metrics(new MicrometerRequestMetrics(registry))
        .build();
    server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        new ResourceConfig().register(feature), true);
    root = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/scim/v2/");
  }

  @AfterEach
  void stop() {
    server.shutdownNow();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("reports health without authentication, and the store's outage")
  void health() throws Exception {
    start(0, 1);
    assertThat(get("health", null).statusCode()).isEqualTo(200);
    storeDown.set(true);
    HttpResponse<String> down = get("health", null);
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("\"store\":\"DOWN\"");
  }

  @Test
  @DisplayName("answers 503 with a SCIM error when the store is unavailable, and counts it")
  void storeUnavailable() throws Exception {
    start(0, 1);
    HttpResponse<String> ok = get("Users", "good");
    assertThat(ok.statusCode()).isEqualTo(200);
    storeDown.set(true);
    HttpResponse<String> down = get("Users", "good");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.headers().firstValue("Content-Type")).contains("application/scim+json");
    assertThat(down.body()).contains("\"status\":\"503\"").doesNotContain("boom");
  }

  @Test
  @DisplayName("answers 500 with a generic detail and a correlation id, never the exception's text")
  void unexpectedFailure() throws Exception {
    start(0, 1);
    storeBroken.set(true);
    HttpResponse<String> failed = get("Users", "good");
    assertThat(failed.statusCode()).isEqualTo(500);
    String correlationId = failed.headers().firstValue("X-Correlation-Id").orElseThrow();
    assertThat(failed.body()).contains(correlationId).doesNotContain("secret internal detail")
        .doesNotContain("IllegalStateException");
  }

  @Test
  @DisplayName("limits each tenant's rate with 429 and Retry-After")
  void rateLimit() throws Exception {
    start(0.01, 2);
    assertThat(get("Users", "good").statusCode()).isEqualTo(200);
    assertThat(get("Users", "good").statusCode()).isEqualTo(200);
    HttpResponse<String> limited = get("Users", "good");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    assertThat(limited.body()).contains("\"status\":\"429\"");
  }

  @Test
  @DisplayName("records requests by tenant, resource, method and status in Micrometer")
  void metrics() throws Exception {
    start(0, 1);
    get("Users", "good");
    get("Users", "bad");
    assertThat(registry.get("scimkit.requests").tags("tenant", "acme", "resource", "Users", "method", "GET", "status", "200")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get("scimkit.requests").tags("tenant", "none", "status", "401").timer().count()).isEqualTo(1);
  }

}
