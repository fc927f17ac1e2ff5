/**
 * Who asks and on whose behalf: {@link io.github.scimkit.core.request.RequestContext} carries the
 * tenant, the authenticated principal and the correlation id of one SCIM request to the engine,
 * the IdP profiles and the events.
 *
 * <p>It holds no HTTP types: the adapter builds a context from its request, and a host calling the
 * engine directly builds one itself. It depends on no other ScimKit package, so every package may
 * depend on it without a cycle.
 */
package io.github.scimkit.core.request;
