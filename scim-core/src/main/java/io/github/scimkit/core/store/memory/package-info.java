/**
 * Embedded in-memory stores: a thread-safe {@link
 * io.github.scimkit.core.store.StoreProvider} for tests, demos and small deployments, and the
 * reference semantics of store queries.
 *
 * <ul>
 *   <li>{@link io.github.scimkit.core.store.memory.ConditionMatcher} evaluates a {@link
 *       io.github.scimkit.core.store.query.Condition} on a record, exactly as the query package
 *       documentation specifies;
 *   <li>{@link io.github.scimkit.core.store.memory.RecordOrdering} orders records by a {@link
 *       io.github.scimkit.core.store.query.Sort};
 *   <li>{@link io.github.scimkit.core.store.memory.InMemoryStoreProvider} keeps tenants' users,
 *       groups and settings; each tenant serialises its writes with one read-write lock, and a
 *       unit of work holds the write lock and undoes its writes when it fails;
 *   <li>{@link io.github.scimkit.core.store.memory.InMemoryApiKeyStore} keeps API key hashes.
 * </ul>
 *
 * <p>Nothing here is persisted: the data lives as long as the provider.
 */
package io.github.scimkit.core.store.memory;
