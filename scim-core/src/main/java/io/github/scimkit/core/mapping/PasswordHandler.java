package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.exceptions.BadRequestException;

/**
 * Turns a clear password from a SCIM request into what the host stores, typically a hash. A
 * mapping that maps {@code password} must have one; the clear text is never stored.
 *
 * <p>The default mapping uses {@link #discard()}: it accepts a password and keeps nothing. A host
 * that authenticates users with it sets a handler that hashes, with its own password hasher.
 */
@FunctionalInterface
public interface PasswordHandler {

  /**
   * Protects a clear password.
   *
   * @param clearPassword the password as the client sent it
   * @return what to store under the password rule's record attribute, such as a hash, or
   *     {@code null} to store nothing
   * @throws BadRequestException to refuse the password, for example with {@link
   *     BadRequestException#invalidValue(String)} when it breaks the host's policy
   */
  String protect(String clearPassword) throws BadRequestException;

  /**
   * Returns a handler that accepts every password and keeps nothing: the record attribute stays
   * empty. For hosts that take passwords from IdPs (Okta sends one) without using them.
   *
   * @return the handler
   */
  static PasswordHandler discard() {
    return clearPassword -> null;
  }
}
