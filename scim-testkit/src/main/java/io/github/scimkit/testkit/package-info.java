/**
 * Contract tests for the store SPI, shipped as a normal jar so that every store implementation
 * can prove it keeps the promises of {@link io.github.scimkit.core.store} and {@link
 * io.github.scimkit.core.tenant}.
 *
 * <p>An implementation's test extends {@link io.github.scimkit.testkit.UserStoreContract}, {@link
 * io.github.scimkit.testkit.GroupStoreContract} or {@link
 * io.github.scimkit.testkit.ApiKeyStoreContract} and supplies fresh stores through one abstract
 * hook; the inherited {@code @Nested} groups then run against them. The kit chooses every record
 * id, attribute name and timestamp itself, so a store must accept arbitrary string ids.
 */
package io.github.scimkit.testkit;
