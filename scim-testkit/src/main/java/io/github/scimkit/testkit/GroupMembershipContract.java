package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.MembershipResult;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.RecordDeletion;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.RecordUpdate;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a {@link GroupStore} adds to the record promises of {@link RecordQueryContract}: membership
 * deltas (add, remove, replace, each reporting only the effective change and raising the version
 * once) and the look-ups over memberships ({@code isMember}, {@code groupsOf}, {@code
 * groupsOfMembers}, users found by their groups). Members are users: the kit creates them in the
 * tenant's user store first. {@link GroupStoreContract} is the public class that extends it.
 */
abstract class GroupMembershipContract extends PageCostContract {

  @Override
  RecordStore storeOf(TenantStores stores) {
    return stores.groups();
  }

  @Override
  String uniqueName() {
    return "displayName";
  }

  GroupStore groups() {
    return tenant.groups();
  }

  /** Creates users with the given ids in the tenant's user store. */
  void users(String... ids) throws ScimException {
    for (String id : ids) {
      user(tenant, id);
    }
  }

  static void user(TenantStores stores, String id) throws ScimException {
    stores.users().create(new NewRecord(id, T0, Attributes.of(Map.of("userName", id)),
        List.of(UniqueAttribute.caseInsensitive("userName"))));
  }

  ResourceRecord group(String id) throws ScimException {
    return createNamed(id, "Group " + id);
  }

  static MembershipChange change(String groupId, String... memberIds) {
    return MembershipChange.of(groupId, List.of(memberIds), T1);
  }

  List<String> members(String groupId) throws ScimException {
    try (ResultPage<String> page = groups().members(new MemberQuery(groupId, PageRequest.offset(0, 10_000)))) {
      return page.items().toList();
    }
  }

  List<String> userIds(Condition condition) throws ScimException {
    try (ResultPage<ResourceRecord> page = tenant.users().search(
        new StoreQuery(condition, Sort.BY_ID, PageRequest.offset(0, 100)))) {
      return page.items().map(ResourceRecord::id).toList();
    }
  }

  List<String> groupsOf(String memberId) throws ScimException {
    try (Stream<String> ids = groups().groupsOf(memberId)) {
      return ids.toList();
    }
  }

  long version(String groupId) throws ScimException {
    return groups().get(groupId).orElseThrow().version();
  }

  @Nested
  @DisplayName("Membership deltas")
  class Membership {

    @BeforeEach
    void createGroupAndUsers() throws Exception {
      group("g1");
      users("u1", "u2", "u3", "u4");
    }

    @Test
    @DisplayName("adds members, reports them as added and raises the version once")
    void add() throws Exception {
      MembershipResult result = groups().addMembers(change("g1", "u2", "u1"));

      assertThat(result.added()).containsExactlyInAnyOrder("u1", "u2");
      assertThat(result.removed()).isEmpty();
      assertThat(result.group().version()).isEqualTo(2);
      assertThat(result.group().lastModified()).isEqualTo(T1);
      assertThat(groups().get("g1")).contains(result.group());
      assertThat(members("g1")).containsExactly("u1", "u2");
    }

    @Test
    @DisplayName("reports only the members that were not there before")
    void addReportsEffectiveChange() throws Exception {
      groups().addMembers(change("g1", "u1"));

      MembershipResult result = groups().addMembers(change("g1", "u1", "u3"));

      assertThat(result.added()).containsExactly("u3");
      assertThat(result.group().version()).isEqualTo(3);
    }

    @Test
    @DisplayName("changes nothing when every member added is already there")
    void reAddIsIdempotent() throws Exception {
      ResourceRecord before = groups().addMembers(change("g1", "u1")).group();

      MembershipResult result = groups().addMembers(MembershipChange.of("g1", List.of("u1"), T1.plusSeconds(5)));

      assertThat(result.changed()).isFalse();
      assertThat(result.group()).isEqualTo(before);
      assertThat(groups().get("g1")).contains(before);
    }

    @Test
    @DisplayName("removes members and reports only those that were there")
    void remove() throws Exception {
      groups().addMembers(change("g1", "u1", "u2"));

      MembershipResult result = groups().removeMembers(change("g1", "u1", "u3"));

      assertThat(result.removed()).containsExactly("u1");
      assertThat(result.added()).isEmpty();
      assertThat(result.group().version()).isEqualTo(3);
      assertThat(members("g1")).containsExactly("u2");
    }

    @Test
    @DisplayName("changes nothing when removing members that are absent")
    void removeAbsentIsIdempotent() throws Exception {
      ResourceRecord before = groups().addMembers(change("g1", "u1")).group();

      MembershipResult result = groups().removeMembers(change("g1", "u2", "u3"));

      assertThat(result.changed()).isFalse();
      assertThat(groups().get("g1")).contains(before);
    }

    @Test
    @DisplayName("replaces the members as the difference from the current ones")
    void replaceMembers() throws Exception {
      groups().addMembers(change("g1", "u1", "u2", "u3"));

      MembershipResult result = groups().replaceMembers(change("g1", "u2", "u4"));

      assertThat(result.added()).containsExactly("u4");
      assertThat(result.removed()).containsExactlyInAnyOrder("u1", "u3");
      assertThat(result.group().version()).isEqualTo(3);
      assertThat(members("g1")).containsExactly("u2", "u4");
    }

    @Test
    @DisplayName("changes nothing when replacing the members with the same ones")
    void replaceWithSameIsIdempotent() throws Exception {
      ResourceRecord before = groups().addMembers(change("g1", "u1", "u2")).group();

      MembershipResult result = groups().replaceMembers(change("g1", "u2", "u1"));

      assertThat(result.changed()).isFalse();
      assertThat(groups().get("g1")).contains(before);
    }

