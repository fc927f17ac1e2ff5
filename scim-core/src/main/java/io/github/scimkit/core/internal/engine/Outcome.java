package io.github.scimkit.core.internal.engine;

import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.store.ResourceRecord;
import java.util.List;

/**
 * What a committed unit of work produced: the record as it now is (absent after a delete), the
 * events to deliver, and whether they were recorded in the tenant's outbox.
 *
 * @param record the record, or {@code null} after a delete
 * @param events the events, in order
 * @param recorded whether the events are in the outbox, to be delivered from there
 */
public record Outcome(ResourceRecord record, List<LifecycleEvent> events, boolean recorded) {}
