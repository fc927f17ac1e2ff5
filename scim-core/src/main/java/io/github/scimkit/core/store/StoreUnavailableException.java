package io.github.scimkit.core.store;

import com.unboundid.scim2.common.exceptions.ScimException;

/** A store cannot reach what backs it (a database that is down, say); HTTP 503. */
public class StoreUnavailableException extends ScimException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail a description safe to show to a SCIM client
   * @param cause the underlying failure, logged but never shown
   */
  public StoreUnavailableException(String detail, Throwable cause) {
    super(503, null, detail, cause);
  }
}
