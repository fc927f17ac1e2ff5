package io.github.scimkit.core.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.mapping.DerivedValue;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.profile.IdpProfile;
import io.github.scimkit.core.profile.IdpProfiles;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.scimkit.core.engine.ScimBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each built-in profile accepts its identity provider's characteristic requests, and the same
 * requests under {@code generic} in strict mode fail exactly at the quirk steps.
 */
@DisplayName("ScimEngine with IdP profiles")
class EngineProfilesTest {

  private static final String TENANT = "acme";
  private static final String OKTA_AGENT = "Okta SCIM Client 1.0.0";
  private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  /** One engine and tenant, plus the ids earlier steps created. */
  private static final class Fixture {
    final InMemoryStoreProvider provider = new InMemoryStoreProvider();
    final Map<String, String> ids = new HashMap<>();
    final ScimEngine engine;
    RequestContext context = new RequestContext(TENANT, "key", "corr");

    Fixture(TenantSettings settings, IdpProfiles profiles) {
      provider.createTenant(TENANT, settings);
      engine = ScimEngine.builder().stores(provider).profiles(profiles).auditSink(audit -> { }).build();
    }

    Fixture(String profile, ScimMode mode) {
      this(TenantSettings.defaults().withIdpProfile(profile).withMode(mode), IdpProfiles.builtIns());
    }

    Fixture agent(String userAgent) {
      context = new RequestContext(TENANT, "key", "corr", Optional.of(userAgent));
      return this;
    }

    ResourceView post(ResourceKind kind, String body) throws ScimException {
      return engine.create(context, kind, json(body));
    }

    ResourceView put(ResourceKind kind, String id, String body) throws ScimException {
      return engine.replace(context, kind, id, json(body), OptionalLong.empty());
    }

    ResourceView patch(ResourceKind kind, String id, String operations) throws ScimException {
      return engine.patch(context, kind, id, json(
          "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[" + operations + "]}"),
          OptionalLong.empty());
    }

    List<ResourceView> search(ResourceKind kind, String filter) throws ScimException {
      try (SearchResults results = engine.search(context, kind, SearchParameters.filter(filter))) {
        return results.resources().toList();
      }
    }

    List<String> members(String group) throws ScimException {
      try (Stream<String> stream = engine.members(context, group)) {
        return stream.toList();
      }
    }

    ObjectNode get(ResourceKind kind, String id) throws ScimException {
      return engine.get(context, kind, id).resource().getObjectNode();
    }

    String id(String name) {
      return ids.get(name);
    }

    /** Creates an RFC-clean user and remembers its id under its userName. */
    String user(String userName) throws ScimException {
      String id = post(ResourceKind.USER, "{'schemas':['" + CORE_USER + "'],'userName':'" + userName + "',"
          + "'name':{'givenName':'G','familyName':'F'},'active':true,"
          + "'emails':[{'value':'" + userName + "@example.com','type':'work','primary':true}]}").id();
      ids.put(userName, id);
      return id;
    }

    /** Creates an RFC-clean group with members and remembers its id under its name. */
    String group(String name, String... memberIds) throws ScimException {
      StringBuilder list = new StringBuilder();
      for (String member : memberIds) {
        list.append(list.length() == 0 ? "" : ",").append("{'value':'").append(member).append("'}");
      }
      String id = post(ResourceKind.GROUP,
          "{'schemas':['" + CORE_GROUP + "'],'displayName':'" + name + "','members':[" + list + "]}").id();
      ids.put(name, id);
      return id;
    }
  }

  @FunctionalInterface
  private interface Call {
    void run(Fixture fixture) throws Exception;
  }

  /** One request of a scenario; a quirk departs from RFC 7643/7644 or the interop profile. */
  private record Step(String name, boolean quirk, Call call) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Step rfc(String name, Call call) {
    return new Step(name, false, call);
  }

  private static Step quirk(String name, Call call) {
    return new Step(name, true, call);
  }

