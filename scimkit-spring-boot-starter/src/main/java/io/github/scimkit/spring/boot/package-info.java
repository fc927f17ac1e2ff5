/**
 * Spring Boot auto-configuration for ScimKit: serves the SCIM 2.0 endpoints of a {@link
 * io.github.scimkit.core.engine.ScimEngine} on Spring Boot's Jersey support, over the
 * application's {@code DataSource} (ScimKit's JDBC store, migrated at start-up) or in-memory
 * stores, configured by {@code scimkit.*} properties ({@link
 * io.github.scimkit.spring.boot.ScimKitProperties}); with Actuator, a {@code scimkit} health
 * component and request metrics in the application's {@code MeterRegistry}.
 *
 * <p>It does not create tenants or keys by itself ({@link io.github.scimkit.spring.boot.ScimTenants}
 * lets the application do so), does not touch Spring Boot's Jackson configuration, and adds no
 * Spring MVC endpoints.
 */
package io.github.scimkit.spring.boot;
