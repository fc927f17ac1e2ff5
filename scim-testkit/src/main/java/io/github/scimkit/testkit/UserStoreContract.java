package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.RecordDeletion;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.UserStore;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link io.github.scimkit.core.store.UserStore} keeps. Extend it in a test of
 * your store and implement {@link #newTenant()}:
 *
 * <pre>{@code
 * class MyUserStoreComplianceTest extends UserStoreContract {
 *   private final MyStoreProvider provider = new MyStoreProvider(testDatabase());
 *
 *   @Override
 *   protected TenantStores newTenant() {
 *     return provider.createTenant(UUID.randomUUID().toString());
 *   }
 * }
 * }</pre>
 *
 * <p>The inherited {@code @Nested} groups check creating, reading, replacing and deleting users,
 * expected versions, uniqueness ({@code userName} case-insensitive, {@code externalId}
 * case-exact), tenant isolation, every filter operator, sorting and offset and keyset paging,
 * all through {@link TenantStores#users()}, and {@link UserStore#existingIds}.
 */
public abstract class UserStoreContract extends PageCostContract {

  /** Creates the contract; subclasses are JUnit test classes. */
  protected UserStoreContract() {}

  /**
   * Returns the stores of a new, empty tenant. The kit calls it before every test, and a second
   * time in the tests that check that two tenants are kept apart, so each call must return a
   * tenant with its own id that no earlier call returned. The tenant's settings are not read.
   *
   * @return a fresh tenant's stores
   */
  @Override
  protected abstract TenantStores newTenant();

  @Override
  RecordStore storeOf(TenantStores stores) {
    return stores.users();
  }

  @Override
  String uniqueName() {
    return "userName";
  }

  /** {@link UserStore#existingIds}: which of many ids name users of this tenant. */
  @Nested
  @DisplayName("Existing ids")
  class ExistingIds {

    @Test
    @DisplayName("returns exactly the ids that name users, leaving out unknown and deleted ones")
    void existingOnly() throws Exception {
      createNamed("u1", "ann");
      createNamed("u2", "bob");
      createNamed("u3", "cy");
      store().delete(new RecordDeletion("u3", OptionalLong.empty()));

      assertThat(users().existingIds(Set.of("u1", "u2", "u3", "nobody"))).containsExactlyInAnyOrder("u1", "u2");
      assertThat(users().existingIds(Set.of("nobody"))).isEmpty();
      assertThat(users().existingIds(Set.of())).isEmpty();
    }

    @Test
    @DisplayName("compares ids case-exactly, as get does")
    void caseExact() throws Exception {
      createNamed("user-a", "ann");

      assertThat(users().existingIds(Set.of("user-a", "User-A", "USER-A"))).containsExactly("user-a");
    }

    @Test
    @DisplayName("sees neither another tenant's users nor this tenant's groups")
    void onlyThisTenantsUsers() throws Exception {
      TenantStores other = newTenant();
      create(other.users(), "theirs", Attributes.of(Map.of(uniqueName(), "theirs")));
      tenant.groups().create(new NewRecord("group", T0, Attributes.of(Map.of("displayName", "Eng")),
          List.of(UniqueAttribute.caseInsensitive("displayName"))));
      createNamed("mine", "mine");

      assertThat(users().existingIds(Set.of("mine", "theirs", "group"))).containsExactly("mine");
    }

    @Test
    @DisplayName("answers for 1,200 ids at once")
    void manyIds() throws Exception {
      Set<String> asked = new HashSet<>();
      for (int i = 0; i < 1_200; i++) {
        asked.add("id" + i);
      }
      createNamed("id7", "seven");
      createNamed("id1199", "last");

      assertThat(users().existingIds(asked)).containsExactlyInAnyOrder("id7", "id1199");
    }

    private UserStore users() {
      return tenant.users();
    }
  }
}
