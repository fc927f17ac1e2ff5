/**
 * A Bulk request and its answer as values (RFC 7644 section 3.7): {@link
 * io.github.scimkit.core.bulk.BulkRequest} of {@link io.github.scimkit.core.bulk.BulkOperation}s in,
 * {@link io.github.scimkit.core.bulk.BulkResponse} of {@link
 * io.github.scimkit.core.bulk.BulkOperationResult}s out.
 *
 * <p>It does not run anything: the engine plans and executes the operations. It depends only on
 * {@code resource}, so the engine's façade and its internal bulk executor can both use it.
 */
package io.github.scimkit.core.bulk;