    @Test
    @DisplayName("empties a group when replacing its members with none")
    void replaceWithNone() throws Exception {
      groups().addMembers(change("g1", "u1", "u2"));

      MembershipResult result = groups().replaceMembers(change("g1"));

      assertThat(result.removed()).containsExactlyInAnyOrder("u1", "u2");
      assertThat(members("g1")).isEmpty();
    }

    @Test
    @DisplayName("raises the version that a later replace must expect")
    void deltaRaisesExpectedVersion() throws Exception {
      groups().addMembers(change("g1", "u1"));

      assertThatExceptionOfType(PreconditionFailedException.class).isThrownBy(() -> groups().replace(
          new RecordUpdate("g1", OptionalLong.of(1), T1, Attributes.of(Map.of("displayName", "x")), uniques())));
      assertThat(groups().replace(new RecordUpdate("g1", OptionalLong.of(2), T1,
          Attributes.of(Map.of("displayName", "x")), uniques())).version()).isEqualTo(3);
    }

    @Test
    @DisplayName("keeps the members when the group's attributes are replaced")
    void replacingAttributesKeepsMembers() throws Exception {
      groups().addMembers(change("g1", "u1"));

      replace("g1", Attributes.of(Map.of("displayName", "Renamed")));

      assertThat(members("g1")).containsExactly("u1");
    }

    @Test
    @DisplayName("tells whether a user is a member")
    void isMember() throws Exception {
      groups().addMembers(change("g1", "u1"));

      assertThat(groups().isMember("g1", "u1")).isTrue();
      assertThat(groups().isMember("g1", "u2")).isFalse();
      assertThat(groups().isMember("g1", "U1")).isFalse();
    }

    @Test
    @DisplayName("lists a user's groups in ascending id order")
    void groupsOfUser() throws Exception {
      group("g3");
      group("g2");
      groups().addMembers(change("g3", "u1"));
      groups().addMembers(change("g1", "u1", "u2"));
      groups().addMembers(change("g2", "u1"));

      assertThat(groupsOf("u1")).containsExactly("g1", "g2", "g3");
      assertThat(groupsOf("u2")).containsExactly("g1");
      assertThat(groupsOf("u3")).isEmpty();
      assertThat(groupsOf("nobody")).isEmpty();
    }

    @Test
    @DisplayName("returns the groups of many users in one call, records without members, ascending by id")
    void groupsOfManyMembers() throws Exception {
      group("g3");
      group("g2");
      groups().addMembers(change("g3", "u1"));
      groups().addMembers(change("g1", "u1", "u2"));
      groups().addMembers(change("g2", "u1"));

      Map<String, List<ResourceRecord>> found = groups().groupsOfMembers(Set.of("u1", "u2", "u3", "nobody"));

      assertThat(found).containsOnlyKeys("u1", "u2");
      assertThat(found.get("u1")).extracting(ResourceRecord::id).containsExactly("g1", "g2", "g3");
      assertThat(found.get("u2")).extracting(ResourceRecord::id).containsExactly("g1");
      ResourceRecord g1 = found.get("u2").get(0);
      assertThat(g1).isEqualTo(groups().get("g1").orElseThrow());
      assertThat(groups().groupsOfMembers(Set.of())).isEmpty();
    }

    @Test
    @DisplayName("finds users by their groups: memberOf a group id, a group attribute, negated; never groups")
    void searchesUsersByTheirGroups() throws Exception {
      group("g2");
      groups().addMembers(change("g1", "u1", "u2"));
      groups().addMembers(change("g2", "u1"));

      assertThat(userIds(Condition.memberOf(Condition.eq(AttributeRef.ID, "g1", true)))).containsExactly("u1", "u2");
      assertThat(userIds(Condition.memberOf(Condition.eq(AttributeRef.of("displayName"), "group G2", false))))
          .containsExactly("u1");
      assertThat(userIds(Condition.not(Condition.memberOf(Condition.all())))).containsExactly("u3", "u4");
      assertThat(userIds(Condition.and(Condition.memberOf(Condition.eq(AttributeRef.ID, "g1", true)),
          Condition.eq(AttributeRef.ID, "u2", true)))).containsExactly("u2");
      assertThat(userIds(Condition.memberOf(Condition.eq(AttributeRef.ID, "G1", true)))).isEmpty();
      try (ResultPage<ResourceRecord> page = groups().search(new StoreQuery(
          Condition.memberOf(Condition.all()), Sort.BY_ID, PageRequest.offset(0, 100)))) {
        assertThat(page.items()).isEmpty();
      }
    }

    @Test
    @DisplayName("forgets a deleted group's memberships")
    void deletingGroupRemovesMemberships() throws Exception {
      group("g2");
      groups().addMembers(change("g1", "u1"));
      groups().addMembers(change("g2", "u1"));

      groups().delete(RecordDeletion.of("g1"));

      assertThat(groupsOf("u1")).containsExactly("g2");
      assertThat(groups().isMember("g1", "u1")).isFalse();
    }

    @Test
    @DisplayName("fails every delta and member listing on an unknown group")
    void unknownGroup() {
      assertThatExceptionOfType(ResourceNotFoundException.class)
          .isThrownBy(() -> groups().addMembers(change("missing", "u1")));
      assertThatExceptionOfType(ResourceNotFoundException.class)
          .isThrownBy(() -> groups().removeMembers(change("missing", "u1")));
      assertThatExceptionOfType(ResourceNotFoundException.class)
          .isThrownBy(() -> groups().replaceMembers(change("missing", "u1")));
      assertThatExceptionOfType(ResourceNotFoundException.class)
          .isThrownBy(() -> members("missing"));
    }
  }
}
