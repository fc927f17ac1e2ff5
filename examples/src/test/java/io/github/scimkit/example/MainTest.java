package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Flags and environment variables: every setting has both, and a flag wins. */
class MainTest {

  @Test
  void defaults() {
    ExampleConfig config = Main.parse(List.of(), Map.of());
    assertThat(config).isEqualTo(ExampleConfig.defaults());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.store()).isEqualTo("h2");
    assertThat(config.host()).as("this machine only unless asked").isEqualTo("127.0.0.1");
    assertThat(config.newAdminToken()).isFalse();
  }

  @Test
  void newAdminTokenTakesNoValue() {
    ExampleConfig config = Main.parse(List.of("--new-admin-token", "--port", "9002"), Map.of());
    assertThat(config.newAdminToken()).isTrue();
    assertThat(config.port()).isEqualTo(9002);
    assertThat(Main.parse(List.of("--host", "0.0.0.0"), Map.of()).host()).isEqualTo("0.0.0.0");
  }

  @Test
  void environmentVariablesThenFlags() {
    Map<String, String> env = Map.of(
        "SCIMKIT_PORT", "9000", "SCIMKIT_DATA_DIR", "/srv/scimkit", "SCIMKIT_STORE", "jdbc:postgresql://db/scimkit",
        "SCIMKIT_DB_USER", "scim", "SCIMKIT_DB_PASSWORD", "secret", "SCIMKIT_BASE_URL", "https://scim.example.com/",
        "SCIMKIT_HOST", "127.0.0.1");
    ExampleConfig fromEnv = Main.parse(List.of(), env);
    assertThat(fromEnv.port()).isEqualTo(9000);
    assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/srv/scimkit"));
    assertThat(fromEnv.store()).isEqualTo("jdbc:postgresql://db/scimkit");
    assertThat(fromEnv.dbUser()).contains("scim");
    assertThat(fromEnv.dbPassword()).contains("secret");
    assertThat(fromEnv.baseUrl()).contains("https://scim.example.com");
    assertThat(fromEnv.host()).isEqualTo("127.0.0.1");

    ExampleConfig flags = Main.parse(List.of("--port=9001", "--store", "memory", "--data-dir", "d", "--new-key", "acme-1"),
        env);
    assertThat(flags.port()).isEqualTo(9001);
    assertThat(flags.store()).isEqualTo("memory");
    assertThat(flags.dataDir()).isEqualTo(Path.of("d"));
    assertThat(flags.newKeyFor()).isEqualTo(Optional.of("acme-1"));
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> Main.parse(List.of("--colour", "red"), Map.of())).hasMessageContaining("Unknown option");
    assertThatThrownBy(() -> Main.parse(List.of("--port"), Map.of())).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Main.parse(List.of("--port", "eighty"), Map.of())).hasMessageContaining("number");
    assertThatThrownBy(() -> Main.parse(List.of("--store", "mongodb"), Map.of())).hasMessageContaining("h2, memory");
    assertThatThrownBy(() -> Main.parse(List.of(), Map.of("SCIMKIT_PORT", "70000"))).hasMessageContaining("65535");
    assertThatThrownBy(() -> Main.parse(List.of("--help"), Map.of())).isInstanceOf(Main.HelpRequested.class);
  }
}
