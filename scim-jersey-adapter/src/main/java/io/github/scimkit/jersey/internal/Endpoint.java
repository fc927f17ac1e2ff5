package io.github.scimkit.jersey.internal;

import com.unboundid.scim2.common.exceptions.ScimException;
import jakarta.ws.rs.core.Response;

/** One SCIM operation behind an HTTP method and path. */
@FunctionalInterface
public interface Endpoint {

  /**
   * Serves a request.
   *
   * @param request the authenticated request
   * @return the response
   * @throws ScimException to answer with a SCIM error
   */
  Response handle(ScimRequest request) throws ScimException;
}
