package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.RecordDeletion;
import io.github.scimkit.core.store.RecordUpdate;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.StoreQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link io.github.scimkit.core.store.RecordStore} write promises shared by users and groups:
 * creating, reading, replacing and deleting records, expected versions, uniqueness and tenant
 * isolation.
 */
abstract class RecordWriteContract extends StoreFixtures {

  /** One attribute of every value type a record can carry. */
  static Attributes everyValueType() {
    return Attributes.builder()
        .set("nickName", "Bobby")
        .set("active", true)
        .set("loginCount", 42L)
        .set("rating", new BigDecimal("4.75"))
        .set("lastLogin", Instant.parse("2024-04-30T08:00:00.123456789Z"))
        .set("certificate", BinaryValue.of(new byte[] {0, 1, 2, (byte) 0xff}))
        .set("name", ComplexValue.of("givenName", "Bob", "familyName", "Builder"))
        .set("tags", List.of("blue", "green"))
        .set("emails", List.of(
            ComplexValue.of("type", "work", "value", "bob@work.example", "primary", true),
            ComplexValue.of("type", "home", "value", "bob@home.example")))
        .build();
  }

  @Nested
  @DisplayName("Creating, reading, replacing and deleting")
  class Crud {

    @Test
    @DisplayName("creates a record with version 1 that echoes attributes of every value type")
    void createEchoesEveryValueType() throws Exception {
      ResourceRecord created = create("r1", everyValueType());

      assertThat(created).isEqualTo(new ResourceRecord("r1", 1, T0, T0, everyValueType()));
    }

    @Test
    @DisplayName("returns every value type unchanged from get and from search")
    void valuesRoundTrip() throws Exception {
      ResourceRecord created = create("r1", everyValueType());

      assertThat(store().get("r1")).contains(created);
      try (ResultPage<ResourceRecord> page =
          store().search(StoreQuery.of(Condition.eq(AttributeRef.ID, "r1", true), 0, 10))) {
        assertThat(page.items()).containsExactly(created);
      }
    }

    @Test
    @DisplayName("keeps instants at millisecond precision")
    void keepsMilliseconds() throws Exception {
      Instant withNanos = Instant.parse("2024-04-30T08:00:00.987654321Z");
      store().create(new NewRecord("r1", withNanos, Attributes.of(Map.of("seen", withNanos)), uniques()));

      ResourceRecord read = store().get("r1").orElseThrow();
      assertThat(read.created()).isEqualTo(Instant.parse("2024-04-30T08:00:00.987Z"));
      assertThat(read.attributes().getInstant("seen")).contains(Instant.parse("2024-04-30T08:00:00.987Z"));
    }

    @Test
    @DisplayName("returns nothing for an unknown id")
    void getUnknown() throws Exception {
      assertThat(store().get("missing")).isEmpty();
    }

    @Test
    @DisplayName("compares ids case-exactly")
    void idsAreCaseExact() throws Exception {
      create("abc", Attributes.empty());

      assertThat(store().get("ABC")).isEmpty();
    }

    @Test
    @DisplayName("rejects a second record with a taken id")
    void rejectsTakenId() throws Exception {
      createNamed("r1", "first");

      assertUniquenessConflict(() -> createNamed("r1", "second"));
      assertThat(store().get("r1").orElseThrow().attributes().getString(uniqueName())).contains("first");
    }

    @Test
    @DisplayName("replaces the attributes, keeps id and created, sets lastModified and raises the version")
    void replaceRecord() throws Exception {
      create("r1", everyValueType());
      Attributes replacement = Attributes.of(Map.of("nickName", "Rob"));

      ResourceRecord replaced = replace("r1", replacement);

      assertThat(replaced).isEqualTo(new ResourceRecord("r1", 2, T0, T1, replacement));
      assertThat(store().get("r1")).contains(replaced);
    }

    @Test
    @DisplayName("keeps host-owned attributes like any other")
    void keepsHostOwnedAttributes() throws Exception {
      Attributes withHostData = Attributes.of(Map.of("nickName", "Bob", "acme:costCenter", "CC-7"));
      create("r1", withHostData);

      assertThat(store().get("r1").orElseThrow().attributes()).isEqualTo(withHostData);
      assertThat(matching(Condition.eq(AttributeRef.of("acme:costCenter"), "CC-7", true))).containsExactly("r1");
      assertThat(replace("r1", withHostData.with("acme:costCenter", "CC-8")).attributes().getString("acme:costCenter"))
          .contains("CC-8");
    }