  private static String email(ResourceView view) {
    return view.record().attributes().getString("email").orElse(null);
  }

  private static List<Step> okta() {
    return List.of(
        rfc("set up a user", f -> f.user("ann")),
        rfc("look the user up by userName, asking for a page", f -> {
          try (SearchResults results = f.engine.search(f.context, ResourceKind.USER,
              SearchParameters.filter("userName eq \"ANN\"").page(1, 100))) {
            assertThat(results.totalResults()).isEqualTo(1);
          }
        }),
        rfc("create a user with password, locale and groups", f -> f.post(ResourceKind.USER,
            "{'schemas':['" + CORE_USER + "'],'userName':'bob@okta.local','name':{'givenName':'Bob','familyName':'Lee'},"
                + "'emails':[{'primary':true,'value':'bob@okta.local','type':'work'}],'displayName':'Bob Lee',"
                + "'locale':'en-US','externalId':'00u1','groups':[],'password':'t1meMa$heen','active':true}")),
        quirk("deactivate with a no-path replace", f -> {
          ResourceView user = f.patch(ResourceKind.USER, f.id("ann"), "{'op':'replace','value':{'active':false}}");
          assertThat(user.resource().getObjectNode().path("active").asBoolean()).isFalse();
          assertThat(user.resource().getObjectNode().path("name").path("givenName").asText()).isEqualTo("G");
        }),
        rfc("PUT the full resource echoing id, meta, groups and password", f -> {
          String id = f.id("ann");
          f.put(ResourceKind.USER, id, "{'schemas':['" + CORE_USER + "'],'id':'" + id + "','userName':'ann',"
              + "'name':{'givenName':'Anne','familyName':'F'},'emails':[{'primary':true,'value':'ann@example.com',"
              + "'type':'work'}],'active':true,'groups':[],'password':'secret',"
              + "'meta':{'resourceType':'User','created':'04-12-2018 00:00:00'}}");
          assertThat(f.get(ResourceKind.USER, id).path("name").path("givenName").asText()).isEqualTo("Anne");
          assertThat(f.get(ResourceKind.USER, id).path("active").asBoolean()).isTrue();
        }),
        rfc("push a group without members", f -> f.post(ResourceKind.GROUP,
            "{'schemas':['" + CORE_GROUP + "'],'displayName':'Eng','members':[]}")),
        rfc("set up a group with a member", f -> f.group("Ops", f.id("ann"))),
        rfc("set up a second user", f -> f.user("cat")),
        quirk("change members with Group Push: rename carrying id, remove by filter, add with display", f -> {
          String group = f.id("Ops");
          f.patch(ResourceKind.GROUP, group, "{'op':'replace','value':{'id':'" + group + "','displayName':'Ops'}},"
              + "{'op':'remove','path':'members[value eq \\\"" + f.id("ann") + "\\\"]'},"
              + "{'op':'add','path':'members','value':[{'value':'" + f.id("cat") + "','display':'cat'}]}");
          assertThat(f.members(group)).containsExactly(f.id("cat"));
        }),
        rfc("unlink the pushed group", f -> f.engine.delete(f.context, ResourceKind.GROUP, f.id("Ops"),
            OptionalLong.empty())));
  }

