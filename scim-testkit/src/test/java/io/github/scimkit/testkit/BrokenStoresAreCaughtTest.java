package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Shows that the contracts can fail: each deliberately broken store runs its contract through
 * the JUnit Platform launcher, and exactly the tests of the broken promise fail.
 *
 * <p>The contract subclasses over broken stores are static nested classes, which Surefire skips
 * (its default excludes hold {@code **}{@code /*$*}), and carry the {@value #BROKEN} tag, which
 * the module's Surefire configuration excludes as well.
 */
class BrokenStoresAreCaughtTest {

  /** The tag of contract runs that are meant to fail. */
  static final String BROKEN = "broken-store";

  @Test
  @DisplayName("case-sensitive userName uniqueness fails the uniqueness tests")
  void caseSensitiveUniqueness() {
    ContractRun run = ContractRun.of(CaseSensitiveUniqueness.class);

    assertThat(run.failureCount()).isPositive();
    assertThat(run.failedTests()).containsExactlyInAnyOrder(
        "rejects a name that differs only in case",
        "folds non-ASCII letters when comparing a case-insensitive name",
        "rejects a replace into a taken name and changes nothing",
        "lets exactly one of 8 racing creates of one name in different cases win");
  }

  @Test
  @DisplayName("an ne that skips absent values fails the absent-value tests")
  void neSkipsAbsentValues() {
    ContractRun run = ContractRun.of(NeSkipsAbsentValues.class);

    assertThat(run.failureCount()).isPositive();
    assertThat(run.failedTests()).containsExactlyInAnyOrder(
        "matches ne where the attribute is absent",
        "compares booleans and binary values with eq and ne",
        "compares integers with every operator",
        "never matches a value of another type, so ne does");
  }

  @Test
  @DisplayName("an existingIds that folds case fails the case-exact test")
  void caseFoldingExistingIds() {
    ContractRun run = ContractRun.of(CaseFoldingExistingIds.class);

    assertThat(run.failureCount()).isPositive();
    assertThat(run.failedTests()).containsExactly("compares ids case-exactly, as get does");
  }

  @Test
  @DisplayName("a unit of work without rollback fails the rollback tests")
  void nonAtomicUnitOfWork() {
    ContractRun run = ContractRun.of(NonAtomicUnitOfWork.class);

    assertThat(run.failureCount()).isPositive();
    assertThat(run.failedTests()).containsExactlyInAnyOrder(
        "rolls back every write of a unit of work that throws a ScimException",
        "rolls back every write of a unit of work that throws a RuntimeException",
        "lets a nested unit of work join the outer one and roll back with it");
  }

  @Test
  @DisplayName("a read-then-replace membership delta fails the concurrency test")
  void lossyMembershipDeltas() {
    ContractRun run = ContractRun.of(LossyMembershipDeltas.class);

    assertThat(run.failureCount()).isPositive();
    assertThat(run.failedTests()).containsExactly(
        "keeps every member when 8 threads add members one delta at a time, all at once");
  }

  @Test
  @DisplayName("the same contracts pass over the in-memory stores undecorated")
  void correctStoresPass() {
    ContractRun users = ContractRun.of(InMemoryUserStoreComplianceTest.class);
    ContractRun groups = ContractRun.of(InMemoryGroupStoreComplianceTest.class);

    assertThat(users.failedTests()).isEmpty();
    assertThat(users.successCount()).isPositive();
    assertThat(groups.failedTests()).isEmpty();
    assertThat(groups.successCount()).isPositive();
  }

  private static TenantStores inMemoryTenant(InMemoryStoreProvider provider) {
    return provider.createTenant(UUID.randomUUID().toString());
  }

  @Tag(BROKEN)
  static class CaseSensitiveUniqueness extends UserStoreContract {
    private final InMemoryStoreProvider provider = new InMemoryStoreProvider();

    @Override
    protected TenantStores newTenant() {
      return BrokenStores.caseSensitiveUniqueness(inMemoryTenant(provider));
    }
  }

  @Tag(BROKEN)
  static class NeSkipsAbsentValues extends UserStoreContract {
    private final InMemoryStoreProvider provider = new InMemoryStoreProvider();

    @Override
    protected TenantStores newTenant() {
      return BrokenStores.neSkipsAbsentValues(inMemoryTenant(provider));
    }
  }

  @Tag(BROKEN)
  static class CaseFoldingExistingIds extends UserStoreContract {
    private final InMemoryStoreProvider provider = new InMemoryStoreProvider();

    @Override
    protected TenantStores newTenant() {
      return BrokenStores.caseFoldingExistingIds(inMemoryTenant(provider));
    }
  }

  @Tag(BROKEN)
  static class NonAtomicUnitOfWork extends GroupStoreContract {
    private final InMemoryStoreProvider provider = new InMemoryStoreProvider();

    @Override
    protected TenantStores newTenant() {
      return BrokenStores.nonAtomicUnitOfWork(inMemoryTenant(provider));
    }
  }

  @Tag(BROKEN)
  static class LossyMembershipDeltas extends GroupStoreContract {
    private final InMemoryStoreProvider provider = new InMemoryStoreProvider();

    @Override
    protected TenantStores newTenant() {
      return BrokenStores.lossyMembershipDeltas(inMemoryTenant(provider));
    }
  }
}
