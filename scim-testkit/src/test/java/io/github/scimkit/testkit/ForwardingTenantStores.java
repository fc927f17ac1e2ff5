package io.github.scimkit.testkit;

import com.unboundid.scim2.common.exceptions.ScimException;
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
import io.github.scimkit.core.store.UnitOfWork;
import io.github.scimkit.core.store.UserStore;
import io.github.scimkit.core.store.query.StoreQuery;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tenant stores that forward every call to other ones, so that {@link BrokenStores} can break
 * one promise by overriding one method.
 */
class ForwardingTenantStores implements TenantStores {

  final TenantStores delegate;

  ForwardingTenantStores(TenantStores delegate) {
    this.delegate = delegate;
  }

  @Override
  public String tenantId() {
    return delegate.tenantId();
  }

  @Override
  public TenantSettings settings() throws ScimException {
    return delegate.settings();
  }

  @Override
  public UserStore users() {
    return delegate.users();
  }

  @Override
  public GroupStore groups() {
    return delegate.groups();
  }

  @Override
  public <T> T inTransaction(UnitOfWork<T> work) throws ScimException {
    return delegate.inTransaction(work);
  }

  /** A record store that forwards every call to its delegate. */
  abstract static class ForwardingRecordStore<S extends RecordStore> implements RecordStore {

    final S delegate;

    ForwardingRecordStore(S delegate) {
      this.delegate = delegate;
    }

    @Override
    public ResourceRecord create(NewRecord record) throws ScimException {
      return delegate.create(record);
    }

    @Override
    public Optional<ResourceRecord> get(String id) throws ScimException {
      return delegate.get(id);
    }

    @Override
    public ResourceRecord replace(RecordUpdate update) throws ScimException {
      return delegate.replace(update);
    }

    @Override
    public void delete(RecordDeletion deletion) throws ScimException {
      delegate.delete(deletion);
    }

    @Override
    public ResultPage<ResourceRecord> search(StoreQuery query) throws ScimException {
      return delegate.search(query);
    }
  }

  /** A user store that forwards every call. */
  static class ForwardingUserStore extends ForwardingRecordStore<UserStore> implements UserStore {

    ForwardingUserStore(UserStore delegate) {
      super(delegate);
    }

    @Override
    public Set<String> existingIds(Set<String> ids) throws ScimException {
      return delegate.existingIds(ids);
    }
  }

  /** A group store that forwards every call. */
  static class ForwardingGroupStore extends ForwardingRecordStore<GroupStore> implements GroupStore {

    ForwardingGroupStore(GroupStore delegate) {
      super(delegate);
    }

    @Override
    public MembershipResult addMembers(MembershipChange change) throws ScimException {
      return delegate.addMembers(change);
    }

    @Override
    public MembershipResult removeMembers(MembershipChange change) throws ScimException {
      return delegate.removeMembers(change);
    }

    @Override
    public MembershipResult replaceMembers(MembershipChange change) throws ScimException {
      return delegate.replaceMembers(change);
    }

    @Override
    public ResultPage<String> members(MemberQuery query) throws ScimException {
      return delegate.members(query);
    }

    @Override
    public boolean isMember(String groupId, String memberId) throws ScimException {
      return delegate.isMember(groupId, memberId);
    }

    @Override
    public Stream<String> groupsOf(String memberId) throws ScimException {
      return delegate.groupsOf(memberId);
    }

    @Override
    public java.util.Map<String, java.util.List<ResourceRecord>> groupsOfMembers(java.util.Set<String> memberIds)
        throws ScimException {
      return delegate.groupsOfMembers(memberIds);
    }
  }
}
