package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.MembershipResult;
import io.github.scimkit.core.store.ResourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects the lifecycle events of one unit of work, to publish once it has committed. */
public final class ChangeEvents {

  private final Session session;
  private final ResourceSupport support;
  private final Instant at;
  private final List<LifecycleEvent> events = new ArrayList<>();

  /**
   * Starts an empty collection.
   *
   * @param session the request's session
   * @param support the kind written
   * @param at the time of the change
   */
  public ChangeEvents(Session session, ResourceSupport support, Instant at) {
    this.session = session;
    this.support = support;
    this.at = at;
  }

  private String tenant() {
    return session.context().tenantId();
  }

  private String correlation() {
    return session.context().correlationId();
  }

  /**
   * Records a creation.
   *
   * @param record the new record
   */
  public void created(ResourceRecord record) {
    events.add(support.kind() == ResourceKind.USER
        ? new LifecycleEvent.UserCreated(tenant(), record.id(), correlation(), at, record)
        : new LifecycleEvent.GroupCreated(tenant(), record.id(), correlation(), at, record));
  }

  /**
   * Records an attribute change, and for users a change of {@code active}.
   *
   * @param before the record before
   * @param after the record after
   */
  public void updated(ResourceRecord before, ResourceRecord after) {
    if (support.kind() == ResourceKind.GROUP) {
      events.add(new LifecycleEvent.GroupUpdated(tenant(), after.id(), correlation(), at, before, after));
      return;
    }
    events.add(new LifecycleEvent.UserUpdated(tenant(), after.id(), correlation(), at, before, after));
    boolean wasActive = active(before);
    boolean isActive = active(after);
    if (wasActive && !isActive) {
      events.add(new LifecycleEvent.UserDeactivated(tenant(), after.id(), correlation(), at));
    } else if (!wasActive && isActive) {
      events.add(new LifecycleEvent.UserReactivated(tenant(), after.id(), correlation(), at));
    }
  }

  /**
   * Records a deletion.
   *
   * @param id the deleted resource
   */
  public void deleted(String id) {
    events.add(support.kind() == ResourceKind.USER
        ? new LifecycleEvent.UserDeleted(tenant(), id, correlation(), at)
        : new LifecycleEvent.GroupDeleted(tenant(), id, correlation(), at));
  }

  /**
   * Records the effective part of a membership delta.
   *
   * @param result what the delta changed
   */
  public void membership(MembershipResult result) {
    String groupId = result.group().id();
    if (!result.removed().isEmpty()) {
      events.add(new LifecycleEvent.MembersRemoved(tenant(), groupId, correlation(), at, result.removed()));
    }
    if (!result.added().isEmpty()) {
      events.add(new LifecycleEvent.MembersAdded(tenant(), groupId, correlation(), at, result.added()));
    }
  }

  /**
   * Returns the events collected, in order.
   *
   * @return the events
   */
  public List<LifecycleEvent> events() {
    return List.copyOf(events);
  }

  /** A user without an {@code active} value counts as active (RFC 7643 leaves it to the provider). */
  private boolean active(ResourceRecord record) {
    JsonNode active = support.mapping().render(record).getObjectNode().get("active");
    return active == null || !active.isBoolean() || active.booleanValue();
  }
}
