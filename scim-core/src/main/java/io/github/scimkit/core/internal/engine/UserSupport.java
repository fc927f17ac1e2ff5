package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.config.PatchResponse;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The home of users: {@code /Users}, the user store, {@code active} kept when a PUT leaves it
 * out and reported when it changes, memberships removed with the user, {@code groups} shown.
 */
final class UserSupport extends ResourceSupport {

  private static final String ACTIVE = "active";

  UserSupport(ResourceMapping mapping, PatchResponse patchResponse) {
    super(ResourceKind.USER, mapping, patchResponse);
  }

  @Override
  public RecordStore store(TenantStores stores) {
    return stores.users();
  }

  @Override
  public boolean showsGroups() {
    return true;
  }

  /** A PUT that leaves out {@code active} keeps the stored value (Okta and OneLogin send partial bodies). */
  @Override
  void keepOmitted(ResourceRecord current, ObjectNode desired) {
    if (desired.has(ACTIVE)) {
      return;
    }
    JsonNode active = mapping().render(current).getObjectNode().get(ACTIVE);
    if (active != null) {
      desired.set(ACTIVE, active);
    }
  }

  /** Removes the user from each of its groups, so that each removal is reported. */
  @Override
  void beforeDelete(TenantStores stores, String id, Instant now, ChangeEvents events) throws ScimException {
    List<String> groupIds;
    try (Stream<String> groups = stores.groups().groupsOf(id)) {
      groupIds = groups.toList();
    }
    for (String groupId : groupIds) {
      events.membership(stores.groups().removeMembers(MembershipChange.of(groupId, Set.of(id), now)));
    }
  }

  @Override
  LifecycleEvent created(ChangeEvents.Stamp stamp, ResourceRecord record) {
    return new LifecycleEvent.UserCreated(stamp.tenant(), record.id(), stamp.correlation(), stamp.at(), record);
  }

  @Override
  List<LifecycleEvent> updated(ChangeEvents.Stamp stamp, ResourceRecord before, ResourceRecord after) {
    List<LifecycleEvent> events = new ArrayList<>();
    events.add(new LifecycleEvent.UserUpdated(stamp.tenant(), after.id(), stamp.correlation(), stamp.at(), before, after));
    boolean wasActive = active(before);
    boolean isActive = active(after);
    if (wasActive && !isActive) {
      events.add(new LifecycleEvent.UserDeactivated(stamp.tenant(), after.id(), stamp.correlation(), stamp.at()));
    } else if (!wasActive && isActive) {
      events.add(new LifecycleEvent.UserReactivated(stamp.tenant(), after.id(), stamp.correlation(), stamp.at()));
    }
    return events;
  }

  @Override
  LifecycleEvent deleted(ChangeEvents.Stamp stamp, String id) {
    return new LifecycleEvent.UserDeleted(stamp.tenant(), id, stamp.correlation(), stamp.at());
  }

  /** A user without an {@code active} value counts as active (RFC 7643 leaves it to the provider). */
  private boolean active(ResourceRecord record) {
    JsonNode active = mapping().render(record).getObjectNode().get(ACTIVE);
    return active == null || !active.isBoolean() || active.booleanValue();
  }
}
