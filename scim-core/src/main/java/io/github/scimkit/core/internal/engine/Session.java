package io.github.scimkit.core.internal.engine;

import io.github.scimkit.core.dialect.Tolerances;
import io.github.scimkit.core.engine.RequestContext;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.tenant.TenantSettings;

/**
 * One request's view of its tenant: the context, the stores, the settings read at the start of
 * the request, and the tolerances they select.
 *
 * @param context who asks, for which tenant
 * @param stores the tenant's stores
 * @param settings the tenant's settings
 * @param tolerances the tolerances in force
 */
public record Session(RequestContext context, TenantStores stores, TenantSettings settings, Tolerances tolerances) {}
