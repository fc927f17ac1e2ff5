/**
 * The kinds of resource ScimKit provisions: {@link io.github.scimkit.core.resource.ResourceKind}
 * names users and groups for the engine, the events, the audit and the stores' callers.
 *
 * <p>It depends on no other ScimKit package, so every package may depend on it without a cycle.
 */
package io.github.scimkit.core.resource;