    @Test
    @DisplayName("fails to replace an unknown record")
    void replaceUnknown() {
      assertThatExceptionOfType(ResourceNotFoundException.class)
          .isThrownBy(() -> replace("missing", Attributes.empty()));
    }

    @Test
    @DisplayName("deletes a record so that get and search no longer find it")
    void deleteRecord() throws Exception {
      create("r1", Attributes.empty());
      create("r2", Attributes.empty());

      store().delete(RecordDeletion.of("r1"));

      assertThat(store().get("r1")).isEmpty();
      assertThat(matching(Condition.all())).containsExactly("r2");
    }

    @Test
    @DisplayName("fails to delete an unknown record")
    void deleteUnknown() {
      assertThatExceptionOfType(ResourceNotFoundException.class)
          .isThrownBy(() -> store().delete(RecordDeletion.of("missing")));
    }
  }

  @Nested
  @DisplayName("Expected versions")
  class Versions {

    @Test
    @DisplayName("raises the version by one on every replace")
    void everyWriteRaisesVersion() throws Exception {
      create("r1", Attributes.empty());
      replace("r1", Attributes.of(Map.of("nickName", "a")));

      assertThat(replace("r1", Attributes.of(Map.of("nickName", "b"))).version()).isEqualTo(3);
    }

    @Test
    @DisplayName("replaces when the expected version is the current one")
    void replaceWithCurrentVersion() throws Exception {
      create("r1", Attributes.empty());

      ResourceRecord replaced = store().replace(update("r1", OptionalLong.of(1), Attributes.of(Map.of("nickName", "a"))));

      assertThat(replaced.version()).isEqualTo(2);
    }

    @Test
    @DisplayName("refuses a replace with a stale expected version and changes nothing")
    void replaceWithStaleVersion() throws Exception {
      create("r1", Attributes.empty());
      ResourceRecord current = replace("r1", Attributes.of(Map.of("nickName", "a")));

      assertThatExceptionOfType(PreconditionFailedException.class)
          .isThrownBy(() -> store().replace(update("r1", OptionalLong.of(1), Attributes.of(Map.of("nickName", "b")))));
      assertThat(store().get("r1")).contains(current);
    }

    @Test
    @DisplayName("deletes when the expected version is the current one")
    void deleteWithCurrentVersion() throws Exception {
      create("r1", Attributes.empty());

      store().delete(new RecordDeletion("r1", OptionalLong.of(1)));

      assertThat(store().get("r1")).isEmpty();
    }

    @Test
    @DisplayName("refuses a delete with a stale expected version and keeps the record")
    void deleteWithStaleVersion() throws Exception {
      create("r1", Attributes.empty());
      ResourceRecord current = replace("r1", Attributes.of(Map.of("nickName", "a")));

      assertThatExceptionOfType(PreconditionFailedException.class)
          .isThrownBy(() -> store().delete(new RecordDeletion("r1", OptionalLong.of(1))));
      assertThat(store().get("r1")).contains(current);
    }

    private RecordUpdate update(String id, OptionalLong expected, Attributes attributes) {
      return new RecordUpdate(id, expected, T1, attributes, uniques());
    }
  }

  @Nested
  @DisplayName("Uniqueness")
  class Uniqueness {

    @Test
    @DisplayName("rejects a name that differs only in case")
    void caseInsensitiveClash() throws Exception {
      createNamed("r1", "User.A");

      assertUniquenessConflict(() -> createNamed("r2", "user.a"));
      assertThat(store().get("r2")).isEmpty();
    }

    @Test
    @DisplayName("folds non-ASCII letters when comparing a case-insensitive name")
    void nonAsciiFolding() throws Exception {
      createNamed("r1", "ÄRGER");

      assertUniquenessConflict(() -> createNamed("r2", "ärger"));
    }

    @Test
    @DisplayName("accepts externalIds that differ only in case, and rejects an equal one")
    void caseExactExternalId() throws Exception {
      create("r1", Attributes.of(Map.of(EXTERNAL_ID, "ABC-1")));
      create("r2", Attributes.of(Map.of(EXTERNAL_ID, "abc-1")));

      assertUniquenessConflict(() -> create("r3", Attributes.of(Map.of(EXTERNAL_ID, "ABC-1"))));
      assertThat(matching(Condition.all())).containsExactly("r1", "r2");
    }

