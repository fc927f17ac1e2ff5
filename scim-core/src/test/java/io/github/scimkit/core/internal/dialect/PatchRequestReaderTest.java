package io.github.scimkit.core.internal.dialect;

import static io.github.scimkit.core.internal.dialect.Schemas.ENTERPRISE;
import static io.github.scimkit.core.internal.dialect.Schemas.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.dialect.Tolerances;
import io.github.scimkit.core.tenant.ScimMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchRequestReaderTest {

  private static final Tolerances LENIENT = Tolerances.forMode(ScimMode.LENIENT);
  private static final Tolerances STRICT = Tolerances.forMode(ScimMode.STRICT);

  private static final String USER =
      "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + ENTERPRISE + "'],"
          + "'id':'u1','userName':'bjensen','active':true,'displayName':'Babs',"
          + "'name':{'givenName':'Barbara','familyName':'Jensen'},"
          + "'emails':[{'type':'work','value':'b@old.example','primary':true},"
          + "{'type':'home','value':'b@home.example'}],"
          + "'" + ENTERPRISE + "':{'department':'Sales','employeeNumber':'1'}}";

  private static final String GROUP =
      "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g1',"
          + "'displayName':'Eng','members':[{'value':'u1'},{'value':'u2'},{'value':'u3'}]}";

  private static String patch(String... operations) {
    return "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':["
        + String.join(",", operations) + "]}";
  }

  private static List<NormalizedPatchOperation> read(
      ResourceSchema schema, Tolerances tolerances, String request) throws BadRequestException {
    return new PatchRequestReader(schema, tolerances).read(json(request));
  }

  /** Applies the operations to a copy, as the engine will. */
  private static ObjectNode apply(String resource, List<NormalizedPatchOperation> operations)
      throws ScimException {
    ObjectNode copy = json(resource).deepCopy();
    for (NormalizedPatchOperation operation : operations) {
      operation.toPatchOperation().apply(copy);
    }
    return copy;
  }

  private static void assertRejected(
      ResourceSchema schema, Tolerances tolerances, String request, String scimType) {
    assertThatThrownBy(() -> read(schema, tolerances, request))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.getScimError().getScimType()).isEqualTo(scimType));
  }

  @Test
  void entra_default_mode_deactivation_with_capitalised_op_and_string_boolean()
      throws ScimException {
    String request = patch("{'op':'Replace','path':'active','value':'False'}");
    List<NormalizedPatchOperation> ops = read(Schemas.USER, LENIENT, request);
    assertThat(ops).singleElement().hasToString("replace active false");
    assertThat(apply(USER, ops).get("active").booleanValue()).isFalse();

    assertRejected(Schemas.USER, STRICT, request, "invalidSyntax");
    assertRejected(
        Schemas.USER,
        STRICT.with(Tolerance.OP_NAME_ANY_CASE),
        request,
        "invalidValue");
  }

  @Test
  void other_urns_in_a_patch_op_schemas_are_refused_unless_unknown_urns_are_tolerated()
      throws ScimException {
    String request = "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp','urn:x:unknown'],"
        + "'Operations':[{'op':'replace','path':'displayName','value':'Ann'}]}";
    assertRejected(Schemas.USER, STRICT, request, "invalidSyntax");
    assertThat(read(Schemas.USER, STRICT.with(Tolerance.UNKNOWN_SCHEMA_URNS), request)).hasSize(1);
    assertThat(read(Schemas.USER, LENIENT, request)).hasSize(1);
  }

  @Test
  void any_case_op_names_are_read_leniently() throws ScimException {
    assertThat(read(Schemas.USER, LENIENT, patch("{'op':'rEPLACE','path':'nickName','value':'B'}")))
        .singleElement()
        .hasToString("replace nickName \"B\"");
    assertRejected(Schemas.USER, LENIENT, patch("{'op':'move','path':'a'}"), "invalidSyntax");
  }

  @Test
  void entra_default_mode_filtered_path_and_add_on_empty_attribute() throws ScimException {
    String request =
        patch(
            "{'op':'Replace','path':'emails[type eq \\'work\\'].value','value':'b@new.example'}",
            "{'op':'Add','path':'nickName','value':'Babs'}",
            "{'op':'Replace','path':'name.familyName','value':'Jensen-Smith'}");
    ObjectNode user = apply(USER, read(Schemas.USER, LENIENT, request.replace("\\'", "\\\"")));
    assertThat(user.at("/emails/0/value").textValue()).isEqualTo("b@new.example");
    assertThat(user.at("/emails/1/value").textValue()).isEqualTo("b@home.example");
    assertThat(user.get("nickName").textValue()).isEqualTo("Babs");
    assertThat(user.at("/name/familyName").textValue()).isEqualTo("Jensen-Smith");
  }

  @Test
  void entra_flag_mode_no_path_value_with_path_keys_expands_per_key() throws ScimException {
    String request =
        patch(
            "{'op':'replace','value':{'displayName':'Barb','name.givenName':'Barbie',"
                + "'emails[type eq \\\"work\\\"].value':'b@flag.example',"
                + "'" + ENTERPRISE + ":employeeNumber':'42',"
                + "'" + ENTERPRISE + "':{'department':'R&D'}}}");
    List<NormalizedPatchOperation> ops = read(Schemas.USER, LENIENT, request);
    assertThat(ops)
        .extracting(op -> op.path().toString())
        .containsExactly(
            "displayName",
            "name.givenName",
            "emails[type eq \"work\"].value",
            ENTERPRISE + ":employeeNumber",
            ENTERPRISE + ":department");
    ObjectNode user = apply(USER, ops);
    assertThat(user.get("displayName").textValue()).isEqualTo("Barb");
    assertThat(user.at("/name/givenName").textValue()).isEqualTo("Barbie");
    assertThat(user.at("/name/familyName").textValue()).isEqualTo("Jensen");
    assertThat(user.at("/emails/0/value").textValue()).isEqualTo("b@flag.example");
    assertThat(user.get(ENTERPRISE).get("employeeNumber").textValue()).isEqualTo("42");
    assertThat(user.get(ENTERPRISE).get("department").textValue()).isEqualTo("R&D");

    assertRejected(Schemas.USER, STRICT, request, "invalidSyntax");
    assertRejected(
        Schemas.USER,
        LENIENT.without(Tolerance.PATH_KEYS_IN_NO_PATH_VALUES),
        request,
        "invalidPath");
  }

  @Test
  void okta_no_path_deactivation_touches_only_active() throws ScimException {
    String request = patch("{'op':'replace','value':{'active':false}}");
    List<NormalizedPatchOperation> ops = read(Schemas.USER, LENIENT, request);
    assertThat(ops).singleElement().hasToString("replace active false");
    ObjectNode user = apply(USER, ops);
    assertThat(user.get("active").booleanValue()).isFalse();
    assertThat(user.get("userName").textValue()).isEqualTo("bjensen");
    assertThat(user.get("emails")).hasSize(2);

    assertRejected(Schemas.USER, STRICT, request, "invalidSyntax");
  }

  @Test
  void okta_group_push_rename_drops_the_read_only_id() throws ScimException {
    String request = patch("{'op':'replace','value':{'id':'g1','displayName':'new'}}");
    List<NormalizedPatchOperation> ops = read(Schemas.GROUP, LENIENT, request);
    assertThat(ops).singleElement().hasToString("replace displayName \"new\"");
    ObjectNode group = apply(GROUP, ops);
    assertThat(group.get("displayName").textValue()).isEqualTo("new");
    assertThat(group.get("id").textValue()).isEqualTo("g1");
  }

  @Test
  void okta_member_changes_pass_through() throws ScimException {
    String request =
        patch(
            "{'op':'remove','path':'members[value eq \\\"u1\\\"]'}",
            "{'op':'add','path':'members','value':[{'value':'u9','display':'x@y'}]}");
    ObjectNode group = apply(GROUP, read(Schemas.GROUP, STRICT, request));
    assertThat(group.get("members").findValues("value")).extracting(JsonNode::textValue).containsExactly("u2", "u3", "u9");
  }

  @Test
  void entra_and_jumpcloud_remove_with_value_list_removes_only_those() throws ScimException {
    String request =
        patch("{'op':'Remove','path':'members','value':[{'value':'u1'},{'value':'u3'}]}");
    List<NormalizedPatchOperation> ops = read(Schemas.GROUP, LENIENT, request);
    assertThat(ops)
        .extracting(NormalizedPatchOperation::toString)
        .containsExactly("remove members[value eq \"u1\"]", "remove members[value eq \"u3\"]");
    assertThat(apply(GROUP, ops).get("members").findValues("value")).extracting(JsonNode::textValue).containsExactly("u2");

    assertRejected(
        Schemas.GROUP,
        STRICT.with(Tolerance.OP_NAME_ANY_CASE),
        request,
        "invalidSyntax");
  }

  @Test
  void remove_with_value_on_other_multi_valued_attributes_filters_by_value()
      throws ScimException {
    String request =
        patch("{'op':'remove','path':'emails','value':[{'value':'b@home.example','type':'home'}]}");
    ObjectNode user = apply(USER, read(Schemas.USER, LENIENT, request));
    assertThat(user.get("emails")).hasSize(1);
    assertThat(user.at("/emails/0/value").textValue()).isEqualTo("b@old.example");
  }

  @Test
  void entra_add_members_drops_null_ref() throws ScimException {
    String request =
        patch("{'op':'Add','path':'members','value':[{'$ref':null,'value':'u7'}]}");
    List<NormalizedPatchOperation> ops = read(Schemas.GROUP, LENIENT, request);
    assertThat(ops).singleElement().hasToString("add members [{\"value\":\"u7\"}]");
    assertThat(apply(GROUP, ops).get("members")).hasSize(4);
    assertThat(
            read(Schemas.GROUP, STRICT.with(Tolerance.OP_NAME_ANY_CASE), request)
                .get(0)
                .value()
                .get(0)
                .has("$ref"))
        .isTrue();
  }

  @Test
  void entra_old_manager_form_unwraps_the_one_element_array() throws ScimException {
    String request =
        patch(
            "{'op':'Add','path':'" + ENTERPRISE + ":manager',"
                + "'value':[{'$ref':'../Users/u2','value':'u2'}]}");
    ObjectNode user = apply(USER, read(Schemas.USER, LENIENT, request));
    assertThat(user.get(ENTERPRISE).at("/manager/value").textValue()).isEqualTo("u2");
    assertRejected(
        Schemas.USER, STRICT.with(Tolerance.OP_NAME_ANY_CASE), request, "invalidValue");
  }

  @Test
  void onelogin_single_email_object_becomes_an_array() throws ScimException {
    String request = patch("{'op':'add','path':'emails','value':{'value':'c@x.example'}}");
    ObjectNode user = apply(USER, read(Schemas.USER, LENIENT, request));
    assertThat(user.get("emails")).hasSize(3);
    assertRejected(Schemas.USER, STRICT, request, "invalidValue");
  }

  @Test
  void empty_string_replace_becomes_remove() throws ScimException {
    String request = patch("{'op':'replace','path':'displayName','value':''}");
    List<NormalizedPatchOperation> ops = read(Schemas.USER, LENIENT, request);
    assertThat(ops).singleElement().hasToString("remove displayName");
    assertThat(apply(USER, ops).has("displayName")).isFalse();
    assertThat(read(Schemas.USER, STRICT, request))
        .singleElement()
        .hasToString("replace displayName \"\"");
  }

  @Test
  void unknown_attributes_are_skipped_leniently_and_rejected_strictly() throws ScimException {
    String request = patch("{'op':'replace','path':'favoriteColor','value':'red'}");
    assertThat(read(Schemas.USER, LENIENT, request)).isEmpty();
    assertRejected(Schemas.USER, STRICT, request, "invalidPath");
  }

  @Test
  void paths_get_the_schema_spelling() throws ScimException {
    List<NormalizedPatchOperation> ops =
        read(Schemas.USER, STRICT, patch("{'op':'replace','path':'NAME.givenname','value':'B'}"));
    assertThat(ops).singleElement().hasToString("replace name.givenName \"B\"");
  }

  @Test
  void remove_without_path_is_no_target_in_both_modes() {
    String request = patch("{'op':'remove','value':[{'value':'u1'}]}");
    assertRejected(Schemas.GROUP, LENIENT, request, "noTarget");
    assertRejected(Schemas.GROUP, STRICT, request, "noTarget");
  }

  @Test
  void unparseable_path_is_invalid_path() {
    assertRejected(
        Schemas.USER, LENIENT, patch("{'op':'replace','path':'emails[type eq','value':'x'}"),
        "invalidPath");
  }

  @Test
  void add_without_value_is_invalid_value() {
    assertRejected(Schemas.USER, LENIENT, patch("{'op':'add','path':'nickName'}"), "invalidValue");
  }

  @Test
  void envelope_checks() throws ScimException {
    String bare = "{'operations':[{'op':'replace','path':'nickName','value':'B'}]}";
    assertThat(read(Schemas.USER, LENIENT, bare)).hasSize(1);
    assertRejected(Schemas.USER, STRICT, bare, "invalidSyntax");
    assertRejected(
        Schemas.USER,
        STRICT.with(Tolerance.MISSING_PATCH_OP_SCHEMA),
        bare,
        "invalidSyntax");
    assertRejected(Schemas.USER, LENIENT, patch(), "invalidSyntax");
    assertRejected(Schemas.USER, LENIENT, "{'Operations':{}}", "invalidSyntax");
  }

  @Test
  void the_request_is_not_changed() throws ScimException {
    ObjectNode request = json(patch("{'op':'Replace','value':{'active':'False'}}"));
    ObjectNode before = request.deepCopy();
    new PatchRequestReader(Schemas.USER, LENIENT).read(request);
    assertThat(request).isEqualTo(before);
  }
}
