package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example on a PostgreSQL JDBC URL ({@code --store jdbc:postgresql://…}), in a schema of its own:
 * the first start creates the demo organization, a provisioned member survives a restart. Uses
 * {@code SCIMKIT_PG_URL}, {@code SCIMKIT_PG_USER} and {@code SCIMKIT_PG_PASSWORD} (default: the local
 * server as {@code postgres}); skipped without a server, failed instead under {@code SCIMKIT_REQUIRE_PG=1}.
 */
class PostgresStoreTest {

  private TestPostgres postgres;

  @BeforeEach
  void createSchema() {
    postgres = TestPostgres.createSchema("PostgresStoreTest");
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aProvisionedMemberSurvivesARestart() throws Exception {
    ExampleConfig config = ExampleConfig.defaults().withHost("127.0.0.1").withPort(0)
        .withStore(postgres.url())
        .withDbCredentials(TestPostgres.USER, TestPostgres.PASSWORD);
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
}
