/**
 * A JDBC store for ScimKit: users, groups, memberships, tenant settings and API keys in
 * PostgreSQL 15+ or H2 2.x, over a host-supplied {@link javax.sql.DataSource}.
 *
 * <p>Start with {@link io.github.scimkit.store.jdbc.JdbcStoreProvider}: build it over a data
 * source, call {@link io.github.scimkit.store.jdbc.JdbcStoreProvider#migrate()} (Flyway over the scripts
 * under {@code db/scimkit/{vendor}}, or your own Flyway at that location), create tenants, and hand
 * it to the engine. {@link io.github.scimkit.store.jdbc.JdbcApiKeyStore} keeps API key hashes in
 * the same database. Filters, sorting and paging run in SQL; search results stream from an open
 * cursor until the page is closed. {@code docs/jdbc-store.md} describes the table layout.
 */
package io.github.scimkit.store.jdbc;
