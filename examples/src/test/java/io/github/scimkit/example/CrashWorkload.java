package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes from several threads to a running example server and remembers, for every user it
 * touched, the state the server acknowledged and the state the request in flight would have
 * made, so that after a crash and a restart {@link #verify} can tell a lost or half-applied write.
 *
 * <p>Each writer owns its users and one group, and runs a bounded loop: create a user, change its
 * {@code name.givenName}, add it to the group, on some turns remove it again, on others delete
 * the user. A writer stops at its bound, or at the first request that gets no answer (the server
 * died under it).
 */
final class CrashWorkload {

  /** What the server holds of one user: whether it exists, its given name, whether it is a member. */
  record State(boolean exists, String givenName, boolean member) {
    static final State ABSENT = new State(false, null, false);
  }

  /** One user's acknowledged state and, while a request is in flight, the state it would make. */
  static final class Tracked {
    final String userName;
    final String groupId;
    volatile String id;
    volatile State acknowledged = State.ABSENT;
    volatile State inFlight;

    Tracked(String userName, String groupId) {
      this.userName = userName;
      this.groupId = groupId;
    }
  }

  private static final String USER = "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'%s',"
      + "'name':{'givenName':'%s','familyName':'Crash'},'emails':[{'value':'%s@example.com','primary':true}]}";
  private static final String PATCH = "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[%s]}";

  private final Map<String, Tracked> users = new ConcurrentHashMap<>();
  private final List<String> groupIds = new ArrayList<>();
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final String apiKey;

  /** Creates one group per writer, before any burst; the API key stays valid across restarts. */
  CrashWorkload(String scimUrl, String apiKey, int writers) throws Exception {
    this.apiKey = apiKey;
    for (int w = 0; w < writers; w++) {
      Http.Response group = Http.scim("POST", scimUrl + "/Groups", apiKey,
          "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'crash-group-" + w + "'}");
      assertThat(group.status()).as(group.toString()).isEqualTo(201);
      groupIds.add(group.json().path("id").asText());
    }
  }

  /** Returns how many writes the server acknowledged so far, over every burst. */
  int acknowledged() {
    return acknowledged.get();
  }

  /**
   * Runs one burst: starts the writers and returns once {@code ackedBeforeReturn} more writes were
   * acknowledged (so that the caller kills the server mid-burst); the writers keep going.
   *
   * @return the writer threads, to join after the kill
   */
  List<Thread> burst(String scimUrl, String label, int opsPerWriter, int ackedBeforeReturn)
      throws InterruptedException {
    CountDownLatch enough = new CountDownLatch(ackedBeforeReturn);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < groupIds.size(); w++) {
      String group = groupIds.get(w);
      String prefix = label + "-w" + w;
      Thread thread = new Thread(() -> write(scimUrl, prefix, group, opsPerWriter, enough), "crash-" + prefix);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    assertThat(enough.await(60, TimeUnit.SECONDS)).as("%d writes acknowledged within a minute", ackedBeforeReturn)
        .isTrue();
    return threads;
  }

  private void write(String scimUrl, String prefix, String group, int ops, CountDownLatch enough) {
    int done = 0;
    try {
      for (int u = 0; done < ops; u++) {
        Tracked user = new Tracked(prefix + "-u" + u, group);
        users.put(user.userName, user);
        State created = new State(true, "g0", false);
        JsonNode answer = send(user, created, "POST", scimUrl + "/Users",
            String.format(USER, user.userName, "g0", user.userName));
        user.id = answer.path("id").asText();
        done++;
        enough.countDown();
        State renamed = new State(true, "g1", false);
        send(user, renamed, "PATCH", scimUrl + "/Users/" + user.id,
            String.format(PATCH, "{'op':'replace','path':'name.givenName','value':'g1'}"));
        done++;
        enough.countDown();
        State joined = new State(true, "g1", true);
        send(user, joined, "PATCH", scimUrl + "/Groups/" + group,
            String.format(PATCH, "{'op':'add','path':'members','value':[{'value':'" + user.id + "'}]}"));
        done++;
        enough.countDown();
        if (u % 3 == 1) {
          send(user, renamed, "PATCH", scimUrl + "/Groups/" + group,
              String.format(PATCH, "{'op':'remove','path':'members[value eq \\\"" + user.id + "\\\"]'}"));
          done++;
          enough.countDown();
        }
        if (u % 4 == 2) {
          send(user, State.ABSENT, "DELETE", scimUrl + "/Users/" + user.id, null);
          done++;
          enough.countDown();
        }
      }
    } catch (IOException | InterruptedException serverGone) {
      // The server died under the request; its outcome stays open in inFlight.
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends one write; on a 2xx the target state becomes the acknowledged one. */
  private JsonNode send(Tracked user, State target, String method, String url, String body) throws Exception {
    user.inFlight = target;
    Http.Response response = Http.scim(method, url, apiKey, body);
    if (response.status() / 100 != 2) {
      throw new IOException("Not acknowledged: " + response);
    }
    user.acknowledged = target;
    user.inFlight = null;
    acknowledged.incrementAndGet();
    return response.body().isEmpty() ? null : response.json();
  }

  /**
   * Checks, on the restarted server, that every user is in its acknowledged state or in the state
   * its in-flight request would have made, that each group lists exactly the members it should,
   * and that every user has the invitation the example's outbox owes it.
   *
   * @return how many users were checked
   */
  int verify(String scimUrl, String baseUrl, String organizationId, String adminToken) throws Exception {
    Map<String, Set<String>> members = new ConcurrentHashMap<>();
    for (String group : groupIds) {
      Http.Response answer = Http.scim("GET", scimUrl + "/Groups/" + group, apiKey, null);
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      Set<String> ids = new HashSet<>();
      answer.json().path("members").forEach(member -> ids.add(member.path("value").asText()));
      members.put(group, ids);
    }
    Set<String> existing = new HashSet<>();
    for (Tracked user : users.values()) {
      Http.Response found = Http.scim("GET", scimUrl + "/Users?filter=" + Http.encode("userName eq \"" + user.userName + "\""),
          apiKey, null);
      assertThat(found.status()).as(found.toString()).isEqualTo(200);
      JsonNode resources = found.json().path("Resources");
      State actual;
      if (resources.isEmpty()) {
        actual = State.ABSENT;
      } else {
        JsonNode resource = resources.get(0);
        String id = resource.path("id").asText();
        user.id = Objects.requireNonNullElse(user.id, id);
        existing.add(id);
        actual = new State(true, resource.path("name").path("givenName").asText(), members.get(user.groupId).contains(id));
      }
      assertThat(actual).as("user %s: acknowledged %s, in flight at the kill %s", user.userName, user.acknowledged,
          user.inFlight).isIn(user.inFlight == null ? List.of(user.acknowledged) : List.of(user.acknowledged, user.inFlight));
      user.acknowledged = actual;
      user.inFlight = null;
    }
    members.forEach((group, ids) -> assertThat(existing).as("members of %s are existing users", group).containsAll(ids));
    awaitInvitations(baseUrl, organizationId, adminToken, existing);
    return users.size();
  }

  /** Waits (bounded) until every existing user has an invitation in the outbox, as the outbox relay catches up. */
  private static void awaitInvitations(String baseUrl, String organizationId, String adminToken, Set<String> userIds)
      throws Exception {
    Set<String> missing = new HashSet<>(userIds);
    await("an invitation for every member").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Http.Response outbox = Http.get(baseUrl + "/admin/api/organizations/" + organizationId + "/outbox", adminToken);
      assertThat(outbox.status()).as(outbox.toString()).isEqualTo(200);
      outbox.json().forEach(message -> {
        if (message.path("kind").asText().equals("invitation")) {
          missing.remove(message.path("memberId").asText());
        }
      });
      assertThat(missing).as("members without an invitation").isEmpty();
    });
  }
}
