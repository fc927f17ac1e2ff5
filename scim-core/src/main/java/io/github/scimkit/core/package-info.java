/**
 * ScimKit's provisioning core: everything that turns SCIM requests into changes of plain
 * records, with no HTTP.
 *
 * <p>The store SPI lives in {@link io.github.scimkit.core.store}, the queries stores answer in
 * {@link io.github.scimkit.core.store.query}, the embedded in-memory stores in
 * {@link io.github.scimkit.core.store.memory} and tenant settings and API keys in
 * {@link io.github.scimkit.core.tenant}.
 */
package io.github.scimkit.core;
