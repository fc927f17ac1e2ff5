package io.github.scimkit.core.internal.engine;

import io.github.scimkit.core.dialect.Tolerances;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.profile.IdpProfile;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.tenant.TenantSettings;

/**
 * One request's view of its tenant: the context, the stores, the settings read at the start of
 * the request, the tenant's profile, the tolerances in force and the mapping support to use.
 *
 * @param context who asks, for which tenant
 * @param stores the tenant's stores
 * @param settings the tenant's settings
 * @param tolerances the tolerances in force: the mode's and profile's, widened by a profile the
 *     request was recognised as coming from
 * @param profile the tenant's profile, which alone chooses the mapping
 * @param supports the home of every kind under the tenant's profile
 */
public record Session(
    RequestContext context,
    TenantStores stores,
    TenantSettings settings,
    Tolerances tolerances,
    IdpProfile profile,
    ProfileSupports.Kinds supports) {

  /**
   * Returns the support of a kind under the tenant's profile.
   *
   * @param kind users or groups
   * @return the support
   */
  public ResourceSupport support(ResourceKind kind) {
    return supports.support(kind);
  }
}
