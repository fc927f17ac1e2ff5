package io.github.scimkit.jersey.auth;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.Optional;

/**
 * Resolves a bearer token to a client and its tenant. Implementations are thread-safe and must
 * not cache a token past its revocation.
 */
@FunctionalInterface
public interface BearerAuthenticator {

  /**
   * Authenticates a token.
   *
   * @param token the token from {@code Authorization: Bearer}, without the scheme
   * @return the client, or empty when the token is not valid
   * @throws ScimException when the store behind it fails
   */
  Optional<AuthenticatedClient> authenticate(String token) throws ScimException;
}
