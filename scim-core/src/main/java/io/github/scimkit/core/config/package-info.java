/**
 * The engine's settings: {@link io.github.scimkit.core.config.EngineConfig} (limits, bulk, cursor
 * pagination with its {@link io.github.scimkit.core.config.CursorKey}, and the {@link
 * io.github.scimkit.core.config.PatchResponse} policy), and the {@link
 * io.github.scimkit.core.config.OutboxRetry} policy for lifecycle events.
 *
 * <p>Plain values only: nothing here reads a request or a store. The engine's façade and its
 * internal commands both depend on this package, and it depends on neither.
 */
package io.github.scimkit.core.config;
