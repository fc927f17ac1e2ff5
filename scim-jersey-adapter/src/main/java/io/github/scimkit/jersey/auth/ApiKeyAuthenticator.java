package io.github.scimkit.jersey.auth;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.tenant.ApiKeyRecord;
import io.github.scimkit.core.tenant.ApiKeyStore;
import io.github.scimkit.core.tenant.ApiKeys;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates ScimKit API keys against an {@link ApiKeyStore}: the presented key is hashed,
 * looked up by hash and compared in constant time. Nothing is cached, so a rotated key fails at
 * once.
 */
public final class ApiKeyAuthenticator implements BearerAuthenticator {

  private final ApiKeyStore keys;

  /**
   * Creates the authenticator.
   *
   * @param keys where the key hashes are kept
   */
  public ApiKeyAuthenticator(ApiKeyStore keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public Optional<AuthenticatedClient> authenticate(String token) throws ScimException {
    Optional<ApiKeyRecord> record = keys.findByHash(ApiKeys.hash(token));
    if (record.isEmpty() || !ApiKeys.matches(record.get(), token)) {
      return Optional.empty();
    }
    ApiKeyRecord key = record.get();
    return Optional.of(new AuthenticatedClient("api-key:" + key.keyId(), key.tenantId(), Optional.empty()));
  }
}
