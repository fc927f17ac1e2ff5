package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM stops the server in order: a SCIM write in flight (held in its unit of work by the
 * slow-write test hook) completes and is acknowledged, the process then exits with 143, and after
 * a restart the member is there with the invitation its unit of work promised, and its audit line
 * (queued in the example's {@code AsyncAuditSink}) is in the log. A request sent
 * after the signal either completes the same way or is refused, never half done.
 */
class OrderlyShutdownTest {

  private static final String USER = "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'%s',"
      + "'emails':[{'value':'%s@example.com','primary':true}]}";

  @Test
  void aWriteInFlightCompletesAndKeepsItsInvitation(@TempDir Path data) throws Exception {
    String[] flags = {"--port", "0", "--host", "127.0.0.1", "--store", "h2", "--data-dir", data.toString()};
    ExampleProcess server = ExampleProcess.start("shutdown-slow",
        List.of("-D" + TestHooks.SLOW_WRITES + "=2000", "-Dscimkit.test.logLevel=INFO"), flags);
    String admin = server.awaitLine("ADMIN_TOKEN");
    String key = server.awaitLine("SCIM_API_KEY");
    String scimUrl = server.awaitLine("SCIM_URL");
    String organization = scimUrl.substring(scimUrl.lastIndexOf('/') + 1);

    CompletableFuture<Http.Response> inFlight = CompletableFuture.supplyAsync(() -> post(scimUrl, key, "held"));
    server.awaitLine("SLOW_WRITE");
    CompletableFuture<Http.Response> late = CompletableFuture.supplyAsync(() -> post(scimUrl, key, "late"));
    assertThat(server.terminate()).as("exit status after SIGTERM").isEqualTo(143);

    Http.Response held = inFlight.get(60, TimeUnit.SECONDS);
    assertThat(held.status()).as(held.toString()).isEqualTo(201);
    Http.Response lateAnswer = late.get(60, TimeUnit.SECONDS);
    assertThat(lateAnswer.status()).as("a request after SIGTERM: %s", lateAnswer).isIn(201, 503, -1);
    String heldAudit = "operation=CREATE id=" + held.json().path("id").asText() + " status=201 outcome=success";
    assertThat(server.log()).as("the acknowledged write's audit line, written off the request thread before exit")
        .anyMatch(line -> line.contains("[scimkit-audit] scimkit.audit") && line.contains(heldAudit));
    if (lateAnswer.status() == 503) {
      assertThat(lateAnswer.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    try (ExampleProcess restarted = ExampleProcess.start("shutdown-restart", flags)) {
      String baseUrl = restarted.awaitLine("ADMIN_URL").replaceAll("/admin/$", "");
      String heldId = held.json().path("id").asText();
      Http.Response member = Http.get(baseUrl + "/admin/api/organizations/" + organization + "/members/" + heldId, admin);
      assertThat(member.status()).as(member.toString()).isEqualTo(200);
      assertThat(member.json().path("status").asText()).isEqualTo("Invited");
      Http.Response outbox = Http.get(baseUrl + "/admin/api/organizations/" + organization + "/outbox", admin);
      assertThat(outbox.json()).anySatisfy(message -> {
        assertThat(message.path("kind").asText()).isEqualTo("invitation");
        assertThat(message.path("memberId").asText()).isEqualTo(heldId);
      });
      if (lateAnswer.status() == 201) {
        String lateId = lateAnswer.json().path("id").asText();
        assertThat(Http.get(baseUrl + "/admin/api/organizations/" + organization + "/members/" + lateId, admin).status())
            .isEqualTo(200);
      }
    }
  }

  /** Posts a user; a request the server never answered is status -1. */
  private static Http.Response post(String scimUrl, String key, String userName) {
    try {
      return Http.scim("POST", scimUrl + "/Users", key, String.format(USER, userName, userName));
    } catch (Exception e) {
      return new Http.Response(-1, e.toString());
    }
  }
}
