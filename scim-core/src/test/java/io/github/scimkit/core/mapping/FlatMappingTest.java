package io.github.scimkit.core.mapping;

import static io.github.scimkit.core.mapping.Scim.body;
import static io.github.scimkit.core.mapping.Scim.json;
import static io.github.scimkit.core.mapping.Scim.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.tenant.ScimMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatMappingTest {

  private final ResourceMapping flat = CustomMappings.flatUsers();

  @Test
  void aWorkEmailThatIsAlsoPrimaryRendersAsOneElement() {
    Attributes same = Attributes.builder().set("user_name", "bob")
        .set("work_email", "bob@x").set("primary_email", "bob@x").build();
    assertThat(json(flat.render(record(same)))).contains(
        "\"emails\":[{\"value\":\"bob@x\",\"type\":\"work\",\"primary\":true}]");

    Attributes different = same.with("primary_email", "b@y");
    assertThat(json(flat.render(record(different)))).contains(
        "\"emails\":[{\"value\":\"bob@x\",\"type\":\"work\"},{\"value\":\"b@y\",\"primary\":true}]");
  }

  @Test
  void readsEachElementIntoTheRulesItMatches() throws Exception {
    Attributes read = flat.read(body("""
        {'userName': 'bob', 'emails': [{'value': 'bob@x', 'type': 'Work', 'primary': true}],
         'phoneNumbers': [{'value': '+1 555', 'type': 'work'}]}"""), ScimMode.STRICT);

    assertThat(read.asMap()).isEqualTo(Map.of("user_name", "bob", "work_email", "bob@x",
        "primary_email", "bob@x", "phone", "+1 555"));
  }

  @Test
  void elementsNoRuleHoldsAreSkippedWhenLenientAndRefusedWhenStrict() throws Exception {
    String body = "{'emails': [{'value': 'w@x', 'type': 'work'}, {'value': 'h@x', 'type': 'home'}]}";
    assertThat(flat.read(body(body), ScimMode.LENIENT).asMap()).isEqualTo(Map.of("work_email", "w@x"));
    assertThatThrownBy(() -> flat.read(body(body), ScimMode.STRICT))
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidValue");
  }

  @Test
  void publishesTheFilterValuesAsCanonicalValues() throws Exception {
    AttributeDefinition emails = flat.definition(Path.fromString("emails")).orElseThrow();
    assertThat(emails.isMultiValued()).isTrue();
    assertThat(emails.getSubAttributes()).extracting(AttributeDefinition::getName)
        .containsExactly("value", "type", "primary");
    assertThat(flat.definition(Path.fromString("emails.type")).orElseThrow().getCanonicalValues())
        .containsExactly("work");
    assertThat(flat.definition(Path.fromString("emails.primary")).orElseThrow().getType())
        .isEqualTo(AttributeDefinition.Type.BOOLEAN);
  }

  @Test
  void sortsAMultiValuedAttributeByItsPrimaryRule() throws Exception {
    assertThat(flat.toSort(Path.fromString("emails.value"), false))
        .isEqualTo(Sort.ascending(AttributeRef.of("primary_email"), false));
    assertThat(flat.toSort(Path.fromString("phoneNumbers.value"), true))
        .isEqualTo(Sort.descending(AttributeRef.of("phone"), false));
    assertThat(flat.toSort(Path.fromString("USERNAME"), false))
        .isEqualTo(Sort.ascending(AttributeRef.of("user_name"), false));
    assertThat(flat.toSort(Path.fromString("meta.created"), false))
        .isEqualTo(Sort.ascending(AttributeRef.CREATED, true));
    assertThatThrownBy(() -> flat.toSort(Path.fromString("nickName"), false))
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidValue");
    assertThatThrownBy(() -> ScimMapping.defaults().users().toSort(Path.fromString("emails.value"), false))
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidValue");
  }
}
