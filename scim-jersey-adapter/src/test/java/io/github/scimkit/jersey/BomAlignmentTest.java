package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** scim-bom hands hosts the Jersey version this adapter is built and tested on. */
class BomAlignmentTest {

  @Test
  void theBomAlignsTheJerseyTheAdapterRunsOn() throws Exception {
    String bom = Files.readString(Path.of("../scim-bom/pom.xml"));
    Matcher version = Pattern.compile("<jersey.version>([^<]+)</jersey.version>").matcher(bom);
    assertThat(version.find()).as("scim-bom declares jersey.version").isTrue();

    Properties jerseyServer = new Properties();
    try (InputStream in = ResourceConfig.class.getResourceAsStream(
        "/META-INF/maven/org.glassfish.jersey.core/jersey-server/pom.properties")) {
      assertThat(in).as("jersey-server's pom.properties").isNotNull();
      jerseyServer.load(in);
    }
    assertThat(version.group(1)).isEqualTo(jerseyServer.getProperty("version"));
  }
}
