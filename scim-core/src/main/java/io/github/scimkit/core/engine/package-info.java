/**
 * The provisioning engine: {@link io.github.scimkit.core.engine.ScimEngine} carries out every SCIM
 * operation on a tenant's stores, without HTTP.
 *
 * <p>A host builds one engine over its {@link io.github.scimkit.core.store.StoreProvider}, its
 * {@link io.github.scimkit.core.mapping.ScimMapping mapping} and an {@link
 * io.github.scimkit.core.config.EngineConfig}, and calls it with a {@link
 * io.github.scimkit.core.request.RequestContext} per request. Resources come back as {@link
 * io.github.scimkit.core.resource.ResourceView}s, searches as streamed {@link
 * io.github.scimkit.core.engine.SearchResults}, and bulk requests as a {@link
 * io.github.scimkit.core.bulk.BulkResponse}. Every failure is the SDK's typed {@link
 * com.unboundid.scim2.common.exceptions.ScimException}.
 */
package io.github.scimkit.core.engine;
