package io.github.scimkit.core.internal.engine;

import io.github.scimkit.core.config.PatchResponse;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import java.util.List;

/** The home of groups: {@code /Groups}, the group store, and {@code members} changed as deltas. */
final class GroupSupport extends ResourceSupport {

  GroupSupport(ResourceMapping mapping, PatchResponse patchResponse) {
    super(ResourceKind.GROUP, mapping, patchResponse);
  }

  @Override
  public RecordStore store(TenantStores stores) {
    return stores.groups();
  }

  @Override
  public boolean hasMembers() {
    return true;
  }

  @Override
  LifecycleEvent created(ChangeEvents.Stamp stamp, ResourceRecord record) {
    return new LifecycleEvent.GroupCreated(stamp.tenant(), record.id(), stamp.correlation(), stamp.at(), record);
  }

  @Override
  List<LifecycleEvent> updated(ChangeEvents.Stamp stamp, ResourceRecord before, ResourceRecord after) {
    return List.of(new LifecycleEvent.GroupUpdated(stamp.tenant(), after.id(), stamp.correlation(), stamp.at(), before, after));
  }

  @Override
  LifecycleEvent deleted(ChangeEvents.Stamp stamp, String id) {
    return new LifecycleEvent.GroupDeleted(stamp.tenant(), id, stamp.correlation(), stamp.at());
  }
}
