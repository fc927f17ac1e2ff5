package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a user search by group: {@link Condition#memberOf} with a compound condition
 * over the group records, which is what SCIM's {@code groups[value eq "g1" and display sw "A"]},
 * {@code groups.display co "team"} and {@code groups.type eq "direct"} become. The condition must
 * hold for one group of the user (not some parts for one group and others for another), string
 * operators fold case when asked to, and a user in several matching groups is found once, also
 * in the count and across pages. Extend it and implement {@link #newTenant()} like the store
 * contracts.
 *
 * <p>The tenant holds users {@code u1} to {@code u4} and groups {@code g1} "Admins" (members
 * u1, u2), {@code g2} "Ops Team" (u2) and {@code g3} "dev" (u3); u4 is in no group.
 */
public abstract class UserGroupsQueryContract {

  private static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123Z");
  private static final AttributeRef DISPLAY = AttributeRef.of("displayName");

  private TenantStores tenant;

  /** Creates the contract; subclasses are JUnit test classes. */
  protected UserGroupsQueryContract() {}

  /**
   * Returns the stores of a new, empty tenant with its own id; its user and group stores are used.
   *
   * @return a fresh tenant's stores
   */
  protected abstract TenantStores newTenant();

  @BeforeEach
  void fillTenant() throws ScimException {
    tenant = newTenant();
    for (String user : List.of("u1", "u2", "u3", "u4")) {
      tenant.users().create(new NewRecord(user, T0, Attributes.of(Map.of("userName", user)),
          List.of(UniqueAttribute.caseInsensitive("userName"))));
    }
    group("g1", "Admins", "u1", "u2");
    group("g2", "Ops Team", "u2");
    group("g3", "dev", "u3");
  }

  private void group(String id, String displayName, String... members) throws ScimException {
    tenant.groups().create(new NewRecord(id, T0, Attributes.of(Map.of("displayName", displayName)),
        List.of(UniqueAttribute.caseInsensitive("displayName"))));
    tenant.groups().addMembers(MembershipChange.of(id, List.of(members), T0));
  }

  private List<String> users(Condition condition) throws ScimException {
    try (ResultPage<ResourceRecord> page = tenant.users().search(
        new StoreQuery(condition, Sort.BY_ID, PageRequest.offset(0, 100)))) {
      return page.items().map(ResourceRecord::id).toList();
    }
  }

  private static Condition display(Operator operator, String value) {
    return Condition.compare(DISPLAY, operator, value, false);
  }

  private static Condition id(String value) {
    return Condition.eq(AttributeRef.ID, value, true);
  }

  @Test
  @DisplayName("a compound group condition holds for one group, not for parts of two")
  void compoundConditionHoldsForOneGroup() throws Exception {
    assertThat(users(Condition.memberOf(Condition.and(id("g1"), display(Operator.EQ, "ops team"))))).isEmpty();
    assertThat(users(Condition.and(Condition.memberOf(id("g1")),
        Condition.memberOf(display(Operator.EQ, "ops team"))))).containsExactly("u2");
    assertThat(users(Condition.memberOf(Condition.and(id("g2"), display(Operator.SW, "OPS")))))
        .containsExactly("u2");
  }

  @Test
  @DisplayName("display compares with eq, ne, sw, co and ew, folding case")
  void displayOperatorsFoldCase() throws Exception {
    assertThat(users(Condition.memberOf(display(Operator.EQ, "ADMINS")))).containsExactly("u1", "u2");
    assertThat(users(Condition.memberOf(display(Operator.SW, "ad")))).containsExactly("u1", "u2");
    assertThat(users(Condition.memberOf(display(Operator.CO, "TEAM")))).containsExactly("u2");
    assertThat(users(Condition.memberOf(display(Operator.EW, "EV")))).containsExactly("u3");
    assertThat(users(Condition.memberOf(display(Operator.NE, "admins")))).containsExactly("u2", "u3");
    assertThat(users(Condition.memberOf(Condition.compare(DISPLAY, Operator.EQ, "admins", true)))).isEmpty();
  }

  @Test
  @DisplayName("or and not inside the group condition test each group; not outside tests the user")
  void orAndNotInsideAndOutside() throws Exception {
    assertThat(users(Condition.memberOf(Condition.or(id("g1"), id("g3"))))).containsExactly("u1", "u2", "u3");
    assertThat(users(Condition.memberOf(Condition.not(id("g1"))))).containsExactly("u2", "u3");
    assertThat(users(Condition.not(Condition.memberOf(id("g1"))))).containsExactly("u3", "u4");
    assertThat(users(Condition.memberOf(Condition.all()))).containsExactly("u1", "u2", "u3");
    assertThat(users(Condition.or(Condition.memberOf(id("g3")), Condition.eq(AttributeRef.ID, "u4", true))))
        .containsExactly("u3", "u4");
  }

  @Test
  @DisplayName("a user in several matching groups is found once, in the count and across pages")
  void userInSeveralMatchingGroupsIsFoundOnce() throws Exception {
    Condition adminsOrOps = Condition.memberOf(Condition.or(id("g1"), id("g2")));
    try (ResultPage<ResourceRecord> page = tenant.users().search(
        new StoreQuery(adminsOrOps, Sort.BY_ID, PageRequest.offset(1, 1)))) {
      assertThat(page.items().map(ResourceRecord::id).toList()).containsExactly("u2");
      assertThat(page.totalResults()).hasValue(2);
    }
    String token;
    try (ResultPage<ResourceRecord> first = tenant.users().search(
        new StoreQuery(adminsOrOps, Sort.BY_ID, PageRequest.firstKeyset(1)))) {
      assertThat(first.items().map(ResourceRecord::id).toList()).containsExactly("u1");
      token = first.nextToken().orElseThrow();
    }
    try (ResultPage<ResourceRecord> second = tenant.users().search(
        new StoreQuery(adminsOrOps, Sort.BY_ID, PageRequest.keyset(token, 5)))) {
      assertThat(second.items().map(ResourceRecord::id).toList()).containsExactly("u2");
    }
  }
}
