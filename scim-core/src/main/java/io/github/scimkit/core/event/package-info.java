/**
 * What a host sees of the engine's writes: a {@link io.github.scimkit.core.event.WriteHook} that
 * runs inside each unit of work before commit and may set host-owned attributes or veto the
 * change, {@link io.github.scimkit.core.event.LifecycleEvent lifecycle events} delivered to
 * {@link io.github.scimkit.core.event.LifecycleListener listeners} after commit (at least once,
 * each attempt an {@link io.github.scimkit.core.event.EventDelivery} with a stable event id, when
 * the store keeps an outbox), and an {@link
 * io.github.scimkit.core.event.AuditRecord audit record} of every write handed to an {@link
 * io.github.scimkit.core.event.AuditSink}.
 */
package io.github.scimkit.core.event;
