package io.github.scimkit.core.mapping;

import static io.github.scimkit.core.mapping.Scim.body;
import static io.github.scimkit.core.mapping.Scim.json;
import static io.github.scimkit.core.mapping.Scim.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.SchemaResource;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.tenant.ScimMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomMappingTest {

  private final ResourceMapping enterprise = CustomMappings.enterpriseUsers();

  @Test
  void readsEnterpriseAndCustomExtensionAttributes() throws Exception {
    Attributes read = enterprise.read(body("""
        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User',
                     'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
                     'urn:example:params:scim:schemas:extension:acme:2.0:User'],
         'userName': 'bob',
         'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
           'department': 'R&D', 'employeeNumber': '42',
           'manager': {'value': 'm-1'}},
         'URN:EXAMPLE:params:scim:schemas:extension:acme:2.0:User': {'BADGENUMBER': 7}}
        """), ScimMode.STRICT);

    assertThat(read.asMap()).isEqualTo(Map.of("userName", "bob", "department", "R&D",
        "employeeNumber", "42", "managerId", "m-1", "badge", 7L));
  }

  @Test
  void rendersOnlyTheExtensionsThatHaveValues() {
    String rendered = json(enterprise.render(record(Attributes.builder()
        .set("userName", "bob").set("managerId", "m-1").build())));

    assertThat(rendered).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"id\":\"u-1\","
        + "\"userName\":\"bob\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
        + "{\"manager\":{\"value\":\"m-1\"}}}");
  }

  @Test
  void publishesOneSchemaPerUrnFromTheRules() throws Exception {
    assertThat(enterprise.schemas()).extracting(SchemaResource::getId).containsExactly(
        ScimUrns.USER, ScimUrns.ENTERPRISE_USER, CustomMappings.ACME);
    assertThat(enterprise.schemas().get(2).getName()).isEqualTo("AcmeUser");
    AttributeDefinition badge = enterprise.definition(
        Path.fromString(CustomMappings.ACME + ":badgenumber")).orElseThrow();
    assertThat(badge.getType()).isEqualTo(AttributeDefinition.Type.INTEGER);
    assertThat(badge.getDescription()).isEqualTo("Door badge");
    assertThat(enterprise.definition(Path.fromString(ScimUrns.ENTERPRISE_USER + ":manager.displayName")))
        .map(AttributeDefinition::getMutability).contains(Mutability.READ_ONLY);
    assertThat(enterprise.resourceTypeDefinition().getSchemaExtensions()).hasSize(2);
  }

  @Test
  void theDefaultSchemasPublishTheWholeUserSchemaAndTheEnterpriseExtension() throws Exception {
    ResourceMapping users = ScimMapping.defaults().users();
    assertThat(users.schemas()).extracting(SchemaResource::getId)
        .containsExactly(ScimUrns.USER, ScimUrns.ENTERPRISE_USER);
    assertThat(users.schemas().get(0).getAttributes()).extracting(AttributeDefinition::getName)
        .containsExactly("userName", "name", "displayName", "nickName", "profileUrl", "title",
            "userType", "preferredLanguage", "locale", "timezone", "active", "password", "emails",
            "phoneNumbers", "ims", "photos", "addresses", "entitlements", "roles",
            "x509Certificates");
    assertThat(users.schemas().get(1).getAttributes()).extracting(AttributeDefinition::getName)
        .containsExactly("employeeNumber", "costCenter", "organization", "division", "department",
            "manager");
    AttributeDefinition userName = users.schemas().get(0).getAttributes().iterator().next();
    assertThat(userName.isRequired()).isTrue();
    assertThat(userName.isCaseExact()).isFalse();
    assertThat(userName.getUniqueness()).isEqualTo(AttributeDefinition.Uniqueness.SERVER);
    AttributeDefinition name = users.definition(Path.fromString("name")).orElseThrow();
    assertThat(name.getSubAttributes()).extracting(AttributeDefinition::getName)
        .containsExactly("givenName", "familyName", "formatted", "middleName", "honorificPrefix",
            "honorificSuffix");
    assertThat(users.definition(Path.fromString("addresses")).orElseThrow().getSubAttributes())
        .extracting(AttributeDefinition::getName).containsExactly("formatted", "streetAddress",
            "locality", "region", "postalCode", "country", "type", "primary");
    assertThat(users.definition(Path.fromString("phoneNumbers.type")).orElseThrow()
        .getCanonicalValues()).containsExactlyInAnyOrder("work", "home", "mobile", "fax", "pager", "other");
    assertThat(users.definition(Path.fromString("x509Certificates.value")).orElseThrow().getType())
        .isEqualTo(AttributeDefinition.Type.BINARY);
    assertThat(users.definition(Path.fromString("profileUrl")).orElseThrow().getType())
        .isEqualTo(AttributeDefinition.Type.REFERENCE);
    AttributeDefinition manager = users.definition(
        Path.fromString(ScimUrns.ENTERPRISE_USER + ":manager")).orElseThrow();
    assertThat(manager.getSubAttributes()).extracting(AttributeDefinition::getName)
        .containsExactly("value", "$ref", "displayName");
    assertThat(manager.getSubAttributes()).extracting(AttributeDefinition::getMutability)
        .containsExactly(Mutability.READ_WRITE, Mutability.READ_WRITE, Mutability.READ_ONLY);
    assertThat(ScimMapping.defaults().groups().schemas().get(0).getAttributes())
        .extracting(AttributeDefinition::getName).containsExactly("displayName", "members");
  }

  @Test
  void aMappedPasswordIsHashedWriteOnlyAndNeverRendered() throws Exception {
    ResourceMapping users = CustomMappings.usersWithPassword();
    Attributes read = users.read(body("{'userName': 'x', 'PASSWORD': 'correct horse'}"), ScimMode.STRICT);

    assertThat(read.getString("password_hash")).contains("hash:esroh tcerroc");
    assertThat(json(users.render(record(read)))).doesNotContain("password").doesNotContain("hash");
    AttributeDefinition password = users.definition(Path.fromString("password")).orElseThrow();
    assertThat(password.getMutability()).isEqualTo(Mutability.WRITE_ONLY);
    assertThat(password.getReturned()).isEqualTo(Returned.NEVER);
    assertThatThrownBy(() -> users.read(body("{'password': 'short'}"), ScimMode.LENIENT))
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidValue");
    assertThatThrownBy(() -> users.toCondition(Scim.filter("password eq 'x'")))
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidFilter");
  }

  @Test
  void aMappedPasswordNeedsAHandler() {
    assertThatThrownBy(() -> ResourceMapping.userBuilder().rule("password", "hash").build())
        .isInstanceOf(MappingException.class)
        .hasMessage("Mapping rule 'password': a mapping that maps password needs a PasswordHandler");
  }

  @Test
  void theSchemaCheckerAcceptsWhatTheRulesHold() throws Exception {
    var checker = enterprise.newSchemaChecker();
    var results = checker.checkCreate(body("""
        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User',
                     'urn:example:params:scim:schemas:extension:acme:2.0:User'],
         'userName': 'bob', 'emails': [{'value': 'a@x', 'type': 'work'}],
         'urn:example:params:scim:schemas:extension:acme:2.0:User': {'badgeNumber': 7}}
        """).getObjectNode());
    assertThat(results.getSyntaxIssues()).isEmpty();
    var bad = checker.checkCreate(body("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'],"
        + " 'userName': 'bob', 'favoriteColor': 'b'}").getObjectNode());
    assertThat(bad.getSyntaxIssues()).anyMatch(issue -> issue.contains("favoriteColor"));
  }
}
