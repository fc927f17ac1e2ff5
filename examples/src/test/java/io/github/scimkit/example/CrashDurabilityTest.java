package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost when the server is killed: the example server runs in a child JVM,
 * four writers create, rename, delete users and add and remove group members, the server gets
 * SIGKILL mid-burst, and after a restart on the same data every user is in the state the server
 * acknowledged (or the one its request in flight would have made), groups list exactly their
 * members, and every member has its invitation. Three cycles on H2, three on PostgreSQL.
 */
class CrashDurabilityTest {

  private static final int CYCLES = 3;
  private static final int WRITERS = 4;
  private static final int OPS_PER_WRITER = 20;
  private static final int KILL_AFTER_ACKS = 16;

  @Test
  void h2KeepsEveryAcknowledgedWrite(@TempDir Path data) throws Exception {
    crashCycles("h2", List.of("--store", "h2", "--data-dir", data.toString()));
  }

  @Test
  void postgresKeepsEveryAcknowledgedWrite() throws Exception {
    try (TestPostgres postgres = TestPostgres.createSchema("CrashDurabilityTest")) {
      crashCycles("postgres", postgres.flags());
    }
  }

  private static void crashCycles(String name, List<String> store) throws Exception {
    List<String> flags = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1"));
    flags.addAll(store);
    String[] args = flags.toArray(String[]::new);
    ExampleProcess server = ExampleProcess.start("crash-" + name + "-0", args);
    String adminToken = server.awaitLine("ADMIN_TOKEN");
    String apiKey = server.awaitLine("SCIM_API_KEY");
    String scimUrl = server.awaitLine("SCIM_URL");
    String organization = scimUrl.substring(scimUrl.lastIndexOf('/') + 1);
    CrashWorkload workload = new CrashWorkload(scimUrl, apiKey, WRITERS);
    int users = 0;
    for (int cycle = 1; cycle <= CYCLES; cycle++) {
      List<Thread> writers = workload.burst(scimUrl, name + "-c" + cycle, OPS_PER_WRITER, KILL_AFTER_ACKS);
      assertThat(server.kill()).as("exit status after SIGKILL").isEqualTo(137);
      for (Thread writer : writers) {
        writer.join(30_000);
        assertThat(writer.isAlive()).as("writer stopped after the kill").isFalse();
      }
      server = ExampleProcess.start("crash-" + name + "-" + cycle, args);
      String baseUrl = server.awaitLine("ADMIN_URL").replaceAll("/admin/$", "");
      scimUrl = baseUrl + "/scim/v2/" + organization;
      users = workload.verify(scimUrl, baseUrl, organization, adminToken);
    }
    server.close();
    assertThat(users).isPositive();
    System.err.printf("CrashDurabilityTest %s: %d kills, %d writes acknowledged, %d users checked, none lost%n",
        name, CYCLES, workload.acknowledged(), users);
  }
}
