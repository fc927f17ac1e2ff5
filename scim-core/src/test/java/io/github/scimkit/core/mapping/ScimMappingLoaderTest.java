package io.github.scimkit.core.mapping;

import static io.github.scimkit.core.mapping.Scim.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.types.SchemaResource;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.tenant.ScimMode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScimMappingLoaderTest {

  private static Path resource(String name) throws Exception {
    return Path.of(ScimMappingLoaderTest.class.getResource("/mapping/" + name).toURI());
  }

  @Test
  void loadsYamlOnTopOfTheDefaults() throws Exception {
    ScimMapping mapping = ScimMapping.load(resource("acme.yaml"), null);

    assertThat(mapping.users().rules()).extracting(MappingRule::recordAttribute)
        .startsWith("userName").contains("dept").endsWith("badge");
    assertThat(mapping.users().schemas()).extracting(SchemaResource::getName)
        .containsExactly("User", "EnterpriseUser", "AcmeUser");
    assertThat(mapping.users().uniqueAttributes()).containsExactly(
        UniqueAttribute.caseInsensitive("userName"), UniqueAttribute.caseExact("externalId"));
    assertThat(mapping.groups().uniqueAttributes()).containsExactly(UniqueAttribute.caseInsensitive("name"));
    assertThat(mapping.users().read(body("""
        {'urn:example:params:scim:schemas:extension:acme:2.0:User': {'badgeNumber': 3}}"""),
        ScimMode.STRICT).asMap()).isEqualTo(Map.of("badge", 3L));
  }

  @Test
  void loadsJsonWithDerivedValues() throws Exception {
    ScimMapping mapping = ScimMapping.load(resource("flat.json"), null);

    assertThat(mapping.users().read(body("{'userName': 'a@x'}"), ScimMode.STRICT).asMap())
        .isEqualTo(Map.of("user_name", "a@x", "email", "a@x"));
    assertThat(mapping.groups().rules()).extracting(MappingRule::path).containsExactly("displayName");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{users: {rules: [{path: userName}]}}"
          + "| users.rules[0] (userName)': 'attribute' is required",
      "{users: {rules: [{path: userName, attribute: u, typo: 1}]}}"
          + "| users.rules[0]': unknown key 'typo'",
      "{users: {rules: [{path: active, attribute: a, type: bool}]}}"
          + "| users.rules[0] (active)': 'bool' is not a type",
      "{users: {rules: [{path: 'emails.value', attribute: e}]}}"
          + "| 'emails' is multi-valued: keep it whole or bind a filtered path",
      "{users: {rules: [{path: 'emails[type co \"w\"].value', attribute: e}]}}"
          + "| an element filter is 'eq' tests joined by 'and'",
      "{users: {rules: [{path: userName, attribute: a}, {path: displayName, attribute: a}]}}"
          + "| Mapping rule 'displayName': record attribute 'a' is already bound by 'userName'",
      "{users: {rules: [{path: 'emails[type eq \"work\"].value', attribute: a},"
          + " {path: 'emails[type eq \"work\" and primary eq true].value', attribute: b}]}}"
          + "| every element it picks is also picked by 'emails[type eq \"work\"].value'",
      "{users: {rules: [{path: id, attribute: a}]}}| 'id' is built in",
      "{users: {rules: [{path: 'userName]', attribute: a}]}}| the path does not parse",
      "{users: {base: everything}}| expected 'default' or 'empty'",
      "{users: {rules: [{path: emails, attribute: e, uniqueness: server}]}}"
          + "| only a single-valued simple attribute can be unique",
      "{people: {}}| unknown key 'people'",
      "{users: [}| does not parse"})
  void aBadFileFailsNamingTheRuleAndTheProblem(String yaml, String message) {
    assertThatThrownBy(() -> ScimMappingLoader.parse(yaml, true, null))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining(message.strip());
  }
}
