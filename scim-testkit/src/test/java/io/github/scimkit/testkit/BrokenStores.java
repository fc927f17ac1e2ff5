package io.github.scimkit.testkit;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.MembershipResult;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.RecordUpdate;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.UnitOfWork;
import io.github.scimkit.core.store.UserStore;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.StoreQuery;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Decorators over correct tenant stores that each break one promise of the SPI, the way a real
 * store might get it wrong. They exist to show that the contracts notice.
 */
final class BrokenStores {

  private BrokenStores() {}

  /** Compares every unique attribute case-exactly, so {@code User.A} and {@code user.a} coexist. */
  static TenantStores caseSensitiveUniqueness(TenantStores stores) {
    UserStore users = new ForwardingTenantStores.ForwardingUserStore(stores.users()) {
      @Override
      public ResourceRecord create(NewRecord record) throws ScimException {
        return delegate.create(new NewRecord(
            record.id(), record.created(), record.attributes(), caseExact(record.uniqueAttributes())));
      }

      @Override
      public ResourceRecord replace(RecordUpdate update) throws ScimException {
        return delegate.replace(new RecordUpdate(update.id(), update.expectedVersion(), update.lastModified(),
            update.attributes(), caseExact(update.uniqueAttributes())));
      }
    };
    return new ForwardingTenantStores(stores) {
      @Override
      public UserStore users() {
        return users;
      }
    };
  }

  /** Answers {@code existingIds} by folding case, as a case-insensitive collation would: {@code User-A} passes for {@code user-a}. */
  static TenantStores caseFoldingExistingIds(TenantStores stores) {
    UserStore users = new ForwardingTenantStores.ForwardingUserStore(stores.users()) {
      @Override
      public Set<String> existingIds(Set<String> ids) throws ScimException {
        Set<String> found = new LinkedHashSet<>();
        for (String id : ids) {
          if (delegate.get(id).isPresent() || delegate.get(id.toLowerCase(Locale.ROOT)).isPresent()) {
            found.add(id);
          }
        }
        return found;
      }
    };
    return new ForwardingTenantStores(stores) {
      @Override
      public UserStore users() {
        return users;
      }
    };
  }

  private static List<UniqueAttribute> caseExact(List<UniqueAttribute> uniques) {
    return uniques.stream().map(unique -> UniqueAttribute.caseExact(unique.name())).toList();
  }

  /**
   * Evaluates {@code ne} only where the attribute is present, as a naive SQL {@code <>} would.
   */
  static TenantStores neSkipsAbsentValues(TenantStores stores) {
    UserStore users = new ForwardingTenantStores.ForwardingUserStore(stores.users()) {
      @Override
      public ResultPage<ResourceRecord> search(StoreQuery query) throws ScimException {
        return delegate.search(new StoreQuery(presentOnlyNe(query.condition()), query.sort(), query.page()));
      }
    };
    return new ForwardingTenantStores(stores) {
      @Override
      public UserStore users() {
        return users;
      }
    };
  }

  private static Condition presentOnlyNe(Condition condition) {
    if (condition instanceof Condition.Compare compare && compare.operator() == Operator.NE) {
      return Condition.and(Condition.present(compare.attribute()), compare);
    }
    if (condition instanceof Condition.And and) {
      return new Condition.And(and.operands().stream().map(BrokenStores::presentOnlyNe).toList());
    }
    if (condition instanceof Condition.Or or) {
      return new Condition.Or(or.operands().stream().map(BrokenStores::presentOnlyNe).toList());
    }
    if (condition instanceof Condition.Not not) {
      return Condition.not(presentOnlyNe(not.operand()));
    }
    if (condition instanceof Condition.AnyElement any) {
      return Condition.anyElement(any.attribute(), presentOnlyNe(any.element()));
    }
    return condition;
  }

  /** Runs a unit of work straight on the stores, so a failing one leaves its writes behind. */
  static TenantStores nonAtomicUnitOfWork(TenantStores stores) {
    return new ForwardingTenantStores(stores) {
      @Override
      public <T> T inTransaction(UnitOfWork<T> work) throws ScimException {
        return work.execute(this);
      }
    };
  }

  /**
   * Adds members by reading the current ones and replacing them with the union, outside any lock,
   * so that concurrent deltas overwrite each other. Deltas from threads other than the one that
   * opened the tenant are the racing ones: the first two of them both read before either writes
   * (they meet at a latch), so one is lost on every run, not only when the scheduler happens to
   * interleave them. Deltas on the opening thread never wait.
   */
  static TenantStores lossyMembershipDeltas(TenantStores stores) {
    Thread opener = Thread.currentThread();
    CountDownLatch bothRead = new CountDownLatch(2);
    GroupStore groups = new ForwardingTenantStores.ForwardingGroupStore(stores.groups()) {
      @Override
      public MembershipResult addMembers(MembershipChange change) throws ScimException {
        Set<String> union = new LinkedHashSet<>();
        try (ResultPage<String> current =
            delegate.members(new MemberQuery(change.groupId(), PageRequest.offset(0, Integer.MAX_VALUE)))) {
          current.items().forEach(union::add);
        }
        union.addAll(change.memberIds());
        if (Thread.currentThread() != opener) {
          bothRead.countDown();
          awaitQuietly(bothRead);
        }
        return delegate.replaceMembers(new MembershipChange(change.groupId(), union, change.modifiedAt()));
      }
    };
    return new ForwardingTenantStores(stores) {
      @Override
      public GroupStore groups() {
        return groups;
      }
    };
  }

  /**
   * Waits for the other racing delta; the bound only keeps a lone delta from hanging, it is not
   * what makes the two meet.
   */
  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("No second concurrent delta arrived within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
