package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Renders SCIM Error bodies (RFC 7644 §3.12), the only kind of error the adapter sends. */
public final class ErrorResponses {

  private static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";

  private final ScimJson json;

  /**
   * Creates the renderer.
   *
   * @param json the JSON writer
   */
  public ErrorResponses(ScimJson json) {
    this.json = json;
  }

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
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(ERROR_URN);
    body.put("status", Integer.toString(status));
    if (scimType != null) {
      body.put("scimType", scimType);
    }
    body.put("detail", detail == null ? "" : detail);
    Response.ResponseBuilder response = Response.status(status).type(ScimJson.SCIM_JSON).entity(json.bytes(body));
    if (status == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"SCIM\"");
    }
    return response.build();
  }
}