  private static List<Step> entra() {
    return List.of(
        quirk("create a user with the enterprise extension, roles and a string boolean", f -> {
          ResourceView user = f.post(ResourceKind.USER, "{'schemas':['" + CORE_USER + "','" + ENTERPRISE + "'],"
              + "'externalId':'ann','userName':'ann@contoso.com','active':'True','displayName':'Ann',"
              + "'emails':[{'primary':true,'type':'work','value':'ann@contoso.com'}],'meta':{'resourceType':'User'},"
              + "'name':{'formatted':'Ann Lee','familyName':'Lee','givenName':'Ann'},'roles':[],"
              + "'" + ENTERPRISE + "':{'department':'Eng','employeeNumber':'7'}}");
          assertThat(user.resource().getObjectNode().path("active").asBoolean()).isTrue();
        }),
        rfc("set up a user", f -> f.user("bob")),
        rfc("look the user up by userName", f -> assertThat(f.search(ResourceKind.USER, "userName eq \"bob\""))
            .hasSize(1)),
        quirk("look a user up by unquoted externalId", f -> f.search(ResourceKind.USER, "externalId eq jyoung")),
        quirk("look a user up by a filtered-path comparison", f -> assertThat(
            f.search(ResourceKind.USER, "emails[type eq \"work\"].value eq \"bob@example.com\"")).hasSize(1)),
        quirk("disable with a capitalised op and a string boolean", f -> assertThat(f.patch(ResourceKind.USER,
            f.id("bob"), "{'op':'Replace','path':'active','value':'False'}").resource().getObjectNode()
            .path("active").asBoolean()).isFalse()),
        quirk("set an attribute with Add", f -> f.patch(ResourceKind.USER, f.id("bob"),
            "{'op':'Add','path':'displayName','value':'Bobby'}")),
        quirk("update in flag mode: a no-path replace whose keys are paths", f -> {
          ResourceView user = f.patch(ResourceKind.USER, f.id("bob"),
              "{'op':'replace','value':{'displayName':'Bob B','name.givenName':'Robert'}}");
          assertThat(user.resource().getObjectNode().path("name").path("givenName").asText()).isEqualTo("Robert");
        }),
        rfc("re-enable in flag mode", f -> f.patch(ResourceKind.USER, f.id("bob"),
            "{'op':'replace','path':'active','value':true}")),
        quirk("create a group with Microsoft's schema URN", f -> f.post(ResourceKind.GROUP,
            "{'schemas':['" + CORE_GROUP + "','http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],"
                + "'externalId':'g1','displayName':'Sales','meta':{'resourceType':'Group'}}")),
        rfc("set up a group and a second user", f -> {
          f.group("Eng");
          f.user("cat");
        }),
        quirk("add members with $ref null", f -> {
          f.patch(ResourceKind.GROUP, f.id("Eng"), "{'op':'Add','path':'members','value':[{'$ref':null,'value':'"
              + f.id("bob") + "'},{'$ref':null,'value':'" + f.id("cat") + "'}]}");
          assertThat(f.members(f.id("Eng"))).hasSize(2);
        }),
        quirk("remove one member with a value list (default mode)", f -> {
          f.patch(ResourceKind.GROUP, f.id("Eng"), "{'op':'Remove','path':'members','value':[{'value':'"
              + f.id("bob") + "'}]}");
          assertThat(f.members(f.id("Eng"))).containsExactly(f.id("cat"));
        }),
        rfc("remove one member by filter (flag mode)", f -> f.patch(ResourceKind.GROUP, f.id("Eng"),
            "{'op':'remove','path':'members[value eq \\\"" + f.id("cat") + "\\\"]'}")),
        quirk("rename with a capitalised op", f -> f.patch(ResourceKind.GROUP, f.id("Eng"),
            "{'op':'Replace','path':'displayName','value':'Engineering'}")),
        rfc("delete the user for good", f -> f.engine.delete(f.context, ResourceKind.USER, f.id("bob"),
            OptionalLong.empty())));
  }

