package io.github.scimkit.core.internal.engine;

import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.store.MembershipResult;
import io.github.scimkit.core.store.ResourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the lifecycle events of one unit of work, to publish once it has committed. The kind's
 * home ({@link ResourceSupport}) says which events a change makes.
 */
public final class ChangeEvents {

  /**
   * What every event of the unit of work carries.
   *
   * @param tenant the tenant
   * @param correlation the request's correlation id
   * @param at the time of the change
   */
  record Stamp(String tenant, String correlation, Instant at) {}

  private final ResourceSupport support;
  private final Stamp stamp;
  private final List<LifecycleEvent> events = new ArrayList<>();

  /**
   * Starts an empty collection.
   *
   * @param session the request's session
   * @param support the kind written
   * @param at the time of the change
   */
  public ChangeEvents(Session session, ResourceSupport support, Instant at) {
    this.support = support;
    this.stamp = new Stamp(session.context().tenantId(), session.context().correlationId(), at);
  }

  /**
   * Records a creation.
   *
   * @param record the new record
   */
  public void created(ResourceRecord record) {
    events.add(support.created(stamp, record));
  }

  /**
   * Records an attribute change, and what the kind reports with it (a user's {@code active}).
   *
   * @param before the record before
   * @param after the record after
   */
  public void updated(ResourceRecord before, ResourceRecord after) {
    events.addAll(support.updated(stamp, before, after));
  }

  /**
   * Records a deletion.
   *
   * @param id the deleted resource
   */
  public void deleted(String id) {
    events.add(support.deleted(stamp, id));
  }

  /**
   * Records the effective part of a membership delta.
   *
   * @param result what the delta changed
   */
  public void membership(MembershipResult result) {
    String groupId = result.group().id();
    if (!result.removed().isEmpty()) {
      events.add(new LifecycleEvent.MembersRemoved(stamp.tenant(), groupId, stamp.correlation(), stamp.at(), result.removed()));
    }
    if (!result.added().isEmpty()) {
      events.add(new LifecycleEvent.MembersAdded(stamp.tenant(), groupId, stamp.correlation(), stamp.at(), result.added()));
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
}
