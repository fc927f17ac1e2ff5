package io.github.scimkit.core.engine;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.internal.engine.InputRule;
import io.github.scimkit.core.internal.engine.ProfileSupports;
import io.github.scimkit.core.internal.engine.Session;
import io.github.scimkit.core.profile.IdpProfile;
import io.github.scimkit.core.profile.IdpProfiles;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.TenantLookup;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.Optional;

/**
 * Opens the {@link Session} of one request: the tenant's stores and settings, its profile's
 * tolerances and the per-kind supports of that profile. Holds no per-request state.
 */
final class Sessions {

  private final StoreProvider stores;
  private final IdpProfiles profiles;
  private final ProfileSupports supports;

  Sessions(StoreProvider stores, IdpProfiles profiles, ProfileSupports supports) {
    this.stores = stores;
    this.profiles = profiles;
    this.supports = supports;
  }

  /** Returns the request's session, or throws 404 when the tenant does not exist. */
  Session open(RequestContext context) throws ScimException {
    Optional<TenantLookup> found = InputRule.storable(context.tenantId())
        ? stores.lookUp(context.tenantId()) : Optional.empty();
    TenantLookup tenant = found.orElseThrow(() -> new ResourceNotFoundException("No tenant " + context.tenantId()));
    TenantSettings settings = tenant.settings();
    IdpProfile profile = profiles.resolve(settings.idpProfile());
    return new Session(context, tenant.stores(), settings, profiles.tolerances(settings, context), profile,
        supports.of(profile));
  }
}
