package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TestServer} over in-memory stores whose store calls are counted ({@link
 * CountingStores}), for tests that prove what a request costs: each test takes a fresh tenant and
 * sends its requests to it.
 */
final class CountingServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InMemoryStoreProvider memory = new InMemoryStoreProvider();
  private final CountingStores counting = new CountingStores();
  private final AtomicInteger tenants = new AtomicInteger();
  private final String prefix;
  private final TestServer server;
  private String tenant;
  private String key;

  /** Starts the server; tenants are named the prefix and a number. */
  CountingServer(String prefix) {
    this.prefix = prefix;
    server = new TestServer(EngineConfig.defaults(),
        engine -> engine.stores(id -> memory.tenant(id).map(counting::wrap)),
        ApiKeyAuthenticator::new, feature -> feature.rateLimit(0, 0));
  }

  /** Makes a fresh tenant in the given mode, which {@link #call} then addresses. */
  void tenant(ScimMode mode) {
    tenant = prefix + tenants.incrementAndGet();
    memory.createTenant(tenant, TenantSettings.defaults().withMode(mode));
    key = server.newKey(tenant);
  }

  /** Sends a request to the current tenant with its key. */
  HttpResponse<String> call(String method, String path, String body) {
    return server.send(method, server.scim(tenant, path), key, body);
  }

  /** The store calls counted since the last reset. */
  CountingStores counting() {
    return counting;
  }

  /** Checks the status and reads the body. */
  static JsonNode ok(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(response.body(), e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
