package io.github.scimkit.core.mapping;

import static io.github.scimkit.core.mapping.Scim.filter;
import static io.github.scimkit.core.store.query.Condition.and;
import static io.github.scimkit.core.store.query.Condition.anyElement;
import static io.github.scimkit.core.store.query.Condition.compare;
import static io.github.scimkit.core.store.query.Condition.eq;
import static io.github.scimkit.core.store.query.Condition.not;
import static io.github.scimkit.core.store.query.Condition.or;
import static io.github.scimkit.core.store.query.Condition.present;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FilterTranslationTest {

  private final ResourceMapping users = CustomMappings.enterpriseUsers();
  private final ResourceMapping flat = CustomMappings.flatUsers();

  private static final AttributeRef USER_NAME = AttributeRef.of("userName");

  private Condition users(String text) throws Exception {
    return users.toCondition(filter(text));
  }

  private Condition flat(String text) throws Exception {
    return flat.toCondition(filter(text));
  }

  @ParameterizedTest
  @CsvSource({"eq, EQ", "ne, NE", "co, CO", "sw, SW", "ew, EW", "gt, GT", "ge, GE", "lt, LT", "le, LE"})
  void translatesEveryComparisonOperator(String scim, Operator operator) throws Exception {
    assertThat(users("userName " + scim + " 'Bob'"))
        .isEqualTo(compare(USER_NAME, operator, "Bob", false));
  }

  @Test
  void translatesPresenceAndLogic() throws Exception {
    assertThat(users("displayName pr")).isEqualTo(present(AttributeRef.of("displayName")));
    assertThat(users("userName eq 'a' and (active eq true or not (displayName pr))")).isEqualTo(
        and(eq(USER_NAME, "a", false), or(eq(AttributeRef.of("active"), true, false),
            not(present(AttributeRef.of("displayName"))))));
  }

  @Test
  void takesCaseExactnessFromTheRules() throws Exception {
    assertThat(users("USERNAME Eq 'bob'")).isEqualTo(eq(USER_NAME, "bob", false));
    assertThat(users("externalId eq 'ABC-1'")).isEqualTo(eq(AttributeRef.of("externalId"), "ABC-1", true));
    assertThat(users("id eq 'u-1'")).isEqualTo(eq(AttributeRef.ID, "u-1", true));
  }

  @Test
  void translatesMetaDatesAndExtensionPaths() throws Exception {
    assertThat(users("meta.lastModified gt '2024-05-01T12:00:00Z'")).isEqualTo(compare(
        AttributeRef.LAST_MODIFIED, Operator.GT, Instant.parse("2024-05-01T12:00:00Z"), false));
    assertThat(users("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq 'm-1'"))
        .isEqualTo(eq(AttributeRef.of("managerId"), "m-1", false));
    assertThat(users("urn:example:params:scim:schemas:extension:acme:2.0:User:badgeNumber ge 7"))
        .isEqualTo(compare(AttributeRef.of("badge"), Operator.GE, 7L, false));
    assertThat(users("name.givenName sw 'B'"))
        .isEqualTo(compare(AttributeRef.of("givenName"), Operator.SW, "B", false));
  }

  @Test
  void pushesAUsersGroupsDownAsMemberOf() throws Exception {
    assertThat(users("groups.value eq \"g-1\"")).isEqualTo(
        Condition.memberOf(Condition.eq(AttributeRef.ID, "g-1", true)));
    assertThat(users("groups.display eq \"Ops\"")).isEqualTo(
        Condition.memberOf(Condition.eq(AttributeRef.of("displayName"), "Ops", false)));
    assertThat(users("groups pr")).isEqualTo(Condition.memberOf(Condition.all()));
    ResourceMapping renamed = ScimMapping.builder()
        .groups(ResourceMapping.groupBuilder().rule("displayName", "name").build()).build().users();
    assertThat(renamed.toCondition(filter("groups.display sw \"O\""))).isEqualTo(
        Condition.memberOf(Condition.compare(AttributeRef.of("name"), Operator.SW, "O", false)));
    assertThatThrownBy(() -> users("groups.$ref eq \"x\""))
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidFilter");
  }

  @Test
  void translatesValueFiltersAndTypeOnAUsersGroups() throws Exception {
    Condition ops = Condition.eq(AttributeRef.of("displayName"), "Ops", false);
    assertThat(users("groups[value eq \"g-1\"]")).isEqualTo(
        Condition.memberOf(Condition.eq(AttributeRef.ID, "g-1", true)));
    assertThat(users("groups[display eq \"Ops\" and not (value eq \"g-1\")]")).isEqualTo(
        Condition.memberOf(Condition.and(ops, Condition.not(Condition.eq(AttributeRef.ID, "g-1", true)))));
    assertThat(users("groups.display co \"p\"")).isEqualTo(Condition.memberOf(
        Condition.compare(AttributeRef.of("displayName"), Operator.CO, "p", false)));
    // Every group of a user is a direct one: type tests fold to all or none.
    assertThat(users("groups.type eq \"DIRECT\"")).isEqualTo(Condition.memberOf(Condition.all()));
    assertThat(users("groups.type eq \"indirect\"")).isEqualTo(Condition.none());
    assertThat(users("groups[type eq \"direct\" and display eq \"Ops\"]")).isEqualTo(Condition.memberOf(ops));
    assertThat(users("groups[type ne \"direct\" or display eq \"Ops\"]")).isEqualTo(Condition.memberOf(ops));
    assertThat(users("not (groups.type eq \"indirect\")")).isEqualTo(Condition.all());
    for (String refused : List.of("groups[$ref eq \"x\"]", "groups[nickName eq \"b\"]",
        "groups[urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"a\"]")) {
      assertThatThrownBy(() -> users(refused)).as(refused)
          .hasFieldOrPropertyWithValue("scimError.scimType", "invalidFilter");
    }
  }

  @Test
  void treatsNullAsAbsence() throws Exception {
    assertThat(users("displayName eq null")).isEqualTo(not(present(AttributeRef.of("displayName"))));
    assertThat(users("displayName ne null")).isEqualTo(present(AttributeRef.of("displayName")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"favoriteColor eq 'x'", "nickname.x eq 'x'", "name.salutation eq 'x'",
      "urn:x:unknown:department eq 'x'", "department eq 'x'", "meta.location eq 'x'",
      "emails.foo eq 'x'"})
  void refusesAttributesNoSchemaPublishes(String text) {
    assertThatThrownBy(() -> users(text))
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidFilter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"active gt true", "active co 'tr'", "meta.created sw '2024'",
      "urn:example:params:scim:schemas:extension:acme:2.0:User:badgeNumber co 7",
      "emails eq 'x'", "name eq 'x'", "emails.primary lt true", "userName gt null",
      "meta.created eq 'yesterday'", "active eq 'maybe'"})
  void refusesOperatorsThatMakeNoSenseForTheType(String text) {
    assertThatThrownBy(() -> users(text))
        .hasFieldOrPropertyWithValue("scimError.scimType", "invalidFilter");
  }

  @Test
  void aWholeMultiValuedAttributeIsFilteredElementByElement() throws Exception {
    assertThat(users("emails.value eq 'a@x'"))
        .isEqualTo(eq(AttributeRef.of("emails", "value"), "a@x", false));
    assertThat(users("emails[type eq 'work' and value ew '@x']")).isEqualTo(anyElement("emails",
        and(eq(AttributeRef.of("type"), "work", false),
            compare(AttributeRef.of("value"), Operator.EW, "@x", false))));
    assertThat(users("emails pr")).isEqualTo(present(AttributeRef.of("emails")));
  }

  @Test
  void aParentLeafBecomesAnOrOverTheRulesUnderIt() throws Exception {
    assertThat(flat("emails.value eq 'a@x'")).isEqualTo(or(
        eq(AttributeRef.of("work_email"), "a@x", false),
        eq(AttributeRef.of("primary_email"), "a@x", false)));
    assertThat(flat("emails pr")).isEqualTo(or(
        present(AttributeRef.of("work_email")), present(AttributeRef.of("primary_email"))));
  }

  @Test
  void valueFiltersUseTheRuleFiltersAsKnownValues() throws Exception {
    assertThat(flat("emails[type eq 'work' and value eq 'a@x']"))
        .isEqualTo(eq(AttributeRef.of("work_email"), "a@x", false));
    assertThat(flat("emails[type eq 'WORK']")).isEqualTo(present(AttributeRef.of("work_email")));
    assertThat(flat("emails.type eq 'work'")).isEqualTo(present(AttributeRef.of("work_email")));
    assertThat(flat("emails[primary eq true and value sw 'a']"))
        .isEqualTo(compare(AttributeRef.of("primary_email"), Operator.SW, "a", false));
    assertThat(flat("emails[type ne 'work']")).isEqualTo(present(AttributeRef.of("primary_email")));
  }

  @Test
  void aPublishedPathNoRuleCanMatchMatchesNothing() throws Exception {
    assertThat(flat("emails[type eq 'home'].value eq 'x'".replace("].value eq 'x'", " and value eq 'x']")))
        .isEqualTo(Condition.none());
    assertThat(flat("phoneNumbers[type eq 'mobile']")).isEqualTo(Condition.none());
    assertThat(flat("userName eq 'a' and emails[type eq 'home']")).isEqualTo(Condition.none());
    assertThat(flat("userName eq 'a' or emails[type eq 'home']"))
        .isEqualTo(eq(AttributeRef.of("user_name"), "a", false));
  }
}
