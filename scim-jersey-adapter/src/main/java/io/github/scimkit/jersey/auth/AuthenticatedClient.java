package io.github.scimkit.jersey.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a bearer token stands for.
 *
 * @param principal a name for audit records and logs, never the token itself
 * @param tenantId the tenant the token opens
 * @param userId the tenant's user the token stands for, when it stands for one (for {@code /Me})
 */
public record AuthenticatedClient(String principal, String tenantId, Optional<String> userId) {

  /** Checks the fields. */
  public AuthenticatedClient {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(userId, "userId");
  }
}
