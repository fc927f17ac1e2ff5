/**
 * Resources as the engine names and answers them: {@link
 * io.github.scimkit.core.resource.ResourceKind} names users and groups for the engine, the events,
 * the audit and the stores' callers; {@link io.github.scimkit.core.resource.ResourceView} is a
 * resource as the engine returns it, and {@link io.github.scimkit.core.resource.EntityTags}
 * formats and parses its version as a weak ETag.
 *
 * <p>It depends on no ScimKit package but {@code store}'s records, so the engine's façade, its
 * internal commands and the adapter may all depend on it without a cycle.
 */
package io.github.scimkit.core.resource;
