/**
 * Bearer-token authentication: the {@link io.github.scimkit.jersey.auth.BearerAuthenticator} SPI
 * and {@link io.github.scimkit.jersey.auth.ApiKeyAuthenticator}, which checks ScimKit API keys.
 */
package io.github.scimkit.jersey.auth;
