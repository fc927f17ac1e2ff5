package io.github.scimkit.core.internal.dialect;

import static io.github.scimkit.core.internal.dialect.Schemas.ENTERPRISE;
import static io.github.scimkit.core.internal.dialect.Schemas.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.github.scimkit.core.dialect.Tolerances;
import io.github.scimkit.core.tenant.ScimMode;
import org.junit.jupiter.api.Test;

class ResourceBodyNormalizerTest {

  private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

  private static ObjectNode lenient(ResourceSchema schema, String body) throws BadRequestException {
    return new ResourceBodyNormalizer(schema, Tolerances.forMode(ScimMode.LENIENT))
        .normalize(json(body));
  }

  private static void assertStrictRejects(ResourceSchema schema, String body, String scimType) {
    assertThatThrownBy(
            () ->
                new ResourceBodyNormalizer(schema, Tolerances.forMode(ScimMode.STRICT))
                    .normalize(json(body)))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.getScimError().getScimType()).isEqualTo(scimType));
  }

  @Test
  void entra_post_with_string_boolean_and_extension() throws BadRequestException {
    String body =
        "{'schemas':['" + CORE_USER + "','" + ENTERPRISE + "'],'userName':'b@x','active':'True',"
            + "'meta':{'resourceType':'User'},'" + ENTERPRISE + "':{'department':'R&D'}}";
    ObjectNode user = lenient(Schemas.USER, body);
    assertThat(user.get("active").booleanValue()).isTrue();
    assertThat(user.has("meta")).isFalse();
    assertThat(user.get(ENTERPRISE).get("department").textValue()).isEqualTo("R&D");
    assertStrictRejects(Schemas.USER, body, "invalidValue");
  }

  @Test
  void ping_lower_case_names_get_the_schema_spelling() throws BadRequestException {
    ObjectNode user =
        lenient(Schemas.USER, "{'username':'b@x','NAME':{'givenname':'B'},"
            + "'" + ENTERPRISE.toLowerCase(java.util.Locale.ROOT) + "':{'Department':'D'}}");
    assertThat(user.fieldNames()).toIterable().containsExactly("userName", "name", ENTERPRISE);
    assertThat(user.get("name").fieldNames()).toIterable().containsExactly("givenName");
    assertThat(user.get(ENTERPRISE).fieldNames()).toIterable().containsExactly("department");
  }

  @Test
  void onelogin_template_with_single_email_and_empty_strings() throws BadRequestException {
    String body =
        "{'userName':'c@x','emails':{'value':'c@x','type':'work','primary':'true'},"
            + "'title':'','" + ENTERPRISE + "':{'manager':{'value':''},'department':''}}";
    ObjectNode user = lenient(Schemas.USER, body);
    assertThat(user.get("emails").isArray()).isTrue();
    assertThat(user.at("/emails/0/primary").booleanValue()).isTrue();
    assertThat(user.has("title")).isFalse();
    assertThat(user.get(ENTERPRISE).isEmpty()).isTrue();
    assertStrictRejects(Schemas.USER, body, "invalidValue");
  }

  @Test
  void okta_put_drops_read_only_id_meta_and_groups_in_both_modes() throws BadRequestException {
    String body =
        "{'schemas':['" + CORE_USER + "'],'id':'u1','userName':'o@x','active':false,"
            + "'groups':[],'meta':{'created':'04-12-2018 00:00:00'}}";
    ObjectNode user = lenient(Schemas.USER, body);
    assertThat(user.fieldNames()).toIterable().containsExactly("schemas", "userName", "active");
    assertThat(
            new ResourceBodyNormalizer(Schemas.USER, Tolerances.forMode(ScimMode.STRICT))
                .normalize(json(body)))
        .isEqualTo(user);
  }

  @Test
  void entra_group_with_microsoft_urn_and_null_member_refs() throws BadRequestException {
    String body =
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group',"
            + "'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],"
            + "'displayName':'Eng','members':[{'$ref':null,'value':'u1'}]}";
    ObjectNode group = lenient(Schemas.GROUP, body);
    assertThat(group.get("schemas")).hasSize(1);
    assertThat(group.at("/members/0").fieldNames()).toIterable().containsExactly("value");
    assertStrictRejects(Schemas.GROUP, body, "invalidSyntax");
  }

  @Test
  void unknown_attributes_are_dropped_or_rejected() throws BadRequestException {
    String body = "{'userName':'u','favoriteColor':'red','urn:x:unknown':{'a':1}}";
    assertThat(lenient(Schemas.USER, body).fieldNames()).toIterable().containsExactly("userName");
    assertStrictRejects(Schemas.USER, "{'userName':'u','favoriteColor':'red'}", "invalidSyntax");
    assertStrictRejects(Schemas.USER, "{'schemas':['urn:x:unknown']}", "invalidSyntax");
  }

  @Test
  void the_body_is_not_changed() throws BadRequestException {
    ObjectNode body = json("{'userName':'u','active':'False','emails':{'value':'a@b'}}");
    ObjectNode before = body.deepCopy();
    new ResourceBodyNormalizer(Schemas.USER, Tolerances.forMode(ScimMode.LENIENT)).normalize(body);
    assertThat(body).isEqualTo(before);
  }
}