  private static List<Step> jumpcloud() {
    return List.of(
        rfc("create a user whose userName is not an email", f -> {
          ResourceView user = f.post(ResourceKind.USER, "{'schemas':['" + CORE_USER + "'],'userName':'jdoe',"
              + "'name':{'givenName':'Jane','familyName':'Doe'},'displayName':'Jane Doe','active':true,"
              + "'emails':[{'value':'jane.doe@example.com','type':'work','primary':true}]}");
          f.ids.put("jdoe", user.id());
          assertThat(email(user)).isEqualTo("jane.doe@example.com");
        }),
        rfc("look the user up by its non-email userName", f -> assertThat(
            f.search(ResourceKind.USER, "userName eq \"JDOE\"")).extracting(ResourceView::id).containsExactly(f.id("jdoe"))),
        rfc("set up a second user", f -> f.user("rroe")),
        rfc("create a group only with members", f -> f.group("Staff", f.id("jdoe"), f.id("rroe"))),
        quirk("remove one member with a value list", f -> {
          f.patch(ResourceKind.GROUP, f.id("Staff"), "{'op':'remove','path':'members','value':[{'value':'"
              + f.id("jdoe") + "'}]}");
          assertThat(f.members(f.id("Staff"))).containsExactly(f.id("rroe"));
        }),
        rfc("deactivate on suspension", f -> f.patch(ResourceKind.USER, f.id("jdoe"),
            "{'op':'replace','path':'active','value':false}")),
        rfc("delete the activation test's group and user", f -> {
          f.engine.delete(f.context, ResourceKind.GROUP, f.id("Staff"), OptionalLong.empty());
          f.engine.delete(f.context, ResourceKind.USER, f.id("rroe"), OptionalLong.empty());
        }));
  }

  private static List<Step> onelogin() {
    return List.of(
        rfc("look up a userName that does not exist (connection test)", f -> assertThat(
            f.search(ResourceKind.USER, "userName eq \"nobody@example.com\"")).isEmpty()),
        quirk("create a user from a template: emails as one object, empty strings, string active", f -> {
          ResourceView user = f.post(ResourceKind.USER, "{'schemas':['" + CORE_USER + "'],'userName':'kim',"
              + "'name':{'givenName':'Kim','familyName':''},'displayName':'','active':'true',"
              + "'emails':{'value':'kim@example.com','type':'work','primary':true}}");
          assertThat(user.resource().getObjectNode().has("displayName")).isFalse();
          assertThat(email(user)).isEqualTo("kim@example.com");
        }),
        rfc("set up a user", f -> f.user("lee")),
        quirk("suspend with a PUT of the template", f -> {
          ResourceView user = f.put(ResourceKind.USER, f.id("lee"), "{'schemas':['" + CORE_USER + "'],"
              + "'userName':'lee','name':{'givenName':'Lee','familyName':''},'active':'false',"
              + "'emails':{'value':'lee@example.com','type':'work','primary':true},'title':''}");
          assertThat(user.resource().getObjectNode().path("active").asBoolean()).isFalse();
        }),
        rfc("create a group for a role, then add a member", f -> {
          f.group("Admins");
          f.patch(ResourceKind.GROUP, f.id("Admins"), "{'op':'add','path':'members','value':[{'value':'"
              + f.id("lee") + "'}]}");
        }),
        quirk("remove the member with a value list", f -> {
          f.patch(ResourceKind.GROUP, f.id("Admins"), "{'op':'remove','path':'members','value':[{'value':'"
              + f.id("lee") + "'}]}");
          assertThat(f.members(f.id("Admins"))).isEmpty();
        }),
        rfc("delete the user", f -> f.engine.delete(f.context, ResourceKind.USER, f.id("lee"), OptionalLong.empty())));
  }

