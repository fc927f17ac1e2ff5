package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.jersey.auth.AuthenticatedClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group members are read from the store only when the response carries them, page by page. */
@DisplayName("Streaming group members")
class MemberStreamingTest {

  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

  private final InMemoryStoreProvider memory = new InMemoryStoreProvider();
  private final AtomicInteger memberPages = new AtomicInteger();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() {
    memory.createTenant("acme");
    StoreProvider counting = tenantId -> memory.tenant(tenantId).map(this::countingMemberPages);
    ScimEngine engine = ScimEngine.builder().stores(counting).auditSink(record -> { })
        .config(io.github.scimkit.core.config.EngineConfig.builder().maxPageSize(100).defaultPageSize(100).build())
        .build();
    ScimFeature feature = ScimFeature.builder(engine,
            token -> Optional.of(new AuthenticatedClient("tester", "acme", Optional.empty())))
        .rateLimit(0, 1)
        .build();
    server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        new ResourceConfig().register(feature), true);
    base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/scim/v2/");
  }

  @AfterEach
  void stop() {
    server.shutdownNow();
  }

  /** Wraps a tenant so that every call of GroupStore.members(...) is counted. */
  private TenantStores countingMemberPages(TenantStores tenant) {
    GroupStore groups = tenant.groups();
    GroupStore counted = (GroupStore) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {GroupStore.class}, forwarding(groups, "members"));
    InvocationHandler tenantHandler = (proxy, method, args) -> {
      if (method.getName().equals("groups")) {
        return counted;
      }
      try {
        return method.invoke(tenant, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (TenantStores) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TenantStores.class},
        tenantHandler);
  }

  private InvocationHandler forwarding(Object target, String countedMethod) {
    return (proxy, method, args) -> {
      // A count-only page (membersMetadata.memberCount) reads no member ids, so it is not counted.
      boolean countOnly = args != null && args.length == 1 && args[0] instanceof MemberQuery query
          && query.page() instanceof PageRequest.CountOnly;
      if (method.getName().equals(countedMethod) && !countOnly) {
        memberPages.incrementAndGet();
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer any")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/scim+json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String groupWith(int members) throws Exception {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < members; i++) {
      String body = send("POST", "Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"m" + i + "\"}").body();
      String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
      list.append(i == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
    }
    String created = send("POST", "Groups",
        "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"big\",\"members\":[" + list + "]}").body();
    return created.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
  }

  @Test
  @DisplayName("makes no member query at all for excludedAttributes=members")
  void excludedMembersAreNeverRead() throws Exception {
    String group = groupWith(3);
    memberPages.set(0);
    HttpResponse<String> get = send("GET", "Groups/" + group + "?excludedAttributes=members", null);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).doesNotContain("\"members\"");
    HttpResponse<String> list = send("GET", "Groups?excludedAttributes=members&filter=displayName%20eq%20%22big%22", null);
    assertThat(list.body()).contains("\"totalResults\":1").doesNotContain("\"members\"");
    assertThat(memberPages.get()).isZero();
  }

  @Test
  @DisplayName("reads 250 members in pages of at most the maximum page size")
  void membersArePaged() throws Exception {
    String group = groupWith(250);
    memberPages.set(0);
    HttpResponse<String> get = send("GET", "Groups/" + group, null);
    assertThat(get.body().split("\"type\":\"User\"", -1)).hasSize(251);
    assertThat(memberPages.get()).isEqualTo(3);
  }
}
