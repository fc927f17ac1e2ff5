package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example on a PostgreSQL JDBC URL ({@code --store jdbc:postgresql://…}), in a schema of its own:
 * the first start creates the demo organization, a provisioned member survives a restart. Uses
 * {@code SCIMKIT_PG_URL}, {@code SCIMKIT_PG_USER} and {@code SCIMKIT_PG_PASSWORD} (default: the local
 * server as {@code postgres}); skipped without a server, failed instead under {@code SCIMKIT_REQUIRE_PG=1}.
 */
class PostgresStoreTest {

  private static final String URL = env("SCIMKIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = env("SCIMKIT_PG_USER", "postgres");
  private static final String PASSWORD = env("SCIMKIT_PG_PASSWORD", "postgres");

  private final String schema = "example_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @BeforeEach
  void createSchema() {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String reason = "no PostgreSQL at " + URL + " (" + e.getMessage()
          + "); start one or set SCIMKIT_PG_URL, SCIMKIT_PG_USER and SCIMKIT_PG_PASSWORD";
      if ("1".equals(System.getenv("SCIMKIT_REQUIRE_PG"))) {
        fail(reason + " (SCIMKIT_REQUIRE_PG=1 makes this a failure)");
      }
      System.err.println("[SKIPPED] PostgresStoreTest: " + reason);
      Assumptions.assumeTrue(false, reason);
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void aProvisionedMemberSurvivesARestart() throws Exception {
    ExampleConfig config = ExampleConfig.defaults().withHost("127.0.0.1").withPort(0)
        .withStore(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema)
        .withDbCredentials(USER, PASSWORD);
    String admin;
    String org;
    try (ExampleServer server = ExampleServer.start(config)) {
      Organizations.FirstStart first = server.firstStart().orElseThrow();
      admin = first.adminToken();
      org = first.demo().organizationId();
      Http.Response created = Http.scim("POST", first.demo().scimUrl() + "/Users", first.demo().apiKey(),
          "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'pat',"
              + "'emails':[{'value':'pat@example.com','primary':true}]}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
    try (ExampleServer server = ExampleServer.start(config)) {
      assertThat(server.firstStart()).isEmpty();
      Http.Response members = Http.get(server.baseUrl() + "/admin/api/organizations/" + org + "/members", admin);
      assertThat(members.json()).singleElement().satisfies(member -> {
        assertThat(member.path("userName").asText()).isEqualTo("pat");
        assertThat(member.path("status").asText()).isEqualTo("Invited");
      });
      assertThat(Http.get(server.baseUrl() + "/admin/api/organizations/" + org + "/outbox", admin).json())
          .singleElement().satisfies(message -> assertThat(message.path("kind").asText()).isEqualTo("invitation"));
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
