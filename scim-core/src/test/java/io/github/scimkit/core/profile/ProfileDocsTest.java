package io.github.scimkit.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scimkit.core.mapping.ScimMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code docs/idp/<name>.md} in step with the profiles. Run with {@code
 * -Dscimkit.writeDocs=true} to rewrite the generated sections instead of failing.
 */
@DisplayName("ProfileDocs")
class ProfileDocsTest {

  static Stream<String> profiles() {
    return IdpProfiles.builtIns().all().stream().map(IdpProfile::name);
  }

  @ParameterizedTest(name = "docs/idp/{0}.md")
  @MethodSource("profiles")
  @DisplayName("the committed page's generated section is what the profile renders")
  void pageMatches(String name) throws IOException {
    Path page = docs().resolve(name + ".md");
    assertThat(page).as("every built-in profile has a page").exists();
    String text = Files.readString(page, StandardCharsets.UTF_8);
    String generated = ProfileDocs.render(IdpProfiles.builtIns().require(name), ScimMapping.defaults());
    if (Boolean.getBoolean("scimkit.writeDocs")) {
      Files.writeString(page, ProfileDocs.replaceGenerated(text, generated), StandardCharsets.UTF_8);
      return;
    }
    assertThat(ProfileDocs.generatedPart(text))
        .as("docs/idp/%s.md is out of date: run the build with -Dscimkit.writeDocs=true", name)
        .isEqualTo(generated);
  }

  @Test
  @DisplayName("renders tolerances, recognition, the mapping with the email order, and the lifecycle")
  void rendersEverything() {
    String entra = ProfileDocs.render(IdpProfiles.builtIns().require("entra"), ScimMapping.defaults());
    assertThat(entra)
        .contains("| `STRING_BOOLEANS` |")
        .contains("| `userName` | `userName` |")
        .contains("| `members` | memberships in the group store |")
        .contains("1. `emails[primary eq true].value`\n2. `userName`, when it is an email address\n")
        .contains("| Remove a user from an assigned group |")
        .doesNotContain("MESSAGE_MEMBER_ANY_CASE");
    String okta = ProfileDocs.render(IdpProfiles.builtIns().require("okta"), ScimMapping.defaults());
    assertThat(okta).contains("`User-Agent` starts with `Okta`").contains("2. `emails[type eq \"work\"].value`");
  }

  @Test
  @DisplayName("replaces only what is between the markers, and needs both")
  void markers() {
    String page = "intro\n" + ProfileDocs.START + "\nold\n" + ProfileDocs.END + "\nend\n";
    String replaced = ProfileDocs.replaceGenerated(page, "new\n");
    assertThat(replaced).isEqualTo("intro\n" + ProfileDocs.START + "\nnew\n" + ProfileDocs.END + "\nend\n");
    assertThat(ProfileDocs.generatedPart(replaced)).isEqualTo("new\n");
    assertThatThrownBy(() -> ProfileDocs.generatedPart("no markers")).isInstanceOf(IllegalArgumentException.class);
  }

  private static Path docs() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs/idp"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("a docs/idp directory above the working directory").isNotNull();
    return dir.resolve("docs/idp");
  }
}