  private static List<Step> ping() {
    return List.of(
        rfc("set up a user", f -> f.user("pat")),
        rfc("look the user up with a lower-case name and a capitalised operator", f -> assertThat(
            f.search(ResourceKind.USER, "username Eq \"pat\"")).hasSize(1)),
        quirk("update with a PUT that carries attributes the host does not map", f -> f.put(ResourceKind.USER,
            f.id("pat"), "{'schemas':['" + CORE_USER + "'],'userName':'pat','title':'Engineer','costCode':'7','active':true,"
                + "'emails':[{'value':'pat@example.com','type':'work','primary':true}]}")),
        rfc("disable with a PUT (Remove Action Disable)", f -> assertThat(f.put(ResourceKind.USER, f.id("pat"),
            "{'schemas':['" + CORE_USER + "'],'userName':'pat','active':false}").resource().getObjectNode()
            .path("active").asBoolean()).isFalse()),
        rfc("provision a disabled user", f -> f.post(ResourceKind.USER,
            "{'schemas':['" + CORE_USER + "'],'userName':'quinn','active':false}")),
        rfc("set up a group, then PUT it with the full member list", f -> {
          f.group("Field");
          f.put(ResourceKind.GROUP, f.id("Field"), "{'schemas':['" + CORE_GROUP + "'],'displayName':'Field',"
              + "'members':[{'value':'" + f.id("pat") + "'}]}");
          assertThat(f.members(f.id("Field"))).containsExactly(f.id("pat"));
        }),
        rfc("delete the user (Remove Action Delete)", f -> f.engine.delete(f.context, ResourceKind.USER,
            f.id("pat"), OptionalLong.empty())));
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> scenarios() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("okta", okta()),
        org.junit.jupiter.params.provider.Arguments.of("entra", entra()),
        org.junit.jupiter.params.provider.Arguments.of("jumpcloud", jumpcloud()),
        org.junit.jupiter.params.provider.Arguments.of("onelogin", onelogin()),
        org.junit.jupiter.params.provider.Arguments.of("ping", ping()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("each profile accepts its identity provider's characteristic requests")
  void profileAcceptsItsIdp(String profile, List<Step> steps) {
    Fixture fixture = new Fixture(profile, ScimMode.LENIENT);
    for (Step step : steps) {
      assertThatCode(() -> step.call().run(fixture)).as(profile + ": " + step.name()).doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("generic in strict mode fails exactly at the quirk steps")
  void strictGenericFailsAtQuirks(String profile, List<Step> steps) {
    Fixture fixture = new Fixture(TenantSettings.GENERIC_PROFILE, ScimMode.STRICT);
    assertThat(steps).as("a scenario without quirks controls nothing").anyMatch(Step::quirk);
    for (Step step : steps) {
      if (step.quirk()) {
        assertThatThrownBy(() -> step.call().run(fixture)).as(profile + ": " + step.name())
            .isInstanceOf(BadRequestException.class);
      } else {
        assertThatCode(() -> step.call().run(fixture)).as(profile + ": " + step.name()).doesNotThrowAnyException();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("a tenant's own profile in strict mode also fails at the quirk steps")
  void strictProfileFailsAtQuirks(String profile, List<Step> steps) {
    Fixture fixture = new Fixture(profile, ScimMode.STRICT);
    for (Step step : steps) {
      if (step.quirk()) {
        assertThatThrownBy(() -> step.call().run(fixture)).as(profile + ": " + step.name())
            .isInstanceOf(BadRequestException.class);
      }
    }
  }

  @Nested
  @DisplayName("The email")
  class Email {

    private static final String NO_PRIMARY = "{'schemas':['" + CORE_USER + "'],'userName':'ann@contoso.com',"
        + "'emails':[{'type':'home','value':'ann@home.example'},{'type':'work','value':'ann.lee@contoso.com'}]}";

    @Test
    @DisplayName("Entra takes userName when no email is primary")
    void entraTakesUserName() throws ScimException {
      assertThat(email(new Fixture("entra", ScimMode.LENIENT).post(ResourceKind.USER, NO_PRIMARY)))
          .isEqualTo("ann@contoso.com");
    }

    @Test
    @DisplayName("Entra still takes the primary email first, and skips a userName that is no email")
    void entraPrimaryFirst() throws ScimException {
      Fixture entra = new Fixture("entra", ScimMode.LENIENT);
      assertThat(email(entra.post(ResourceKind.USER, "{'schemas':['" + CORE_USER + "'],'userName':'ann@contoso.com',"
          + "'emails':[{'type':'work','value':'ann.lee@contoso.com','primary':true}]}"))).isEqualTo("ann.lee@contoso.com");
      assertThat(email(entra.post(ResourceKind.USER, "{'schemas':['" + CORE_USER + "'],'userName':'bobl',"
          + "'emails':[{'type':'work','value':'bob.lee@contoso.com'}]}"))).isEqualTo("bob.lee@contoso.com");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"generic", "okta", "jumpcloud", "onelogin", "ping"})
    @DisplayName("the others take the work email when no email is primary")
    void othersTakeWork(String profile) throws ScimException {
      assertThat(email(new Fixture(profile, ScimMode.LENIENT).post(ResourceKind.USER, NO_PRIMARY)))
          .isEqualTo("ann.lee@contoso.com");
    }

    @Test
    @DisplayName("a PATCH re-derives the email with the tenant's profile")
    void patchRederives() throws ScimException {
      Fixture entra = new Fixture("entra", ScimMode.LENIENT);
      String id = entra.post(ResourceKind.USER, NO_PRIMARY.replace("ann@contoso.com", "x@contoso.com")).id();
      ResourceView patched = entra.patch(ResourceKind.USER, id, "{'op':'replace','path':'userName','value':'ann@contoso.com'}");
      assertThat(email(patched)).isEqualTo("ann@contoso.com");
    }
  }

  @Nested
  @DisplayName("Recognition by User-Agent")
  class Recognition {

    private static final String NO_PATH_DEACTIVATE = "{'op':'replace','value':{'active':false}}";

    @Test
    @DisplayName("an Okta request on a generic tenant gets Okta's tolerances and the generic mapping")
    void oktaOnGeneric() throws ScimException {
      Fixture fixture = new Fixture("generic", ScimMode.LENIENT).agent(OKTA_AGENT);
      assertThat(IdpProfiles.builtIns().tolerances(TenantSettings.defaults(), fixture.context).enabled())
          .containsAll(IdpProfiles.builtIns().require("okta").lenientTolerances());
      ResourceView user = fixture.post(ResourceKind.USER, Email.NO_PRIMARY.replace("'emails'",
          "'password':'x','locale':'en-US','emails'"));
      assertThat(fixture.patch(ResourceKind.USER, user.id(), NO_PATH_DEACTIVATE).resource().getObjectNode()
          .path("active").asBoolean()).isFalse();
      assertThat(email(user)).isEqualTo("ann.lee@contoso.com");
    }

    @Test
    @DisplayName("widens a narrower tenant profile for that request only")
    void widensPing() throws ScimException {
      Fixture ping = new Fixture("ping", ScimMode.LENIENT);
      String id = ping.user("pat");
      assertThatThrownBy(() -> ping.patch(ResourceKind.USER, id, NO_PATH_DEACTIVATE))
          .isInstanceOf(BadRequestException.class);
      ping.agent(OKTA_AGENT).patch(ResourceKind.USER, id, NO_PATH_DEACTIVATE);
      assertThat(ping.get(ResourceKind.USER, id).path("active").asBoolean()).isFalse();
      ping.agent("curl/8.0");
      assertThatThrownBy(() -> ping.patch(ResourceKind.USER, id, NO_PATH_DEACTIVATE))
          .isInstanceOf(BadRequestException.class);
    }

    @Test
    @DisplayName("never switches the mapping: a custom profile's email order stays")
    void neverTheMapping() throws ScimException {
      IdpProfile corp = IdpProfile.builder("corp")
          .emailSources(List.of(DerivedValue.Source.emailIn("userName")))
          .build();
      Fixture fixture = new Fixture(TenantSettings.defaults().withIdpProfile("Corp"),
          IdpProfiles.builtIns().register(corp)).agent(OKTA_AGENT);
      ResourceView user = fixture.post(ResourceKind.USER, "{'schemas':['" + CORE_USER + "'],'userName':'u@corp.example',"
          + "'emails':[{'primary':true,'value':'primary@corp.example'}]}");
      assertThat(email(user)).isEqualTo("u@corp.example");
      fixture.patch(ResourceKind.USER, user.id(), NO_PATH_DEACTIVATE);
    }

    @Test
    @DisplayName("never widens strict mode")
    void notInStrict() throws ScimException {
      Fixture okta = new Fixture("okta", ScimMode.STRICT);
      String id = okta.user("ann");
      okta.agent(OKTA_AGENT);
      assertThatThrownBy(() -> okta.patch(ResourceKind.USER, id, NO_PATH_DEACTIVATE))
          .isInstanceOf(BadRequestException.class)
          .satisfies(e -> assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo("invalidSyntax"));
    }
  }

  @Nested
  @DisplayName("Schemas and settings")
  class SchemasAndSettings {

    @Test
    @DisplayName("no built-in profile changes what /Schemas publishes")
    void schemasDoNotChange() {
      ScimMapping base = ScimMapping.defaults();
      for (IdpProfile profile : IdpProfiles.builtIns().all()) {
        ScimMapping mapping = profile.mapping(base);
        assertThat((Object) JsonUtils.valueToNode(mapping.users().schemas())).as(profile.name())
            .isEqualTo(JsonUtils.valueToNode(base.users().schemas()));
        assertThat((Object) JsonUtils.valueToNode(mapping.groups().schemas())).as(profile.name())
            .isEqualTo(JsonUtils.valueToNode(base.groups().schemas()));
        assertThat((Object) JsonUtils.valueToNode(mapping.users().resourceTypeDefinition().getCoreSchema()))
            .isEqualTo(JsonUtils.valueToNode(base.users().resourceTypeDefinition().getCoreSchema()));
      }
      assertThat(IdpProfiles.builtIns().require("entra").mapping(base)).isNotSameAs(base);
      assertThat(IdpProfiles.builtIns().require("okta").mapping(base)).isSameAs(base);
    }

    @Test
    @DisplayName("the engine's published mapping is the host's, whatever the profiles")
    void engineMapping() {
      ScimMapping base = ScimMapping.defaults();
      ScimEngine engine = ScimEngine.builder().stores(new InMemoryStoreProvider()).mapping(base).build();
      assertThat(engine.mapping()).isSameAs(base);
    }

    @Test
    @DisplayName("refuses, when built, a profile that would change the published schemas")
    void refusesSchemaChange() {
      IdpProfile bad = IdpProfile.builder("bad")
          .customizeMapping(mapping -> ScimMapping.builder()
              .users(mapping.users().toBuilder().rule("favoriteColor", "favoriteColor").build())
              .groups(mapping.groups())
              .build())
          .build();
      assertThatThrownBy(() -> ScimEngine.builder().stores(new InMemoryStoreProvider())
              .profiles(IdpProfiles.builtIns().register(bad)).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bad");
    }

    @Test
    @DisplayName("an unknown profile name serves the tenant as generic")
    void unknownProfile() throws ScimException {
      Fixture fixture = new Fixture("no-such-idp", ScimMode.LENIENT);
      String id = fixture.user("ann");
      fixture.patch(ResourceKind.USER, id, "{'op':'Replace','path':'active','value':'False'}");
      assertThat(fixture.get(ResourceKind.USER, id).path("active").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("a profile name in settings matches case-insensitively")
    void caseInsensitiveName() throws ScimException {
      Fixture fixture = new Fixture("EnTrA", ScimMode.LENIENT);
      assertThat(email(fixture.post(ResourceKind.USER, Email.NO_PRIMARY))).isEqualTo("ann@contoso.com");
    }

    @Test
    @DisplayName("every built-in profile turns every tolerance off in strict mode")
    void strictIsStrict() {
      for (IdpProfile profile : IdpProfiles.builtIns().all()) {
        assertThat(profile.tolerances(ScimMode.STRICT).enabled()).as(profile.name()).isEmpty();
      }
      assertThat(IdpProfiles.builtIns().generic().tolerances(ScimMode.LENIENT).enabled())
          .containsExactlyInAnyOrder(Tolerance.values());
    }
  }
}
