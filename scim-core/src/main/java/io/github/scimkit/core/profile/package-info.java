/**
 * Identity-provider profiles: named presets of {@link io.github.scimkit.core.dialect.Tolerance}s
 * and mapping choices, one per identity provider, chosen per tenant by {@link
 * io.github.scimkit.core.tenant.TenantSettings#idpProfile()}.
 *
 * <p>{@link io.github.scimkit.core.profile.IdpProfiles#builtIns()} holds {@code generic}, {@code
 * okta}, {@code entra}, {@code jumpcloud}, {@code onelogin} and {@code ping}; {@link
 * io.github.scimkit.core.profile.ProfileDocs} renders a profile as Markdown for {@code
 * docs/idp/}.
 */
package io.github.scimkit.core.profile;
