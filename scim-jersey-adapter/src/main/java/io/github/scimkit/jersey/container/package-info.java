/**
 * Hooks a host installs in its HTTP container so that requests the container refuses before
 * Jersey sees them (a malformed address, an oversize request line or header block, a request the
 * container fails on) are answered with a SCIM Error in {@code application/scim+json}: no HTML,
 * no stack trace, no server version. Each refusal is logged under the {@code scimkit.http} logger
 * with a correlation id, which the response carries in {@code X-Correlation-Id}.
 *
 * <p>{@link io.github.scimkit.jersey.container.GrizzlyErrorPages} serves Grizzly and {@link
 * io.github.scimkit.jersey.container.JettyErrorHandler} serves Jetty 12; the adapter declares both
 * containers optional, so a host needs only the one it runs. The hooks answer for every path of
 * the container, since the container refuses such requests before any path is known. Errors
 * Jersey raises on SCIM paths need no hook: {@link io.github.scimkit.jersey.ScimFeature} renders
 * those itself.
 */
package io.github.scimkit.jersey.container;
