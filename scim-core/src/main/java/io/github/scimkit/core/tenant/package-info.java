/**
 * What ScimKit knows about a tenant besides its users and groups: its {@link
 * io.github.scimkit.core.tenant.TenantSettings settings} and its API keys, kept by an {@link
 * io.github.scimkit.core.tenant.ApiKeyStore} only as hashes.
 */
package io.github.scimkit.core.tenant;
