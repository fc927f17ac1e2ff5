package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.NotImplementedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.resource.EntityTags;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.jersey.auth.AuthenticatedClient;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One authenticated SCIM request as the endpoints see it: the HTTP request, the client, the
 * engine's request context, and helpers to read parameters and headers.
 *
 * @param http the HTTP request
 * @param client the authenticated client
 * @param context the engine's request context
 * @param runtime the adapter's shared parts
 */
public record ScimRequest(
    ContainerRequestContext http, AuthenticatedClient client, RequestContext context, ScimRuntime runtime) {

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
   * Returns the version an {@code If-Match} header expects: empty when there is none or it is
   * {@code *}, and a version no resource has when it is not one of ours.
   *
   * @return the expected version
   */
  public OptionalLong ifMatch() {
    return EntityTags.parse(http.getHeaderString("If-Match"));
  }

  /**
   * Returns the version an {@code If-None-Match} header names.
   *
   * @return the version, or empty
   */
  public OptionalLong ifNoneMatch() {
    return EntityTags.parse(http.getHeaderString("If-None-Match"));
  }

  /**
   * Returns a builder of absolute addresses under this request's SCIM base.
   *
   * @return the builder, at the base
   */
  public UriBuilder base() {
    UriBuilder builder = http.getUriInfo().getBaseUriBuilder().path(runtime.settings().basePath());
    return runtime.settings().tenantInPath()
        ? UriBuilder.fromUri(builder.resolveTemplate(AdapterSettings.TENANT_PARAMETER, client.tenantId()).toTemplate())
        : builder;
  }

  /**
   * Returns the absolute address of a resource.
   *
   * @param endpoint the endpoint, such as {@code Users}
   * @param id the resource id
   * @return the address
   */
  public String location(String endpoint, String id) {
    return base().path(endpoint).path(id).build().toString();
  }
}
