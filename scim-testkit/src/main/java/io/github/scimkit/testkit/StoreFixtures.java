package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.RecordUpdate;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.StoreQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

/**
 * What {@link UserStoreContract} and {@link GroupStoreContract} share: the tenant each test runs
 * in and the fixtures for writing and searching records.
 *
 * <p>Each test gets a fresh tenant from {@link #newTenant()}. The record-level groups exercise
 * the store that {@link #storeOf(TenantStores)} picks, with one case-insensitive unique attribute
 * named by {@link #uniqueName()} and the case-exact unique attribute {@code externalId}.
 */
abstract class StoreFixtures {

  /** The creation time of every record the kit creates, unless a test needs another. */
  static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123Z");

  /** The modification time the kit passes to replacements and membership deltas. */
  static final Instant T1 = T0.plusSeconds(60);

  /** The case-exact unique attribute of both stores. */
  static final String EXTERNAL_ID = "externalId";

  /** The tenant the current test runs in. */
  TenantStores tenant;

  /**
   * Returns the stores of a new, empty tenant; see the subclasses for the full contract.
   *
   * @return a fresh tenant's stores
   */
  protected abstract TenantStores newTenant();

  /** Picks the store under test from a tenant's stores. */
  abstract RecordStore storeOf(TenantStores stores);

  /** Names the case-insensitive unique attribute: {@code userName} or {@code displayName}. */
  abstract String uniqueName();

  /**
   * Returns how much work the store's searches have done so far, in a unit of the store's choice
   * that does not depend on timing (records or rows examined), when the store can show it. The
   * kit then checks that an unfiltered page costs the same in a small and a large tenant. The
   * default is empty, which skips those checks.
   *
   * @return the work counter, or empty
   */
  protected OptionalLong searchWork() {
    return OptionalLong.empty();
  }

  @BeforeEach
  void openTenant() {
    tenant = newTenant();
  }

  RecordStore store() {
    return storeOf(tenant);
  }

  List<UniqueAttribute> uniques() {
    return List.of(UniqueAttribute.caseInsensitive(uniqueName()), UniqueAttribute.caseExact(EXTERNAL_ID));
  }

  /** Creates a record with the kit's unique attributes, at {@link #T0}. */
  ResourceRecord create(String id, Attributes attributes) throws ScimException {
    return create(store(), id, attributes);
  }

  ResourceRecord create(RecordStore target, String id, Attributes attributes) throws ScimException {
    return target.create(new NewRecord(id, T0, attributes, uniques()));
  }

  /** Creates a record whose only attribute is the case-insensitive unique one. */
  ResourceRecord createNamed(String id, String name) throws ScimException {
    return create(id, Attributes.of(Map.of(uniqueName(), name)));
  }

  /** Replaces a record's attributes at {@link #T1}, without an expected version. */
  ResourceRecord replace(String id, Attributes attributes) throws ScimException {
    return store().replace(new RecordUpdate(id, OptionalLong.empty(), T1, attributes, uniques()));
  }

  /** Returns the ids a query finds, in the order the store returns them. */
  List<String> ids(StoreQuery query) throws ScimException {
    return ids(store(), query);
  }

  static List<String> ids(RecordStore target, StoreQuery query) throws ScimException {
    try (ResultPage<ResourceRecord> page = target.search(query)) {
      return page.items().map(ResourceRecord::id).toList();
    }
  }

  /** Returns the ids of every record matching a condition, in id order. */
  List<String> matching(Condition condition) throws ScimException {
    return ids(StoreQuery.of(condition, 0, 1_000));
  }

  static void assertUniquenessConflict(ThrowingCallable write) {
    assertThatExceptionOfType(ResourceConflictException.class)
        .isThrownBy(write)
        .satisfies(conflict -> assertThat(conflict.getScimError().getScimType()).isEqualTo("uniqueness"));
  }
}
