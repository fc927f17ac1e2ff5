package io.github.scimkit.jersey.internal;

import com.unboundid.scim2.common.exceptions.ScimException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Renders SCIM Error bodies (RFC 7644 §3.12), the only kind of error the adapter sends. */
public final class ErrorResponses {

  /**
   * Renders a SCIM exception.
   *
   * @param e the exception
   * @return the response
   */
  public Response of(ScimException e) {
    var error = e.getScimError();
    return of(error.getStatus(), error.getScimType(), error.getDetail());
  }

  /**
   * Renders an error.
   *
   * @param status the HTTP status
   * @param scimType the RFC 7644 error type, or {@code null}
   * @param detail a description safe to show the client
   * @return the response
   */
  public Response of(int status, String scimType, String detail) {
    Response.ResponseBuilder response = Response.status(status).type(ScimJson.SCIM_JSON)
        .entity(ErrorBodies.of(status, scimType, detail));
    if (status == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"SCIM\"");
    }
    return response.build();
  }
}
