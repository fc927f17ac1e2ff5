package io.github.scimkit.spring.boot;

import io.github.scimkit.core.config.EngineConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code scimkit.*} settings of the Spring Boot starter. Spring Boot binds them from the
 * application's properties or YAML; IDEs complete them from the metadata the build generates.
 *
 * @param enabled Whether the starter serves SCIM at all.
 * @param basePath Path of the SCIM endpoints under Jersey's application path. A {tenant} segment
 *     routes by tenant; without one the API key picks the tenant.
 * @param jdbc what the starter does with the application's {@code DataSource}
 * @param http limits the HTTP layer applies before the engine sees a request
 * @param engine limits of the engine; unset ones keep {@link EngineConfig#defaults()}
 */
@ConfigurationProperties("scimkit")
public record ScimKitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("scim/v2/{tenant}") String basePath,
    @DefaultValue Jdbc jdbc,
    @DefaultValue Http http,
    @DefaultValue Engine engine) {

  /**
   * The JDBC store over the application's {@code DataSource}.
   *
   * @param migrate Whether to create or upgrade ScimKit's tables at start-up. Turn it off when the
   *     application's own migrations run ScimKit's scripts.
   */
  public record Jdbc(@DefaultValue("true") boolean migrate) {}

  /**
   * Limits of the HTTP layer.
   *
   * @param maxBodySize Largest request body; a larger one gets 413.
   * @param maxJsonDepth Deepest JSON nesting; deeper gets 400 invalidSyntax.
   * @param rateLimitPerSecond Requests a second per tenant; 0 turns rate limiting off.
   * @param rateLimitBurst Requests a tenant may send at once above the rate; beyond, 429.
   * @param documentationUri The documentationUri that /ServiceProviderConfig advertises; unset
   *     keeps the ScimKit guide.
   */
  public record Http(
      @DefaultValue("1MB") DataSize maxBodySize,
      @DefaultValue("32") int maxJsonDepth,
      @DefaultValue("100") double rateLimitPerSecond,
      @DefaultValue("200") double rateLimitBurst,
      String documentationUri) {}

  /**
   * Engine limits; each one left unset keeps the engine's default.
   *
   * @param defaultPageSize Page size when a request names no count; unset keeps 100.
   * @param maxPageSize Largest page; unset keeps 1000.
   * @param maxFilterLength Longest filter; a longer one gets 400 invalidFilter. Unset keeps 4096.
   * @param maxPatchOperations Most operations in one PATCH; unset keeps 1000.
   * @param maxMembersPerOperation Most member values in one operation; unset keeps 10000.
   * @param maxBulkOperations Most operations in one Bulk request; unset keeps 1000.
   */
  public record Engine(
      Integer defaultPageSize,
      Integer maxPageSize,
      Integer maxFilterLength,
      Integer maxPatchOperations,
      Integer maxMembersPerOperation,
      Integer maxBulkOperations) {

    /**
     * Returns the engine configuration: the defaults with the values set here.
     *
     * @return the configuration
     */
    public EngineConfig toEngineConfig() {
      EngineConfig.Builder builder = EngineConfig.builder();
      if (defaultPageSize != null) {
        builder.defaultPageSize(defaultPageSize);
      }
      if (maxPageSize != null) {
        builder.maxPageSize(maxPageSize);
      }
      if (maxFilterLength != null) {
        builder.maxFilterLength(maxFilterLength);
      }
      if (maxPatchOperations != null) {
        builder.maxPatchOperations(maxPatchOperations);
      }
      if (maxMembersPerOperation != null) {
        builder.maxMembersPerOperation(maxMembersPerOperation);
      }
      if (maxBulkOperations != null) {
        builder.maxBulkOperations(maxBulkOperations);
      }
      return builder.build();
    }
  }
}
