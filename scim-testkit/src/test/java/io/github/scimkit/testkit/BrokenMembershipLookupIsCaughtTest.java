package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.store.query.PageRequest;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Shows that {@link GroupMembershipLookupContract} can fail: a store whose {@code isMember}
 * compares ids ignoring case, as a case-insensitive SQL collation would, fails exactly the
 * pair-lookup test, and the in-memory store passes the whole contract.
 */
class BrokenMembershipLookupIsCaughtTest {

  @Test
  @DisplayName("an isMember that ignores case fails the pair-lookup test, and only it")
  void caseInsensitiveIsMember() {
    ContractRun run = ContractRun.of(CaseInsensitiveIsMember.class);

    assertThat(run.failedTests()).containsExactly("isMember answers for one pair, case-exactly, and forgets a removed member");
  }

  @Test
  @DisplayName("the in-memory stores pass the contract undecorated")
  void correctStoresPass() {
    ContractRun run = ContractRun.of(InMemoryGroupMembershipLookupTest.class);

    assertThat(run.failedTests()).isEmpty();
    assertThat(run.successCount()).isEqualTo(5);
  }

  @Tag(BrokenStoresAreCaughtTest.BROKEN)
  static class CaseInsensitiveIsMember extends GroupMembershipLookupContract {
    private final InMemoryStoreProvider provider = new InMemoryStoreProvider();

    @Override
    protected TenantStores newTenant() {
      TenantStores stores = provider.createTenant(UUID.randomUUID().toString());
      GroupStore groups = new ForwardingTenantStores.ForwardingGroupStore(stores.groups()) {
        @Override
        public boolean isMember(String groupId, String memberId) throws ScimException {
          try (ResultPage<String> page = delegate.members(new MemberQuery(groupId, PageRequest.offset(0, 1000)))) {
            return page.items().anyMatch(memberId::equalsIgnoreCase);
          } catch (ScimException e) {
            return false;
          }
        }
      };
      return new ForwardingTenantStores(stores) {
        @Override
        public GroupStore groups() {
          return groups;
        }
      };
    }
  }
}
