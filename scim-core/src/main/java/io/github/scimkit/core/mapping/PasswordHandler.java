package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.exceptions.BadRequestException;

/**
 * Turns a clear password from a SCIM request into what the host stores, typically a hash. A
 * mapping that maps {@code password} must have one; the clear text is never stored.
 */
@FunctionalInterface
public interface PasswordHandler {

  /**
   * Protects a clear password.
   *
   * @param clearPassword the password as the client sent it
   * @return what to store under the password rule's record attribute, such as a hash
   * @throws BadRequestException to refuse the password, for example with {@link
   *     BadRequestException#invalidValue(String)} when it breaks the host's policy
   */
  String protect(String clearPassword) throws BadRequestException;
}
