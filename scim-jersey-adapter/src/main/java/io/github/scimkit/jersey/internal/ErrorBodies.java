package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The SCIM Error body (RFC 7644 §3.12) as bytes, and the plain detail of an HTTP status that no
 * SCIM operation explains (one Jersey or the container chose). Shared by the adapter's error
 * renderer and the container hooks, which have no engine to ask.
 */
public final class ErrorBodies {

  /** The response header that carries the id under which the request was logged. */
  public static final String CORRELATION_HEADER = "X-Correlation-Id";

  /** The header that tells browsers not to guess a content type. */
  public static final String NOSNIFF_HEADER = "X-Content-Type-Options";

  /** Its only value. */
  public static final String NOSNIFF = "nosniff";

  private static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorBodies() {}

  /**
   * Renders an error body.
   *
   * @param status the HTTP status
   * @param scimType the RFC 7644 error type, or {@code null}
   * @param detail a description safe to show the client
   * @return the JSON bytes
   */
  public static byte[] of(int status, String scimType, String detail) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(ERROR_URN);
    body.put("status", Integer.toString(status));
    if (scimType != null) {
      body.put("scimType", scimType);
    }
    body.put("detail", detail == null ? "" : detail);
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serialises", e);
    }
  }

  /**
   * Returns the detail of a status the container or Jersey chose, naming no library.
   *
   * @param status the HTTP status
   * @param correlationId the id the request was logged under, shown for server errors
   * @return the detail
   */
  public static String detail(int status, String correlationId) {
    return switch (status) {
      case 400 -> "The request cannot be read: its address, request line or headers are malformed or larger than the server accepts";
      case 404 -> "No such SCIM endpoint or resource";
      case 405 -> "This method is not allowed on this endpoint";
      case 406 -> "This endpoint answers application/scim+json";
      case 408 -> "The request took too long to arrive";
      case 413 -> "The request is larger than the server accepts";
      case 414 -> "The request address is longer than the server accepts";
      case 415 -> "Send application/scim+json or application/json";
      case 431 -> "The request headers are larger than the server accepts";
      case 505 -> "The request's HTTP version is not one this server speaks";
      default -> status >= 500
          ? "The server could not serve the request; correlation id " + correlationId
          : "The request could not be served; correlation id " + correlationId;
    };
  }
}
