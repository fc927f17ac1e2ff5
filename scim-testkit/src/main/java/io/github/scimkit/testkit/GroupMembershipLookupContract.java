package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The store calls the GroupMember resource (draft-zollner-scim-group-members-01) is built on, each
 * answered for one membership or one page without reading the group's other members: {@link
 * GroupStore#isMember}, a count-only {@link GroupStore#members} page, index and keyset member
 * pages, {@link GroupStore#groupsOfMembers} for one user, and a user search by a disjunction of
 * ids (the display names of a page of members). Extend it in a test of your store and implement
 * {@link #newTenant()}:
 *
 * <pre>{@code
 * class MyGroupMembershipLookupTest extends GroupMembershipLookupContract {
 *   @Override
 *   protected TenantStores newTenant() {
 *     return provider.createTenant(UUID.randomUUID().toString());
 *   }
 * }
 * }</pre>
 */
public abstract class GroupMembershipLookupContract {

  private static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123Z");

  private TenantStores tenant;

  /** Creates the contract; subclasses are JUnit test classes. */
  protected GroupMembershipLookupContract() {}

  /**
   * Returns the stores of a new, empty tenant, with an id no earlier call returned. The kit calls
   * it before every test.
   *
   * @return a fresh tenant's stores
   */
  protected abstract TenantStores newTenant();

  @BeforeEach
  void openTenant() throws ScimException {
    tenant = newTenant();
    for (String id : List.of("g1", "g2", "g3")) {
      tenant.groups().create(new NewRecord(id, T0, Attributes.of(Map.of("displayName", "Group " + id)),
          List.of(UniqueAttribute.caseInsensitive("displayName"))));
    }
    for (String id : List.of("u1", "u2", "u3", "u4", "U1")) {
      tenant.users().create(new NewRecord(id, T0, Attributes.of(Map.of("userName", "name-" + id, "displayName",
          "Display " + id)), List.of(UniqueAttribute.caseExact("userName"))));
    }
  }

  private GroupStore groups() {
    return tenant.groups();
  }

  private void add(String groupId, String... memberIds) throws ScimException {
    groups().addMembers(MembershipChange.of(groupId, List.of(memberIds), T0.plusSeconds(1)));
  }

  @Test
  @DisplayName("isMember answers for one pair, case-exactly, and forgets a removed member")
  void isMemberAnswersForOnePair() throws Exception {
    add("g1", "u1", "u2");

    assertThat(groups().isMember("g1", "u1")).isTrue();
    assertThat(groups().isMember("g1", "U1")).as("ids are case-exact").isFalse();
    assertThat(groups().isMember("g1", "u3")).isFalse();
    assertThat(groups().isMember("g2", "u1")).as("another group").isFalse();
    assertThat(groups().isMember("nope", "u1")).as("an unknown group").isFalse();

    groups().removeMembers(MembershipChange.of("g1", Set.of("u1"), T0.plusSeconds(2)));
    assertThat(groups().isMember("g1", "u1")).isFalse();
    assertThat(groups().isMember("g1", "u2")).isTrue();
  }

  @Test
  @DisplayName("a count-only member page gives memberCount and no ids; an unknown group is not found")
  void countOnlyPageCountsMembers() throws Exception {
    add("g1", "u1", "u2", "u3");
    add("g2", "u4");

    try (ResultPage<String> page = groups().members(new MemberQuery("g1", PageRequest.countOnly()))) {
      assertThat(page.totalResults()).hasValue(3);
      assertThat(page.items()).isEmpty();
    }
    try (ResultPage<String> page = groups().members(new MemberQuery("g3", PageRequest.countOnly()))) {
      assertThat(page.totalResults()).hasValue(0);
    }
    assertThatExceptionOfType(ResourceNotFoundException.class)
        .isThrownBy(() -> groups().members(new MemberQuery("nope", PageRequest.countOnly())));
  }

  @Test
  @DisplayName("member ids page by index with the total, and by keyset token to the end without repeats")
  void membersPageByIndexAndKeyset() throws Exception {
    add("g1", "u4", "u2", "U1", "u3", "u1");

    try (ResultPage<String> page = groups().members(new MemberQuery("g1", PageRequest.offset(1, 2)))) {
      assertThat(page.items()).containsExactly("u1", "u2");
      assertThat(page.totalResults()).hasValue(5);
    }
    List<String> walked = new ArrayList<>();
    Optional<String> token = Optional.empty();
    for (int pages = 0; pages < 10; pages++) {
      try (ResultPage<String> page = groups().members(new MemberQuery("g1", PageRequest.keyset(token.orElse(null), 2)))) {
        walked.addAll(page.items().toList());
        token = page.nextToken();
      }
      if (token.isEmpty()) {
        break;
      }
    }
    assertThat(walked).containsExactly("U1", "u1", "u2", "u3", "u4");
  }

  @Test
  @DisplayName("groupsOfMembers for one user gives its groups' records in id order, with their attributes")
  void groupsOfOneMember() throws Exception {
    add("g2", "u1");
    add("g1", "u1", "u2");

    List<ResourceRecord> groupsOfU1 = groups().groupsOfMembers(Set.of("u1")).get("u1");
    assertThat(groupsOfU1).extracting(ResourceRecord::id).containsExactly("g1", "g2");
    assertThat(groupsOfU1.get(0).attributes().getString("displayName")).contains("Group g1");
    assertThat(groups().groupsOfMembers(Set.of("u3"))).doesNotContainKey("u3");
  }

  @Test
  @DisplayName("a user search by a disjunction of ids returns exactly those users, in one page")
  void usersByIds() throws Exception {
    Condition ids = Condition.or(Condition.eq(AttributeRef.ID, "u1", true), Condition.eq(AttributeRef.ID, "u3", true),
        Condition.eq(AttributeRef.ID, "gone", true));
    try (ResultPage<ResourceRecord> page = tenant.users().search(new StoreQuery(ids, Sort.BY_ID, PageRequest.offset(0, 3)))) {
      assertThat(page.items().map(ResourceRecord::id)).containsExactly("u1", "u3");
    }
  }
}
