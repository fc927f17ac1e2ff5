package io.github.scimkit.jersey;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.tenant.TenantSettings;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import io.github.scimkit.core.store.memory.InMemoryApiKeyStore;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.tenant.ApiKeys;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import io.github.scimkit.jersey.auth.BearerAuthenticator;
import io.github.scimkit.jersey.container.GrizzlyErrorPages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A real Grizzly server on a random port with ScimFeature over in-memory stores, or over any store
 * provider a test brings, for tests.
 */
class TestServer implements AutoCloseable {

  /** Makes a tenant in a store provider. */
  @FunctionalInterface
  interface TenantMaker {
    void create(String tenantId, TenantSettings settings) throws ScimException;
  }

  /** The in-memory stores, or {@code null} when the server runs on another provider. */
  final InMemoryStoreProvider stores;
  private final StoreProvider provider;
  private final TenantMaker tenants;
  final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
  final ScimEngine engine;
  private final HttpServer server;
  final URI root;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  TestServer() {
    this(builder -> builder);
  }

  TestServer(UnaryOperator<ScimFeature.Builder> customize) {
    this(EngineConfig.defaults(), customize);
  }

  /** A server whose engine has the given limits and whose feature is customised. */
  TestServer(EngineConfig engineConfig, UnaryOperator<ScimFeature.Builder> customize) {
    this(engineConfig, UnaryOperator.identity(), ApiKeyAuthenticator::new, customize);
  }

  /**
   * A server whose engine builder (mapping, profiles) and authenticator, given the server's API
   * key store, are the caller's too.
   */
  TestServer(EngineConfig engineConfig, UnaryOperator<ScimEngine.Builder> engineCustomize,
      Function<InMemoryApiKeyStore, BearerAuthenticator> authenticator, UnaryOperator<ScimFeature.Builder> customize) {
    this(new InMemoryStoreProvider(), engineConfig, engineCustomize, authenticator, customize);
  }

  private TestServer(InMemoryStoreProvider memory, EngineConfig engineConfig,
      UnaryOperator<ScimEngine.Builder> engineCustomize, Function<InMemoryApiKeyStore, BearerAuthenticator> authenticator,
      UnaryOperator<ScimFeature.Builder> customize) {
    this(memory, memory, memory::createTenant, engineConfig, engineCustomize, authenticator, customize);
  }

  /** A server over another store provider (a JDBC one, say), which makes its tenants as given. */
  TestServer(StoreProvider provider, TenantMaker tenants, EngineConfig engineConfig,
      UnaryOperator<ScimFeature.Builder> customize) {
    this(null, provider, tenants, engineConfig, UnaryOperator.identity(), ApiKeyAuthenticator::new, customize);
  }

  private TestServer(InMemoryStoreProvider memory, StoreProvider provider, TenantMaker tenants,
      EngineConfig engineConfig, UnaryOperator<ScimEngine.Builder> engineCustomize,
      Function<InMemoryApiKeyStore, BearerAuthenticator> authenticator, UnaryOperator<ScimFeature.Builder> customize) {
    this.stores = memory;
    this.provider = provider;
    this.tenants = tenants;
    engine = engineCustomize.apply(ScimEngine.builder().stores(provider).config(engineConfig).auditSink(record -> { }))
        .build();
    ResourceConfig config = new ResourceConfig()
        .register(customize.apply(ScimFeature.builder(engine, authenticator.apply(keys))
            .basePath("scim/v2/{tenant}")).build());
    server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, false);
    GrizzlyErrorPages.install(server);
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    root = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
  }

  /** Creates a tenant and returns a fresh API key for it. */
  String tenant(String id) {
    return tenant(id, TenantSettings.defaults());
  }

  /** Creates a tenant with its settings and returns a fresh API key for it. */
  String tenant(String id, TenantSettings settings) {
    try {
      tenants.create(id, settings);
    } catch (ScimException e) {
      throw new IllegalStateException(e);
    }
    return newKey(id);
  }

  String newKey(String tenant) {
    try {
      ApiKeys.IssuedKey issued = new ApiKeys().issue(tenant, Instant.now());
      keys.replaceAll(issued.record());
      return issued.key();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  URI scim(String tenant, String path) {
    return root.resolve("scim/v2/" + tenant + "/" + path);
  }

  HttpResponse<String> send(String method, URI uri, String token, String body, String... headers) {
    return sendBytes(method, uri, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** Sends raw bytes as the body (for bodies that are not valid UTF-8); otherwise as {@link #send}. */
  HttpResponse<String> sendBytes(String method, URI uri, String token, byte[] body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/scim+json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns a text that changes whenever anything stored for the tenants changes: every user and
   * group with its version, timestamps and attributes, and every group's member ids, read straight
   * from the in-memory stores.
   */
  String fingerprint(String... tenants) {
    StringBuilder text = new StringBuilder();
    try {
      for (String tenant : tenants) {
        TenantStores stores = provider.tenant(tenant).orElseThrow();
        text.append("tenant ").append(tenant).append('\n');
        for (RecordStore store : List.of(stores.users(), stores.groups())) {
          List<ResourceRecord> records;
          try (ResultPage<ResourceRecord> page =
                   store.search(new StoreQuery(Condition.all(), Sort.BY_ID, PageRequest.offset(0, 100_000)))) {
            records = page.items().toList();
          }
          for (ResourceRecord record : records) {
            text.append(store == stores.users() ? "user " : "group ").append(record.id())
                .append(" v").append(record.version()).append(' ').append(record.lastModified())
                .append(" attributes=").append(record.attributes());
            if (store == stores.groups()) {
              try (ResultPage<String> members =
                       stores.groups().members(new MemberQuery(record.id(), PageRequest.offset(0, 100_000)))) {
                text.append(" members=").append(members.items().toList());
              }
            }
            text.append('\n');
          }
        }
      }
    } catch (ScimException e) {
      throw new IllegalStateException(e);
    }
    return text.toString();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
