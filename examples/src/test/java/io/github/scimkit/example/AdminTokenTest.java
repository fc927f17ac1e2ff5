package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --new-admin-token} replaces a lost admin token: it prints the new one and the old one stops working. */
class AdminTokenTest {

  @TempDir
  Path dataDir;

  @Test
  void aNewAdminTokenReplacesTheOldOne() throws Exception {
    ExampleConfig config = ExampleConfig.defaults().withPort(0).withDataDir(dataDir);
    String oldToken;
    try (ExampleServer first = ExampleServer.start(config.withNewAdminToken())) {
      oldToken = first.firstStart().orElseThrow().adminToken();
      assertThat(first.newAdminToken()).as("the first start's token is the only one issued").isEmpty();
    }
    String newToken;
    try (ExampleServer again = ExampleServer.start(config.withNewAdminToken())) {
      newToken = again.newAdminToken().orElseThrow();
      assertThat(newToken).startsWith(Organizations.ADMIN_TOKEN_PREFIX).isNotEqualTo(oldToken);
      assertThat(printed(again)).contains("ADMIN_TOKEN=" + newToken).doesNotContain("SCIM_API_KEY=");
      String organizations = again.adminUrl() + "api/organizations";
      assertThat(Http.get(organizations, oldToken).status()).isEqualTo(401);
      assertThat(Http.get(organizations, newToken).status()).isEqualTo(200);
    }
    try (ExampleServer later = ExampleServer.start(config)) {
      assertThat(later.newAdminToken()).isEmpty();
      assertThat(Http.get(later.adminUrl() + "api/organizations", newToken).status()).isEqualTo(200);
    }
  }

  private static String printed(ExampleServer server) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.printLines(server, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
