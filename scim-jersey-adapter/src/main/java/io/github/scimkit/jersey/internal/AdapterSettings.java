package io.github.scimkit.jersey.internal;

import java.util.Optional;

/**
 * The adapter's settings, as the feature's builder collected them.
 *
 * @param basePath the path under the application's root, such as {@code scim/v2/{tenant}}
 * @param maxBodyBytes the largest request body accepted
 * @param maxJsonDepth the deepest JSON nesting accepted
 * @param requestsPerSecond the sustained request rate per tenant; 0 turns limiting off
 * @param burst the largest burst per tenant
 * @param maxInFlightPerTenant the most requests of one tenant in progress at once; 0 turns the
 *     limit off
 * @param documentationUri the documentation address ServiceProviderConfig advertises
 */
public record AdapterSettings(
    String basePath,
    long maxBodyBytes,
    int maxJsonDepth,
    double requestsPerSecond,
    double burst,
    int maxInFlightPerTenant,
    Optional<String> documentationUri) {

  /** The path parameter that names the tenant. */
  public static final String TENANT_PARAMETER = "tenant";

  /**
   * Tells whether the tenant comes from the path.
   *
   * @return {@code true} when the base path has a {@code {tenant}} segment
   */
  public boolean tenantInPath() {
    return basePath.contains("{" + TENANT_PARAMETER + "}");
  }

  /**
   * Returns the base path without its tenant segment, where tenant-less endpoints (health) live.
   *
   * @return the path
   */
  public String rootPath() {
    String root = basePath.replace("/{" + TENANT_PARAMETER + "}", "").replace("{" + TENANT_PARAMETER + "}", "");
    return root.isEmpty() ? "/" : root;
  }
}
