/**
 * A Spring Boot application that serves SCIM 2.0 with scimkit-spring-boot-starter: the starter
 * configures the engine, the JDBC stores over the application's H2 data source and the Jersey
 * endpoints; this package adds only an admin endpoint that creates tenants and issues their keys.
 * It has no admin page, invitations or member lifecycle: the Grizzly example in {@code examples/}
 * shows those.
 */
package io.github.scimkit.example.boot;
