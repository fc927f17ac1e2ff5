package io.github.scimkit.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.MembershipResult;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.RecordDeletion;
import io.github.scimkit.core.store.RecordUpdate;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantLookup;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.UserStore;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InMemoryStoreProviderTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2024-02-01T00:00:00Z");
  private static final List<UniqueAttribute> UNIQUE = List.of(UniqueAttribute.caseInsensitive("userName"));
  private static final AttributeRef USER_NAME = AttributeRef.of("userName");

  private final InMemoryStoreProvider provider = new InMemoryStoreProvider();
  private final TenantStores tenant = provider.createTenant("acme");
  private final UserStore users = tenant.users();
  private final GroupStore groups = tenant.groups();

  private static NewRecord user(String id, String userName) {
    return new NewRecord(id, T0, Attributes.of(Map.of("userName", userName)), UNIQUE);
  }

  private static RecordUpdate rename(String id, String userName) {
    return new RecordUpdate(id, OptionalLong.empty(), T1, Attributes.of(Map.of("userName", userName)), UNIQUE);
  }

  private static MembershipChange change(String groupId, String... memberIds) {
    return MembershipChange.of(groupId, List.of(memberIds), T1);
  }

  private static <T> List<T> items(ResultPage<T> page) {
    try (page) {
      return page.items().collect(Collectors.toList());
    }
  }

  private List<String> userNames() throws ScimException {
    return items(users.search(StoreQuery.of(Condition.all(), 0, 100))).stream()
        .map(record -> record.attributes().getString("userName").orElseThrow())
        .collect(Collectors.toList());
  }

  @Test
  void managesTenantsAndSettings() throws ScimException {
    assertThat(provider.tenant("acme")).containsSame(tenant);
    assertThatThrownBy(() -> provider.createTenant("acme")).isInstanceOf(IllegalStateException.class);
    TenantSettings strict = TenantSettings.defaults().withMode(ScimMode.STRICT);
    provider.updateSettings("acme", strict);
    assertThat(tenant.settings()).isEqualTo(strict);
    assertThat(provider.lookUp("acme")).contains(new TenantLookup(tenant, strict));
    assertThat(provider.removeTenant("acme")).isTrue();
    assertThat(provider.tenant("acme")).isEmpty();
    assertThat(provider.lookUp("acme")).isEmpty();
  }

  @Test
  void versionsRiseWithEachWriteAndStaleVersionsChangeNothing() throws ScimException {
    assertThat(users.create(user("u1", "bob")).version()).isEqualTo(1);
    ResourceRecord renamed = users.replace(rename("u1", "robert"));
    assertThat(renamed.version()).isEqualTo(2);
    assertThat(renamed.lastModified()).isEqualTo(T1);
    assertThat(renamed.created()).isEqualTo(T0);

    RecordUpdate stale = new RecordUpdate("u1", OptionalLong.of(1), T1, Attributes.empty(), UNIQUE);
    assertThatThrownBy(() -> users.replace(stale)).isInstanceOf(PreconditionFailedException.class);
    assertThatThrownBy(() -> users.delete(new RecordDeletion("u1", OptionalLong.of(1))))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(users.get("u1")).contains(renamed);

    assertThatThrownBy(() -> users.replace(rename("nobody", "x"))).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> users.delete(RecordDeletion.of("nobody"))).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void uniqueValuesClashCaseInsensitivelyAndAreFreedByReplaceAndDelete() throws ScimException {
    users.create(user("u1", "User.A"));
    assertThatThrownBy(() -> users.create(user("u2", "user.a")))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.getScimError().getScimType()).isEqualTo("uniqueness"))
        .hasMessageContaining("userName");
    assertThatThrownBy(() -> users.create(user("u1", "other")))
        .isInstanceOf(ResourceConflictException.class);
    assertThat(users.get("u2")).isEmpty();

    users.replace(rename("u1", "User.B"));
    users.create(user("u2", "user.a"));
    assertThatThrownBy(() -> users.replace(rename("u2", "USER.B"))).isInstanceOf(ResourceConflictException.class);
    users.delete(RecordDeletion.of("u1"));
    users.replace(rename("u2", "USER.B"));
    assertThat(userNames()).containsExactly("USER.B");
  }

  @Test
  void searchesByUniqueIndexAndVerifiesTheFullCondition() throws ScimException {
    users.create(user("u1", "Alice"));
    users.create(user("u2", "Bob"));
    assertThat(items(users.search(StoreQuery.of(Condition.eq(USER_NAME, "ALICE", false), 0, 10))))
        .extracting(ResourceRecord::id).containsExactly("u1");
    assertThat(items(users.search(StoreQuery.of(Condition.eq(USER_NAME, "ALICE", true), 0, 10)))).isEmpty();
    assertThat(items(users.search(StoreQuery.of(Condition.and(
        Condition.eq(USER_NAME, "bob", false), Condition.eq(AttributeRef.ID, "u1", true)), 0, 10)))).isEmpty();
    assertThat(items(users.search(StoreQuery.of(Condition.eq(AttributeRef.ID, "u2", true), 0, 10))))
        .extracting(ResourceRecord::id).containsExactly("u2");
  }

  @Test
  void rollsBackCreatesReplacesDeletesAndMembershipOnCheckedException() throws ScimException {
    assertRollsBack(new ResourceConflictException("boom"));
  }

  @Test
  void rollsBackCreatesReplacesDeletesAndMembershipOnRuntimeException() throws ScimException {
    assertRollsBack(new IllegalStateException("boom"));
  }

  private void assertRollsBack(Exception failure) throws ScimException {
    users.create(user("u1", "keep"));
    users.create(user("u2", "doomed"));
    groups.create(new NewRecord("g1", T0, Attributes.empty(), List.of()));
    groups.create(new NewRecord("g2", T0, Attributes.empty(), List.of()));
    groups.addMembers(change("g1", "u1", "u2"));
    groups.addMembers(change("g2", "u2"));
    ResourceRecord g1 = groups.get("g1").orElseThrow();

    assertThatThrownBy(() -> tenant.inTransaction(stores -> {
      stores.users().create(user("u3", "new"));
      stores.users().replace(rename("u1", "changed"));
      stores.users().delete(RecordDeletion.of("u2"));
      stores.groups().removeMembers(change("g1", "u2"));
      stores.groups().addMembers(change("g1", "u3"));
      stores.groups().delete(RecordDeletion.of("g2"));
      stores.inTransaction(nested -> nested.users().create(user("u4", "nested")));
      if (failure instanceof ScimException scim) {
        throw scim;
      }
      throw (RuntimeException) failure;
    })).isSameAs(failure);

    assertThat(users.get("u3")).isEmpty();
    assertThat(users.get("u4")).isEmpty();
    assertThat(userNames()).containsExactly("keep", "doomed");
    assertThat(groups.get("g1")).contains(g1);
    assertThat(items(groups.members(new MemberQuery("g1", PageRequest.offset(0, 10))))).containsExactly("u1", "u2");
    assertThat(groups.get("g2")).isPresent();
    assertThat(groups.groupsOf("u2")).containsExactly("g1", "g2");
    assertThat(groups.groupsOf("u3")).isEmpty();
    // Freed and claimed unique values are restored too.
    assertThatThrownBy(() -> users.create(user("u5", "KEEP"))).isInstanceOf(ResourceConflictException.class);
    users.create(user("u5", "changed"));
  }

  @Test
  void commitsAUnitOfWorkThatReturns() throws ScimException {
    String result = tenant.inTransaction(stores -> {
      stores.users().create(user("u1", "a"));
      assertThat(stores.users().get("u1")).isPresent();
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(users.get("u1")).isPresent();
  }

  @Test
  void aFailingNestedUnitUndoesOnlyItsOwnWrites() throws ScimException {
    tenant.inTransaction(stores -> {
      stores.users().create(user("outer", "outer"));
      assertThatThrownBy(() -> stores.inTransaction(nested -> {
        nested.users().create(user("inner", "inner"));
        throw new ResourceConflictException("inner fails");
      })).isInstanceOf(ResourceConflictException.class);
      assertThat(stores.users().get("inner")).isEmpty();
      return null;
    });
    assertThat(userNames()).containsExactly("outer");
  }

  @Test
  void exactlyOneOfRacingCreatesClaimsAUniqueValue() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String userName = i % 2 == 0 ? "User.A" : "user.a";
        NewRecord record = user("u" + i, userName);
        Callable<Boolean> attempt = () -> {
          start.await();
          try {
            users.create(record);
            return true;
          } catch (ResourceConflictException e) {
            return false;
          }
        };
        outcomes.add(pool.submit(attempt));
      }
      start.countDown();
      int successes = 0;
      for (Future<Boolean> outcome : outcomes) {
        successes += outcome.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(successes).isEqualTo(1);
      assertThat(userNames()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentMembershipDeltasLoseNoMember() throws Exception {
    groups.create(new NewRecord("g", T0, Attributes.empty(), List.of()));
    int threads = 8;
    int perThread = 1_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            groups.addMembers(change("g", "m-" + thread + "-" + i));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    try (ResultPage<String> count = groups.members(new MemberQuery("g", PageRequest.countOnly()))) {
      assertThat(count.totalResults()).hasValue(threads * perThread);
    }
    assertThat(groups.get("g").orElseThrow().version()).isEqualTo(1 + threads * perThread);
  }

  @Test
  void membershipDeltasReportWhatChanged() throws ScimException {
    groups.create(new NewRecord("g", T0, Attributes.empty(), List.of()));
    MembershipResult added = groups.addMembers(change("g", "a", "b"));
    assertThat(added.added()).containsExactlyInAnyOrder("a", "b");
    assertThat(added.group().version()).isEqualTo(2);
    assertThat(added.group().lastModified()).isEqualTo(T1);

    MembershipResult again = groups.addMembers(change("g", "a"));
    assertThat(again.changed()).isFalse();
    assertThat(again.group().version()).isEqualTo(2);

    MembershipResult replaced = groups.replaceMembers(change("g", "b", "c"));
    assertThat(replaced.added()).containsExactly("c");
    assertThat(replaced.removed()).containsExactly("a");
    assertThat(groups.isMember("g", "c")).isTrue();
    assertThat(groups.isMember("g", "a")).isFalse();

    assertThatThrownBy(() -> groups.addMembers(change("nope", "a"))).isInstanceOf(ResourceNotFoundException.class);
    groups.delete(RecordDeletion.of("g"));
    assertThat(groups.groupsOf("b")).isEmpty();
  }

  @Test
  void pagesMembersByOffsetAndKeyset() throws ScimException {
    groups.create(new NewRecord("g", T0, Attributes.empty(), List.of()));
    groups.addMembers(change("g", "e", "c", "a", "d", "b"));
    assertThat(items(groups.members(new MemberQuery("g", PageRequest.offset(1, 2))))).containsExactly("b", "c");

    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      PageRequest page = token == null ? PageRequest.firstKeyset(2) : PageRequest.keyset(token, 2);
      try (ResultPage<String> result = groups.members(new MemberQuery("g", page))) {
        seen.addAll(result.items().collect(Collectors.toList()));
        token = result.nextToken().orElse(null);
      }
    } while (token != null);
    assertThat(seen).containsExactly("a", "b", "c", "d", "e");
    assertThatThrownBy(() -> groups.members(new MemberQuery("g", PageRequest.keyset("garbage!", 2))))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void keysetPagesStayStableAcrossInsertsAndDeletes() throws ScimException {
    for (int i = 0; i < 10; i++) {
      users.create(user("u" + i, "name" + (char) ('a' + i)));
    }
    Sort byName = Sort.descending(USER_NAME, false);
    StoreQuery first = new StoreQuery(Condition.all(), byName, PageRequest.firstKeyset(4));
    List<String> seen = new ArrayList<>();
    String token;
    try (ResultPage<ResourceRecord> page = users.search(first)) {
      page.items().forEach(record -> seen.add(record.id()));
      token = page.nextToken().orElseThrow();
      assertThat(page.totalResults()).hasValue(10);
    }
    users.create(user("new-early", "namez"));
    users.create(user("new-late", "name0"));
    users.delete(RecordDeletion.of("u5"));
    while (token != null) {
      try (ResultPage<ResourceRecord> page = users.search(first.withPage(PageRequest.keyset(token, 4)))) {
        page.items().forEach(record -> seen.add(record.id()));
        token = page.nextToken().orElse(null);
      }
    }
    assertThat(seen).containsExactly("u9", "u8", "u7", "u6", "u4", "u3", "u2", "u1", "u0", "new-late");

    assertThatThrownBy(() -> users.search(first.withPage(PageRequest.keyset("%%%", 4))))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.getScimError().getScimType()).isEqualTo("invalidCursor"));
    assertThatThrownBy(() -> users.search(first.withSort(Sort.BY_ID).withPage(PageRequest.keyset(seenToken(first), 4))))
        .isInstanceOf(BadRequestException.class);
  }

  private String seenToken(StoreQuery query) throws ScimException {
    try (ResultPage<ResourceRecord> page = users.search(query)) {
      page.items().forEach(record -> { });
      return page.nextToken().orElseThrow();
    }
  }

  @Test
  void pagesByOffsetAndCounts() throws ScimException {
    for (int i = 0; i < 5; i++) {
      users.create(user("u" + i, "n" + i));
    }
    try (ResultPage<ResourceRecord> page = users.search(StoreQuery.of(Condition.all(), 3, 10))) {
      assertThat(page.items().map(ResourceRecord::id)).containsExactly("u3", "u4");
      assertThat(page.totalResults()).hasValue(5);
      assertThat(page.nextToken()).isEmpty();
    }
    Condition some = Condition.compare(USER_NAME, Operator.GE, "n2", false);
    try (ResultPage<ResourceRecord> page = users.search(StoreQuery.count(some))) {
      assertThat(page.items()).isEmpty();
      assertThat(page.totalResults()).hasValue(3);
    }
    assertThat(Set.copyOf(items(users.search(StoreQuery.of(some, 0, 10))).stream()
        .map(ResourceRecord::id).toList())).containsExactlyInAnyOrder("u2", "u3", "u4");
  }
}
