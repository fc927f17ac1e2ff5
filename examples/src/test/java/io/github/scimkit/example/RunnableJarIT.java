package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged example, {@code java -jar target/scimkit-example.jar}, as the README runs it (failsafe
 * runs this after {@code package}): it starts from the jar and its {@code lib/}, listens on
 * 127.0.0.1 by default, serves SCIM, and logs through Logback at INFO to standard error, without a
 * WADL warning.
 */
class RunnableJarIT {

  private static final Path JAR = Path.of("target", "scimkit-example.jar");

  @Test
  void theJarRunsWithItsLogVisible() throws Exception {
    assertThat(JAR).as("built by mvn package").exists();
    try (ExampleProcess server = ExampleProcess.startJar(JAR, "runnable-jar", "--store", "memory", "--port", "0")) {
      String scimUrl = server.awaitLine("SCIM_URL");
      String key = server.awaitLine("SCIM_API_KEY");
      Http.Response users = Http.scim("GET", scimUrl + "/Users", key, null);
      assertThat(users.status()).as(users.toString()).isEqualTo(200);

      List<String> log = server.log();
      assertThat(log).anySatisfy(line -> assertThat(line)
          .contains("INFO").contains("ScimKit example listening on 127.0.0.1:"));
      assertThat(log).noneSatisfy(line -> assertThat(line).containsIgnoringCase("wadl"));
      try (var libs = Files.list(JAR.resolveSibling("lib"))) {
        assertThat(libs.map(lib -> lib.getFileName().toString())).anyMatch(name -> name.startsWith("logback-classic"));
      }
    }
  }
}
