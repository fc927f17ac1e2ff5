/**
 * The store SPI: what a host implements to keep one tenant's users and groups.
 *
 * <p>Stores see plain {@link io.github.scimkit.core.store.ResourceRecord records} made of named
 * {@link io.github.scimkit.core.store.Attributes attribute values}, never SCIM JSON, PATCH
 * operations or identity-provider quirks. A host implements {@link
 * io.github.scimkit.core.store.StoreProvider}, which hands out a {@link
 * io.github.scimkit.core.store.TenantStores} per tenant: its {@link
 * io.github.scimkit.core.store.UserStore}, its {@link io.github.scimkit.core.store.GroupStore},
 * its settings, a way to run a {@link io.github.scimkit.core.store.UnitOfWork} atomically
 * across both stores and, optionally, its {@link io.github.scimkit.core.store.EventOutbox}: the
 * transactional outbox where the engine keeps a change's lifecycle events, as plain {@link
 * io.github.scimkit.core.store.OutboxEvent} rows, until they are delivered. Stores never deliver
 * or interpret events.
 *
 * <p>Stores report failures with the SDK's typed {@link
 * com.unboundid.scim2.common.exceptions.ScimException} subclasses: {@link
 * com.unboundid.scim2.common.exceptions.ResourceNotFoundException} for an unknown id, {@link
 * com.unboundid.scim2.common.exceptions.PreconditionFailedException} for a stale expected version,
 * {@link com.unboundid.scim2.common.exceptions.ResourceConflictException} with scimType {@code
 * uniqueness} for a duplicate, and {@link io.github.scimkit.core.store.StoreUnavailableException}
 * when the backing system cannot be reached. The {@code scim-testkit} module checks every
 * promise made here.
 */
package io.github.scimkit.core.store;
