package io.github.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.tenant.ApiKeys;
import io.github.scimkit.core.tenant.TenantSettings;
import io.github.scimkit.jersey.ScimFeature;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Store failures seen over HTTP: hostile input is a clean SCIM 400 or 404, a statement over its
 * time budget a 503 that changes nothing and returns its connection, an unavailable database a
 * 503; no answer carries SQL, SQLState, table, column, driver or class names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreFailureHttpTest {

  private static final String TENANT = "acme";
  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private TestDatabases.Database database;
  private HttpServer server;
  private URI root;
  private String token;

  abstract TestDatabases.Database open();

  @BeforeAll
  void start() throws Exception {
    database = open();
    JdbcStoreProvider stores = JdbcStoreProvider.builder(database.dataSource())
        .statementTimeout(Duration.ofSeconds(1)).build();
    stores.createTenant(TENANT, TenantSettings.defaults());
    ApiKeys.IssuedKey issued = new ApiKeys().issue(TENANT, Instant.now());
    stores.apiKeyStore().add(issued.record());
    token = issued.key();
    server = serve(stores);
    root = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/scim/v2/" + TENANT + "/");
  }

  private static HttpServer serve(JdbcStoreProvider stores) {
    ScimEngine engine = ScimEngine.builder().stores(stores).auditSink(record -> { }).build();
    ResourceConfig config = new ResourceConfig().register(ScimFeature.builder(engine,
        new ApiKeyAuthenticator(stores.apiKeyStore())).basePath("scim/v2/{tenant}").rateLimit(0, 1).build());
    return GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, true);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.shutdownNow();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName("A NUL in a body is a SCIM 400 invalidValue, and GET /Users/%00 a SCIM 404")
  void nulIsRefusedCleanly() throws Exception {
    HttpResponse<String> created = send("POST", "Users",
        "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"nul\\u0000user\"}");
    assertScimError(created, 400);
    assertThat(json.readTree(created.body()).path("scimType").asText()).isEqualTo("invalidValue");
    assertThat(json.readTree(created.body()).path("detail").asText()).contains("userName");
    assertScimError(send("GET", "Users/%00", null), 404);
  }

  @Test
  @DisplayName("A write that waits past the statement budget gets a 503 without internals, changes nothing and frees its connection")
  void overBudgetWriteFreesItsConnection() throws Exception {
    HttpResponse<String> created = send("POST", "Users",
        "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"locked\",\"displayName\":\"before\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json.readTree(created.body()).path("id").asText();
    String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"after\"}]}";
    try (Connection holder = database.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock = holder.prepareStatement("SELECT version FROM scim_resource WHERE id = ? FOR UPDATE")) {
        lock.setString(1, id);
        try (ResultSet row = lock.executeQuery()) {
          assertThat(row.next()).isTrue();
        }
      }
      HttpResponse<String> waited = send("PATCH", "Users/" + id, patch);
      assertScimError(waited, 503);
      assertThat(json.readTree(waited.body()).path("detail").asText())
          .contains("time budget").contains("correlation id " + waited.headers().firstValue("X-Correlation-Id").orElseThrow());
      holder.rollback();
    }
    assertThat(((HikariDataSource) database.dataSource()).getHikariPoolMXBean().getActiveConnections()).isZero();
    JsonNode unchanged = json.readTree(send("GET", "Users/" + id, null).body());
    assertThat(unchanged.path("displayName").asText()).isEqualTo("before");
    assertThat(unchanged.path("meta").path("version").asText()).isEqualTo(json.readTree(created.body()).path("meta").path("version").asText());
    assertThat(send("PATCH", "Users/" + id, patch).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("An unavailable database is a 503 with a generic detail and the correlation id")
  void unavailableDatabase() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setDataSource(database.dataSource());
    config.setConnectionTimeout(250);
    HikariDataSource closed = new HikariDataSource(config);
    closed.close();
    HttpServer down = serve(JdbcStoreProvider.builder((DataSource) closed).build());
    try {
      URI downRoot = URI.create("http://127.0.0.1:" + down.getListener("grizzly").getPort() + "/scim/v2/" + TENANT + "/");
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(downRoot.resolve("Users"))
          .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertScimError(response, 503);
      assertThat(json.readTree(response.body()).path("detail").asText())
          .contains("correlation id " + response.headers().firstValue("X-Correlation-Id").orElseThrow());
    } finally {
      down.shutdownNow();
    }
  }

  /** A SCIM error with the status, and nothing of the database in it. */
  private void assertScimError(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/scim+json");
    assertThat(json.readTree(response.body()).path("schemas").get(0).asText())
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(response.body().toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("sql", "scim_resource", "scim_value", "select ", "insert ", "update ", "org.", "java.",
            "hikari", "postgres", "h2", "jdbc", "canceling", "exception");
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(60));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/scim+json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
