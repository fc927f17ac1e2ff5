package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UnitOfWork;
import io.github.scimkit.core.store.query.PageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link GroupStore} keeps, together with the {@link
 * TenantStores#inTransaction unit of work} of its tenant. Extend it in a test of your store and
 * implement {@link #newTenant()}:
 *
 * <pre>{@code
 * class MyGroupStoreComplianceTest extends GroupStoreContract {
 *   private final MyStoreProvider provider = new MyStoreProvider(testDatabase());
 *
 *   @Override
 *   protected TenantStores newTenant() {
 *     return provider.createTenant(UUID.randomUUID().toString());
 *   }
 * }
 * }</pre>
 *
 * <p>The inherited {@code @Nested} groups check the same record promises as {@link
 * UserStoreContract}, through {@link TenantStores#groups()} and with {@code displayName} as the
 * case-insensitive unique attribute, then membership deltas and the look-ups over memberships.
 * The groups declared here check member paging, units of work and concurrent deltas. Members are
 * users: the kit creates them in the tenant's user store first.
 */
public abstract class GroupStoreContract extends GroupMembershipContract {

  /** Creates the contract; subclasses are JUnit test classes. */
  protected GroupStoreContract() {}

  /**
   * Returns the stores of a new, empty tenant. The kit calls it before every test, and a second
   * time in the tests that check that two tenants are kept apart, so each call must return a
   * tenant with its own id that no earlier call returned. Both its user store and its group store
   * are used. The tenant's settings are not read.
   *
   * @return a fresh tenant's stores
   */
  @Override
  protected abstract TenantStores newTenant();

  /**
   * Returns how many single-member deltas each of the 8 racing threads adds in the concurrency
   * check: 50 by default, 1,000 when the system property {@code scimkit.test.heavy} is {@code
   * true} (the build's {@code heavy-tests} profile sets it). Override it to race longer.
   *
   * @return the deltas per thread, at least 1
   */
  protected int concurrentDeltasPerThread() {
    return Boolean.getBoolean("scimkit.test.heavy") ? 1_000 : 50;
  }

  /** One group with twelve members, added in shuffled order. */
  @Nested
  @DisplayName("Member paging")
  class MemberPaging {

    private final List<String> memberIds = new ArrayList<>();

    @BeforeEach
    void createMembers() throws Exception {
      group("g1");
      for (int i = 1; i <= 12; i++) {
        memberIds.add(String.format("m%02d", i));
      }
      List<String> shuffled = new ArrayList<>(memberIds);
      Collections.shuffle(shuffled, new Random(11));
      users(shuffled.toArray(String[]::new));
      groups().addMembers(MembershipChange.of("g1", shuffled, T1));
    }

    @Test
    @DisplayName("returns an offset page of member ids in ascending order, with the total")
    void offsetPage() throws Exception {
      try (ResultPage<String> page = groups().members(new MemberQuery("g1", PageRequest.offset(3, 4)))) {
        assertThat(page.items()).containsExactlyElementsOf(memberIds.subList(3, 7));
        assertThat(page.totalResults()).hasValue(12);
      }
    }

    @Test
    @DisplayName("counts the members for a count-only request")
    void countOnly() throws Exception {
      try (ResultPage<String> page = groups().members(new MemberQuery("g1", PageRequest.countOnly()))) {
        assertThat(page.items()).isEmpty();
        assertThat(page.totalResults()).hasValue(12);
      }
    }

    @Test
    @DisplayName("walks keyset pages over every member exactly once, in ascending order")
    void keysetWalk() throws Exception {
      List<String> seen = new ArrayList<>();
      Optional<String> token = Optional.empty();
      do {
        PageRequest request = token.map(t -> PageRequest.keyset(t, 5)).orElse(PageRequest.firstKeyset(5));
        try (ResultPage<String> page = groups().members(new MemberQuery("g1", request))) {
          seen.addAll(page.items().toList());
          token = page.nextToken();
        }
      } while (token.isPresent() && seen.size() <= memberIds.size());

      assertThat(seen).containsExactlyElementsOf(memberIds);
      assertThat(token).isEmpty();
    }
  }

  @Nested
  @DisplayName("Units of work")
  class Transactions {

    @BeforeEach
    void createGroup() throws Exception {
      group("g1");
    }

    @Test
    @DisplayName("commits every write of a unit of work that returns")
    void commits() throws Exception {
      String result = tenant.inTransaction(stores -> {
        user(stores, "u1");
        stores.groups().addMembers(change("g1", "u1"));
        return "done";
      });

      assertThat(result).isEqualTo("done");
      assertThat(tenant.users().get("u1")).isPresent();
      assertThat(groups().isMember("g1", "u1")).isTrue();
      assertThat(version("g1")).isEqualTo(2);
    }

    @Test
    @DisplayName("rolls back every write of a unit of work that throws a ScimException")
    void rollsBackOnScimException() throws Exception {
      ScimException failure = new PreconditionFailedException("stop");

      assertThatExceptionOfType(ScimException.class)
          .isThrownBy(() -> tenant.inTransaction(createUserAndJoinThenThrow(failure)))
          .isSameAs(failure);
      assertNothingLeftBehind();
    }

    @Test
    @DisplayName("rolls back every write of a unit of work that throws a RuntimeException")
    void rollsBackOnRuntimeException() throws Exception {
      RuntimeException failure = new IllegalStateException("boom");

      assertThatExceptionOfType(IllegalStateException.class)
          .isThrownBy(() -> tenant.inTransaction(stores -> {
            user(stores, "u1");
            stores.groups().addMembers(change("g1", "u1"));
            throw failure;
          }))
          .isSameAs(failure);
      assertNothingLeftBehind();
    }

    @Test
    @DisplayName("lets a nested unit of work join the outer one and roll back with it")
    void nestedJoins() throws Exception {
      ScimException failure = new PreconditionFailedException("stop");

      assertThatExceptionOfType(ScimException.class).isThrownBy(() -> tenant.inTransaction(outer -> {
        outer.inTransaction(createUserAndJoinThenThrow(null));
        assertThat(outer.groups().isMember("g1", "u1")).as("inner writes seen by the outer unit").isTrue();
        throw failure;
      })).isSameAs(failure);
      assertNothingLeftBehind();
    }

    @Test
    @DisplayName("commits a nested unit of work with the outer one")
    void nestedCommits() throws Exception {
      tenant.inTransaction(outer -> outer.inTransaction(createUserAndJoinThenThrow(null)));

      assertThat(groupsOf("u1")).containsExactly("g1");
    }

    /** Creates user u1 and adds it to g1, then throws the failure unless it is null. */
    private UnitOfWork<Void> createUserAndJoinThenThrow(ScimException failure) {
      return stores -> {
        user(stores, "u1");
        stores.groups().addMembers(change("g1", "u1"));
        if (failure != null) {
          throw failure;
        }
        return null;
      };
    }

    private void assertNothingLeftBehind() throws ScimException {
      assertThat(tenant.users().get("u1")).isEmpty();
      assertThat(groups().isMember("g1", "u1")).isFalse();
      assertThat(groupsOf("u1")).isEmpty();
      assertThat(members("g1")).isEmpty();
      assertThat(version("g1")).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Concurrent deltas")
  class Concurrency {

    private static final int THREADS = 8;

    @Test
    @DisplayName("keeps every member when 8 threads add members one delta at a time, all at once")
    void concurrentAddsLoseNothing() throws Exception {
      int perThread = concurrentDeltasPerThread();
      group("g1");
      for (int t = 0; t < THREADS; t++) {
        for (int i = 0; i < perThread; i++) {
          user(tenant, memberId(t, i));
        }
      }
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          Callable<Void> worker = () -> {
            start.await();
            for (int i = 0; i < perThread; i++) {
              groups().addMembers(MembershipChange.of("g1", Set.of(memberId(thread, i)), T1));
            }
            return null;
          };
          workers.add(pool.submit(worker));
        }
        start.countDown();
        for (Future<Void> worker : workers) {
          worker.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      try (ResultPage<String> page = groups().members(new MemberQuery("g1", PageRequest.countOnly()))) {
        assertThat(page.totalResults()).hasValue(THREADS * perThread);
      }
      assertThat(version("g1")).isEqualTo(1 + THREADS * perThread);
    }

    private String memberId(int thread, int index) {
      return String.format("t%d-m%04d", thread, index);
    }
  }
}