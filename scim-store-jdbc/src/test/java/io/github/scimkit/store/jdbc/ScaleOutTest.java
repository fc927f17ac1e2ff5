package io.github.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.tenant.ApiKeys;
import io.github.scimkit.core.tenant.TenantSettings;
import io.github.scimkit.jersey.ScimFeature;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances over one PostgreSQL schema, as a scaled-out deployment runs them: each has
 * its own connection pool, {@link JdbcStoreProvider}, {@link ScimEngine} and Grizzly server, and
 * they share nothing but the database. Concurrent writes sent through both must lose nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Two servers on one PostgreSQL database")
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a guard against a hang, far above any loaded run
class ScaleOutTest {

  private static final String TENANT = "scale-out";
  private static final int THREADS = 8;
  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(30))
      .build();

  @RegisterExtension
  static final JdbcTestDatabase DATABASE = JdbcTestDatabase.postgres();

  private final List<Instance> instances = new ArrayList<>();
  private JdbcStoreProvider inspector;
  private String token;

  /** One server instance: its own pool, provider, engine and HTTP server. */
  private static final class Instance implements AutoCloseable {
    final HikariDataSource pool;
    final HttpServer server;
    final URI root;

    Instance(HikariDataSource pool) {
      this.pool = pool;
      JdbcStoreProvider stores = JdbcStoreProvider.builder(pool).build();
      ScimEngine engine = ScimEngine.builder().stores(stores).auditSink(record -> { }).build();
      ResourceConfig config = new ResourceConfig().register(
          ScimFeature.builder(engine, new ApiKeyAuthenticator(stores.apiKeyStore()))
              // Limiting off: the default 100 requests a second (bursts of 200) per tenant would
              // answer 429 to these tests' hundreds of quick requests, depending on the machine's speed.
              .basePath("scim/v2/{tenant}").rateLimit(0, 1).build());
      server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, true);
      root = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/scim/v2/" + TENANT + "/");
    }

    @Override
    public void close() {
      server.shutdownNow();
      pool.close();
    }
  }

  @BeforeAll
  void start() throws Exception {
    inspector = DATABASE.provider();
    inspector.createTenant(TENANT, TenantSettings.defaults());
    ApiKeys.IssuedKey issued = new ApiKeys().issue(TENANT, Instant.now());
    inspector.apiKeyStore().add(issued.record());
    token = issued.key();
    for (int i = 0; i < 2; i++) {
      instances.add(new Instance(DATABASE.database().openPool(6)));
    }
    assertThat(instances.get(0).root).isNotEqualTo(instances.get(1).root);
  }

  @AfterAll
  void stop() {
    for (Instance instance : instances) {
      instance.close();
    }
  }

  @Test
  @DisplayName("8 threads PATCH-adding distinct members to one group through both servers lose none "
      + "(96 members; 400 under scimkit.test.heavy)")
  void concurrentMemberAddsLoseNothing() throws Exception {
    int perThread = TestDatabases.scaled(12, 50);
    List<String> userIds = new ArrayList<>();
    for (int i = 0; i < THREADS * perThread; i++) {
      ObjectNode user = json.createObjectNode();
      user.putArray("schemas").add(USER_SCHEMA);
      user.put("userName", "member-" + i);
      HttpResponse<String> created = send(instance(i), "POST", "Users", user.toString(), null);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      userIds.add(json.readTree(created.body()).get("id").asText());
    }
    ObjectNode group = json.createObjectNode();
    group.putArray("schemas").add(GROUP_SCHEMA);
    group.put("displayName", "everyone");
    HttpResponse<String> createdGroup = send(instance(0), "POST", "Groups", group.toString(), null);
    assertThat(createdGroup.statusCode()).as(createdGroup.body()).isEqualTo(201);
    String groupId = json.readTree(createdGroup.body()).get("id").asText();

    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    runConcurrently(thread -> {
      for (int j = 0; j < perThread; j++) {
        String memberId = userIds.get(thread * perThread + j);
        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + memberId + "\"}]}]}";
        HttpResponse<String> response = send(instance(thread + j), "PATCH", "Groups/" + groupId, patch, null);
        statuses.merge(response.statusCode(), 1, Integer::sum);
        if (response.statusCode() != 204) {
          failures.add(response.statusCode() + " " + response.body());
        }
      }
    });

    assertThat(failures).isEmpty();
    assertThat(statuses).containsExactly(Map.entry(204, THREADS * perThread));
    TenantStores stores = inspector.tenant(TENANT).orElseThrow();
    List<String> members;
    try (ResultPage<String> page = stores.groups().members(new MemberQuery(groupId, PageRequest.offset(0, 1_000)))) {
      assertThat(page.totalResults()).hasValue(THREADS * perThread);
      members = page.items().toList();
    }
    assertThat(members).hasSize(THREADS * perThread).containsExactlyInAnyOrderElementsOf(userIds);
    // Every PATCH that added a member raised the group's version exactly once.
    assertThat(stores.groups().get(groupId).orElseThrow().version()).isEqualTo(1L + THREADS * perThread);
  }

  @Test
  @DisplayName("8 threads doing GET then PUT with If-Match on one user through both servers end in 200 or 412, never a lost write")
  void conditionalReplacesNeverLoseAWrite() throws Exception {
    ObjectNode user = json.createObjectNode();
    user.putArray("schemas").add(USER_SCHEMA);
    user.put("userName", "contended");
    user.put("displayName", "initial");
    HttpResponse<String> created = send(instance(0), "POST", "Users", user.toString(), null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String userId = json.readTree(created.body()).get("id").asText();
    assertThat(version(created)).isEqualTo(1L);

    int rounds = 15;
    // The version each successful PUT produced, with the displayName it wrote.
    Map<Long, String> successes = new ConcurrentHashMap<>();
    AtomicInteger preconditionFailures = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    runConcurrently(thread -> {
      for (int round = 0; round < rounds; round++) {
        Instance instance = instance(thread + round);
        HttpResponse<String> read = send(instance, "GET", "Users/" + userId, null, null);
        if (read.statusCode() != 200) {
          failures.add("GET " + read.statusCode() + " " + read.body());
          continue;
        }
        long seen = version(read);
        String displayName = "thread-" + thread + "-round-" + round;
        ObjectNode body = json.createObjectNode();
        body.putArray("schemas").add(USER_SCHEMA);
        body.put("userName", "contended");
        body.put("displayName", displayName);
        HttpResponse<String> written = send(instance(thread + round + 1), "PUT", "Users/" + userId, body.toString(),
            "W/\"" + seen + "\"");
        if (written.statusCode() == 200) {
          long version = version(written);
          String previous = successes.putIfAbsent(version, displayName);
          if (previous != null) {
            failures.add("two writes both produced version " + version + ": " + previous + " and " + displayName);
          }
          if (version != seen + 1) {
            failures.add("a write conditioned on version " + seen + " produced version " + version);
          }
        } else if (written.statusCode() == 412) {
          preconditionFailures.incrementAndGet();
        } else {
          failures.add("PUT " + written.statusCode() + " " + written.body());
        }
      }
    });

    assertThat(failures).isEmpty();
    assertThat(successes).isNotEmpty();
    assertThat(successes.size() + preconditionFailures.get()).isEqualTo(THREADS * rounds);
    ResourceRecord stored = inspector.tenant(TENANT).orElseThrow().users().get(userId).orElseThrow();
    // Each success raised the version by one, from 1: none was overwritten unseen.
    assertThat(stored.version()).isEqualTo(1L + successes.size());
    Set<Long> expectedVersions = new HashSet<>();
    for (long v = 2; v <= stored.version(); v++) {
      expectedVersions.add(v);
    }
    assertThat(successes.keySet()).isEqualTo(expectedVersions);
    // The last success is what is stored, through either server.
    String last = successes.get(stored.version());
    for (Instance instance : instances) {
      HttpResponse<String> read = send(instance, "GET", "Users/" + userId, null, null);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(json.readTree(read.body()).path("displayName").asText()).isEqualTo(last);
      assertThat(version(read)).isEqualTo(stored.version());
    }
    assertThat(successes.values()).contains(last);
  }

  /** What one client thread does, given its index. */
  @FunctionalInterface
  private interface Work {
    void run(int thread) throws Exception;
  }

  /** Runs the work on {@link #THREADS} threads released together, and rethrows the first failure. */
  private static void runConcurrently(Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          work.run(thread);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(240, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The server a request with this index goes to: even to the first, odd to the second. */
  private Instance instance(int index) {
    return instances.get(Math.floorMod(index, 2));
  }

  private long version(HttpResponse<String> response) {
    String tag = response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    return Long.parseLong(tag.replace("W/", "").replace("\"", ""));
  }

  private HttpResponse<String> send(Instance instance, String method, String path, String body, String ifMatch) {
    HttpRequest.Builder request = HttpRequest.newBuilder(instance.root.resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/scim+json");
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
