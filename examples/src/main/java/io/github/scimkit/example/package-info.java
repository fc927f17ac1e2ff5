/**
 * The organization-directory example: a runnable server that embeds ScimKit with one SCIM base
 * URL per organization, an admin API and page, and an invite, accept, confirm member lifecycle
 * kept by a {@link io.github.scimkit.core.event.WriteHook}. {@link io.github.scimkit.example.Main}
 * starts it; {@code docs/example.md} explains it.
 */
package io.github.scimkit.example;
