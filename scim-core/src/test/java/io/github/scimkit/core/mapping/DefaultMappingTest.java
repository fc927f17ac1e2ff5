package io.github.scimkit.core.mapping;

import static io.github.scimkit.core.mapping.Scim.body;
import static io.github.scimkit.core.mapping.Scim.json;
import static io.github.scimkit.core.mapping.Scim.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.tenant.ScimMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultMappingTest {

  private final ResourceMapping users = ScimMapping.defaults().users();
  private final ResourceMapping groups = ScimMapping.defaults().groups();

  @Test
  void readsAUserIntoRecordAttributesAndDerivesTheEmail() throws Exception {
    Attributes read = users.read(body("""
        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'],
         'id': 'ignored', 'meta': {'created': 'not a date'}, 'groups': [{'value': 'g'}],
         'externalId': 'EXT-1', 'userName': 'Bob@Example.com', 'active': true,
         'name': {'givenName': 'Bob', 'familyName': 'Smith'},
         'emails': [{'value': 'home@example.com', 'type': 'home'},
                    {'value': 'work@example.com', 'type': 'work'}]}
        """), ScimMode.STRICT);

    assertThat(read.asMap()).isEqualTo(Map.of(
        "externalId", "EXT-1",
        "userName", "Bob@Example.com",
        "active", true,
        "givenName", "Bob",
        "familyName", "Smith",
        "emails", List.of(
            ComplexValue.of("value", "home@example.com", "type", "home"),
            ComplexValue.of("value", "work@example.com", "type", "work")),
        "email", "work@example.com"));
  }

  @Test
  void derivesTheEmailInProfileOrder() throws Exception {
    assertThat(users.read(body("""
        {'userName': 'x', 'emails': [{'value': 'a@x', 'type': 'work'},
                                     {'value': 'b@x', 'primary': true}]}"""),
        ScimMode.LENIENT).getString("email")).contains("b@x");
    assertThat(users.read(body("{'userName': 'x', 'emails': [{'value': 'c@x'}]}"),
        ScimMode.LENIENT).getString("email")).contains("c@x");
    assertThat(users.read(body("{'userName': 'bob@example.com'}"), ScimMode.LENIENT)
        .getString("email")).contains("bob@example.com");
    assertThat(users.read(body("{'userName': 'bob'}"), ScimMode.LENIENT).has("email")).isFalse();

    ResourceMapping reordered = DefaultMappings.users()
        .derive(DerivedValue.email().withSources(List.of(DerivedValue.Source.emailIn("userName"))))
        .build();
    assertThat(reordered.read(body("""
        {'userName': 'u@x', 'emails': [{'value': 'p@x', 'primary': true}]}"""),
        ScimMode.LENIENT).getString("email")).contains("u@x");
  }

  @Test
  void rendersARecordWithoutDerivedValuesMetaOrMembers() {
    Attributes attributes = Attributes.builder()
        .set("userName", "bob").set("givenName", "Bob").set("active", false)
        .set("externalId", "E").set("email", "derived@x").set("hostOwned", "secret")
        .set("emails", List.of(ComplexValue.of("value", "a@x", "primary", true)))
        .build();

    assertThat(json(users.render(record(attributes)))).isEqualTo(
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"u-1\","
            + "\"externalId\":\"E\",\"userName\":\"bob\",\"name\":{\"givenName\":\"Bob\"},"
            + "\"active\":false,\"emails\":[{\"value\":\"a@x\",\"primary\":true}]}");
  }

  @Test
  void attributeNamesAreCaseInsensitive() throws Exception {
    Attributes read = users.read(body("""
        {'SCHEMAS': ['urn:ietf:params:scim:schemas:core:2.0:user'], 'username': 'ping',
         'NAME': {'GIVENNAME': 'P'}, 'Emails': [{'VALUE': 'p@x', 'Type': 'work'}],
         'urn:ietf:params:scim:schemas:core:2.0:user': {'displayname': 'Ping'}}"""),
        ScimMode.STRICT);

    assertThat(read.getString("userName")).contains("ping");
    assertThat(read.getString("givenName")).contains("P");
    assertThat(read.getString("displayName")).contains("Ping");
    assertThat(read.get("emails")).contains(List.of(ComplexValue.of("value", "p@x", "type", "work")));
    assertThat(users.definition(com.unboundid.scim2.common.Path.fromString("EMAILS.type")))
        .map(AttributeDefinition::getCanonicalValues).get().asList().contains("work");
  }

  @Test
  void unmappedAttributesAreSkippedWhenLenientAndRefusedWhenStrict() throws Exception {
    String body = "{'userName': 'x', 'favoriteColor': 'blue', 'name': {'salutation': 'Q'}}";
    assertThat(users.read(body(body), ScimMode.LENIENT).asMap()).isEqualTo(Map.of("userName", "x"));
    assertThatThrownBy(() -> users.read(body(body), ScimMode.STRICT))
        .isInstanceOf(BadRequestException.class)
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidSyntax")
        .hasMessageContaining("favoriteColor");

    String unknownUrn = "{'schemas': ['urn:x:unknown'], 'userName': 'x'}";
    assertThat(users.read(body(unknownUrn), ScimMode.LENIENT).asMap()).containsKey("userName");
    assertThatThrownBy(() -> users.read(body(unknownUrn), ScimMode.STRICT))
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidSyntax");
  }

  @Test
  void theDefaultPasswordIsWriteOnlyAndKeptNowhere() throws Exception {
    String body = "{'userName': 'x', 'password': 'hunter2'}";
    assertThat(users.read(body(body), ScimMode.LENIENT).asMap()).isEqualTo(Map.of("userName", "x"));
    assertThat(users.read(body(body), ScimMode.STRICT).asMap()).isEqualTo(Map.of("userName", "x"));
    AttributeDefinition password =
        users.definition(com.unboundid.scim2.common.Path.fromString("password")).orElseThrow();
    assertThat(password.getMutability()).isEqualTo(AttributeDefinition.Mutability.WRITE_ONLY);
    assertThat(password.getReturned()).isEqualTo(AttributeDefinition.Returned.NEVER);
  }

  @Test
  void aNarrowedMappingSkipsThePasswordWhenLenientAndRefusesItWhenStrict() throws Exception {
    ResourceMapping narrowed = DefaultMappings.users().withoutRule("password").build();
    String body = "{'userName': 'x', 'password': 'hunter2'}";
    assertThat(narrowed.read(body(body), ScimMode.LENIENT).asMap()).isEqualTo(Map.of("userName", "x"));
    assertThatThrownBy(() -> narrowed.read(body(body), ScimMode.STRICT))
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidSyntax");
    assertThat(narrowed.definition(com.unboundid.scim2.common.Path.fromString("password"))).isEmpty();
  }

  @Test
  void lenientModeTakesBooleansAsStringsAndStrictModeDoesNot() throws Exception {
    assertThat(users.read(body("{'active': 'False'}"), ScimMode.LENIENT).getBoolean("active"))
        .contains(false);
    assertThatThrownBy(() -> users.read(body("{'active': 'False'}"), ScimMode.STRICT))
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidValue");
  }

  @Test
  void userNameIsUniqueCaseInsensitivelyAndExternalIdOnlyWhenConfigured() {
    assertThat(users.uniqueAttributes()).containsExactly(UniqueAttribute.caseInsensitive("userName"));
    assertThat(groups.uniqueAttributes()).isEmpty();
    assertThat(DefaultMappings.users().externalIdUnique(true).build().uniqueAttributes())
        .contains(UniqueAttribute.caseExact("externalId"));
    ResourceMapping namedGroups = DefaultMappings.groups().withoutRule("displayName")
        .rule(DefaultMappings.uniqueGroupDisplayName()).build();
    assertThat(namedGroups.uniqueAttributes()).containsExactly(UniqueAttribute.caseInsensitive("displayName"));
    assertThat(namedGroups.schemas().get(0).getAttributes()).filteredOn(a -> a.getName().equals("displayName"))
        .extracting(AttributeDefinition::getUniqueness).containsExactly(Uniqueness.SERVER);
  }

  @Test
  void groupsReadDisplayNameAndLeaveMembersToTheEngine() throws Exception {
    Attributes read = groups.read(body("""
        {'displayName': 'Admins', 'externalId': 'g1', 'members': [{'value': 'u-1'}]}"""),
        ScimMode.STRICT);
    assertThat(read.asMap()).isEqualTo(Map.of("displayName", "Admins", "externalId", "g1"));
    assertThat(json(groups.render(record(read)))).doesNotContain("members");
    assertThat(groups.ownedRecordAttributes()).containsExactly("externalId", "displayName");
  }

  @Test
  void ownedRecordAttributesListWhatTheRulesWrite() {
    assertThat(users.ownedRecordAttributes()).containsExactly("externalId", "userName",
        "givenName", "familyName", "formattedName", "middleName", "honorificPrefix",
        "honorificSuffix", "displayName", "nickName", "profileUrl", "title", "userType",
        "preferredLanguage", "locale", "timezone", "active", "password", "emails", "phoneNumbers",
        "ims", "photos", "addresses", "entitlements", "roles", "x509Certificates",
        "employeeNumber", "costCenter", "organization", "division", "department", "managerId",
        "managerRef", "email");
  }

  @Test
  void aHostDeclaresCanonicalValuesPerSubAttribute() throws Exception {
    ResourceMapping defaults = DefaultMappings.users().build();
    assertThat(typeCanonicalValues(defaults, "x509Certificates")).containsExactlyInAnyOrder("work", "home", "other");

    ResourceMapping roles = DefaultMappings.users()
        .rule(MappingRule.builder("roles", "roles")
            .subAttributeCanonicalValues("type", "owner", "admin", "user", "custom").build())
        .build();
    assertThat(typeCanonicalValues(roles, "roles")).containsExactlyInAnyOrder("owner", "admin", "user", "custom");
    assertThat(typeCanonicalValues(roles, "emails")).containsExactlyInAnyOrder("work", "home", "other");
    assertThatThrownBy(() -> MappingRule.builder("roles", "roles").subAttributeCanonicalValues("kind", "x").build())
        .isInstanceOf(MappingException.class).hasMessageContaining("kind");
  }

  private static List<String> typeCanonicalValues(ResourceMapping mapping, String attribute) throws Exception {
    AttributeDefinition type = mapping.definition(com.unboundid.scim2.common.Path.fromString(attribute + ".type"))
        .orElseThrow();
    return List.copyOf(type.getCanonicalValues());
  }
}
