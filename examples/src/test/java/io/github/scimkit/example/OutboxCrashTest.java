package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No member is left without an invitation when the server dies between the commit of its creation
 * and the delivery of the event: the halt-after-commit test hook stops the JVM at that point, and
 * after a restart the engine delivers the event from the outbox and the invitation appears, and
 * the member's role (from its SCIM {@code roles}) is set. On H2 and on PostgreSQL.
 */
class OutboxCrashTest {

  @Test
  void h2DeliversTheInvitationAfterARestart(@TempDir Path data) throws Exception {
    haltThenRestart("h2", List.of("--store", "h2", "--data-dir", data.toString()));
  }

  @Test
  void postgresDeliversTheInvitationAfterARestart() throws Exception {
    try (TestPostgres postgres = TestPostgres.createSchema("OutboxCrashTest")) {
      haltThenRestart("postgres", postgres.flags());
    }
  }

  private static void haltThenRestart(String name, List<String> store) throws Exception {
    List<String> flags = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1"));
    flags.addAll(store);
    String[] args = flags.toArray(String[]::new);
    ExampleProcess server = ExampleProcess.start("outbox-halt-" + name,
        List.of("-D" + TestHooks.HALT_AFTER_COMMIT + "=UserCreated"), args);
    String admin = server.awaitLine("ADMIN_TOKEN");
    String key = server.awaitLine("SCIM_API_KEY");
    String scimUrl = server.awaitLine("SCIM_URL");
    String organization = scimUrl.substring(scimUrl.lastIndexOf('/') + 1);

    Http.Response unanswered;
    try {
      unanswered = Http.scim("POST", scimUrl + "/Users", key,
          "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'kai',"
              + "'emails':[{'value':'kai@example.com','primary':true}],'roles':[{'value':'admin','primary':true}]}");
    } catch (java.io.IOException e) {
      unanswered = null;
    }
    assertThat(unanswered).as("the server died before answering").isNull();
    assertThat(server.awaitExit()).as("exit status of Runtime.halt(137)").isEqualTo(137);

    try (ExampleProcess restarted = ExampleProcess.start("outbox-restart-" + name, args)) {
      String baseUrl = restarted.awaitLine("ADMIN_URL").replaceAll("/admin/$", "");
      JsonNode members = Http.get(baseUrl + "/admin/api/organizations/" + organization + "/members", admin).json();
      assertThat(members).as("the committed member").singleElement()
          .satisfies(member -> assertThat(member.path("userName").asText()).isEqualTo("kai"));
      String memberId = members.get(0).path("id").asText();
      await("invitation delivered from the outbox").atMost(Duration.ofSeconds(30))
          .until(() -> hasInvitation(baseUrl, organization, admin, memberId));
      await("role set from the outbox").atMost(Duration.ofSeconds(30)).until(() -> Http.get(baseUrl
          + "/admin/api/organizations/" + organization + "/members/" + memberId, admin).json().path("role").asText(),
          "Admin"::equals);
    }
  }

  private static boolean hasInvitation(String baseUrl, String organization, String admin, String memberId)
      throws Exception {
    for (JsonNode message : Http.get(baseUrl + "/admin/api/organizations/" + organization + "/outbox", admin).json()) {
      if (message.path("kind").asText().equals("invitation") && message.path("memberId").asText().equals(memberId)) {
        return true;
      }
    }
    return false;
  }
}