    @Test
    @DisplayName("lets any number of records leave a unique attribute out")
    void absentValuesClaimNothing() throws Exception {
      create("r1", Attributes.of(Map.of("nickName", "a")));
      create("r2", Attributes.of(Map.of("nickName", "b")));

      assertThat(matching(Condition.all())).containsExactly("r1", "r2");
    }

    @Test
    @DisplayName("checks only the attributes a write names as unique")
    void onlyNamedAttributesAreUnique() throws Exception {
      store().create(new NewRecord("r1", T0, Attributes.of(Map.of(uniqueName(), "same")), List.of()));
      store().create(new NewRecord("r2", T0, Attributes.of(Map.of(uniqueName(), "same")), List.of()));

      assertThat(matching(Condition.all())).containsExactly("r1", "r2");
    }

    @Test
    @DisplayName("rejects a replace into a taken name and changes nothing")
    void replaceIntoTakenValue() throws Exception {
      createNamed("r1", "taken");
      ResourceRecord r2 = createNamed("r2", "free");

      assertUniquenessConflict(() -> replace("r2", Attributes.of(Map.of(uniqueName(), "TAKEN"))));
      assertThat(store().get("r2")).contains(r2);
    }

    @Test
    @DisplayName("lets a record keep its own unique values when replaced")
    void replaceKeepingOwnValue() throws Exception {
      create("r1", Attributes.of(Map.of(uniqueName(), "mine", EXTERNAL_ID, "x-1")));

      ResourceRecord replaced = replace("r1", Attributes.of(Map.of(uniqueName(), "MINE", EXTERNAL_ID, "x-1")));

      assertThat(replaced.attributes().getString(uniqueName())).contains("MINE");
    }

    @Test
    @DisplayName("frees a deleted record's name for reuse")
    void deletedValueIsReusable() throws Exception {
      createNamed("r1", "reused");
      store().delete(RecordDeletion.of("r1"));

      assertThat(createNamed("r2", "REUSED").version()).isEqualTo(1);
    }

    @Test
    @DisplayName("frees a name that a replace gave up")
    void replacedAwayValueIsReusable() throws Exception {
      createNamed("r1", "old");
      replace("r1", Attributes.of(Map.of(uniqueName(), "new")));

      assertThat(createNamed("r2", "Old").version()).isEqualTo(1);
    }

    @Test
    @DisplayName("lets exactly one of 8 racing creates of one name in different cases win")
    void racingCreates() throws Exception {
      List<String> variants = List.of("User.A", "user.a", "USER.A", "User.a", "uSER.A", "user.A", "USER.a", "UsEr.A");
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(variants.size());
      try {
        List<Future<ResourceRecord>> outcomes = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
          String id = "r" + i;
          String name = variants.get(i);
          Callable<ResourceRecord> attempt = () -> {
            start.await();
            return createNamed(id, name);
          };
          outcomes.add(pool.submit(attempt));
        }
        start.countDown();

        int created = 0;
        for (Future<ResourceRecord> outcome : outcomes) {
          try {
            outcome.get(30, TimeUnit.SECONDS);
            created++;
          } catch (ExecutionException failure) {
            assertThat(failure.getCause())
                .isInstanceOfSatisfying(ResourceConflictException.class,
                    conflict -> assertThat(conflict.getScimError().getScimType()).isEqualTo("uniqueness"));
          }
        }
        assertThat(created).isEqualTo(1);
        assertThat(matching(Condition.all())).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  @DisplayName("Tenants")
  class Tenants {

    @Test
    @DisplayName("keeps two tenants' records apart")
    void recordsStayInTheirTenant() throws Exception {
      TenantStores other = newTenant();
      create("r1", Attributes.empty());

      assertThat(storeOf(other).get("r1")).isEmpty();
      assertThat(ids(storeOf(other), StoreQuery.of(Condition.all(), 0, 10))).isEmpty();
      try (ResultPage<ResourceRecord> page = storeOf(other).search(StoreQuery.count(Condition.all()))) {
        assertThat(page.totalResults()).hasValue(0);
      }
    }

    @Test
    @DisplayName("lets two tenants use the same id and the same unique values")
    void uniquenessIsPerTenant() throws Exception {
      TenantStores other = newTenant();
      createNamed("r1", "shared");

      ResourceRecord inOther = create(storeOf(other), "r1", Attributes.of(Map.of(uniqueName(), "shared")));

      assertThat(inOther.version()).isEqualTo(1);
    }

    @Test
    @DisplayName("gives every tenant its own id")
    void tenantIds() {
      assertThat(newTenant().tenantId()).isNotEqualTo(tenant.tenantId());
    }
  }
}
