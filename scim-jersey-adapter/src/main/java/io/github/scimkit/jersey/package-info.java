/**
 * The SCIM 2.0 HTTP surface over {@link io.github.scimkit.core.engine.ScimEngine}, for any Jersey
 * host: register one {@link io.github.scimkit.jersey.ScimFeature}.
 *
 * <p>The adapter stays thin. It authenticates the bearer token, routes the request to its tenant,
 * turns HTTP into engine calls and renders what comes back as {@code application/scim+json},
 * streaming lists and group members. Every error, the ones Jersey raises included, leaves as a
 * SCIM Error body.
 */
package io.github.scimkit.jersey;
