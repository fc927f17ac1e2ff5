package io.github.scimkit.core.tenant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A stored API key: never the key itself, only its hash.
 *
 * @param keyId the key's own id, for listing and auditing
 * @param tenantId the tenant the key opens
 * @param hash the key's hash, as {@link ApiKeys#hash(String)} computes it
 * @param created when the key was issued
 */
public record ApiKeyRecord(String keyId, String tenantId, String hash, Instant created) {

  /** Checks the fields. */
  public ApiKeyRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(hash, "hash");
    created = Objects.requireNonNull(created, "created").truncatedTo(ChronoUnit.MILLIS);
  }
}
