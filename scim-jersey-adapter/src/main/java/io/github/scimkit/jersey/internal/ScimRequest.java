package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.NotImplementedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.jersey.auth.AuthenticatedClient;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;

/**
 * One authenticated SCIM request as the endpoints see it: the HTTP request, the client, the
 * engine's request context, the tenant's SCIM base address (computed once per request), and helpers
 * to read parameters and headers.
 *
 * @param http the HTTP request
 * @param client the authenticated client
 * @param context the engine's request context
 * @param runtime the adapter's shared parts
 * @param baseUrl the absolute SCIM base address of the client's tenant, without a trailing slash
 */
public record ScimRequest(ContainerRequestContext http, AuthenticatedClient client, RequestContext context,
    ScimRuntime runtime, String baseUrl) {

  /**
   * Creates the request, computing the tenant's base address once.
   *
   * @param http the HTTP request
   * @param client the authenticated client
   * @param context the engine's request context
   * @param runtime the adapter's shared parts
   * @return the request
   */
  public static ScimRequest of(
      ContainerRequestContext http, AuthenticatedClient client, RequestContext context, ScimRuntime runtime) {
    UriBuilder builder = http.getUriInfo().getBaseUriBuilder().path(runtime.settings().basePath());
    String base = (runtime.settings().tenantInPath()
        ? builder.resolveTemplate(AdapterSettings.TENANT_PARAMETER, client.tenantId()).toTemplate()
        : builder.toTemplate());
    return new ScimRequest(http, client, context, runtime,
        base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  /**
   * Returns a path parameter.
   *
   * @param name the parameter
   * @return its value
   */
  public String pathParameter(String name) {
    return http.getUriInfo().getPathParameters().getFirst(name);
  }

  /**
   * Returns the id of the resource the request addresses: the {@code id} path parameter, or for
   * {@code /Me} the user the token stands for.
   *
   * @return the id
   * @throws NotImplementedException 501 for {@code /Me} with a token that stands for no user
   */
  public String resourceId() throws NotImplementedException {
    String id = pathParameter("id");
    if (id != null) {
      return id;
    }
    return client.userId().orElseThrow(() -> new NotImplementedException(
        "/Me needs a token that stands for a user; this one stands for a tenant"));
  }

  /**
   * Returns a query parameter.
   *
   * @param name the parameter
   * @return its value, or empty
   */
  public Optional<String> query(String name) {
    return Optional.ofNullable(http.getUriInfo().getQueryParameters().getFirst(name));
  }

  /**
   * Reads the body as one JSON object.
   *
   * @return the body
   * @throws ScimException 400 or 413 when it cannot be read
   */
  public ObjectNode body() throws ScimException {
    return runtime.json().readObject(http.getEntityStream());
  }

  /**
   * Returns the {@code If-Match} header.
   *
   * @return the tags, or empty when there is no such header
   * @throws BadRequestException 400 invalidValue when it is empty or malformed
   */
  public Optional<EntityTagList> ifMatch() throws BadRequestException {
    return EntityTagList.parse("If-Match", http.getHeaderString("If-Match"));
  }

  /**
   * Returns the {@code If-None-Match} header.
   *
   * @return the tags, or empty when there is no such header
   * @throws BadRequestException 400 invalidValue when it is empty or malformed
   */
  public Optional<EntityTagList> ifNoneMatch() throws BadRequestException {
    return EntityTagList.parse("If-None-Match", http.getHeaderString("If-None-Match"));
  }

  /**
   * Returns a builder of absolute addresses under this request's SCIM base.
   *
   * @return the builder, at the base
   */
  public UriBuilder base() {
    return UriBuilder.fromUri(baseUrl);
  }

  /**
   * Returns the absolute address of a resource: plain concatenation when the id needs no
   * escaping (generated ids never do), else the URI builder's encoding.
   *
   * @param endpoint the endpoint, such as {@code Users}
   * @param id the resource id
   * @return the address
   */
  public String location(String endpoint, String id) {
    if (isUnreserved(id)) {
      return baseUrl + "/" + endpoint + "/" + id;
    }
    return base().path(endpoint).path(id).build().toString();
  }

  /**
   * Returns the absolute address of an endpoint's list filtered to one value, {@code
   * ?filter=attribute eq "value"} encoded: plain concatenation when the attribute and the value
   * need no escaping, else the URI builder's encoding (which gives the same text for them).
   *
   * @param endpoint the endpoint, such as {@code GroupMembers}
   * @param attribute the attribute path, such as {@code group.value}
   * @param value the value it equals
   * @return the address
   */
  public String filtered(String endpoint, String attribute, String value) {
    if (isUnreserved(attribute) && isUnreserved(value)) {
      return baseUrl + "/" + endpoint + "?filter=" + attribute + "+eq+%22" + value + "%22";
    }
    return base().path(endpoint).queryParam("filter", "{filter}").build(attribute + " eq \"" + value + "\"").toString();
  }

  /** Tells whether every character is an RFC 3986 unreserved one, which a path segment keeps as is. */
  private static boolean isUnreserved(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (!unreserved) {
        return false;
      }
    }
    return true;
  }
}
