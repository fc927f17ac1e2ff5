package io.github.scimkit.jersey.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Turns the errors Jersey raises itself on SCIM paths (no such path 404, wrong method 405,
 * unsupported media type 415) into SCIM Error bodies; other paths of the host keep Jersey's
 * answer.
 */
public final class JaxRsErrorMapper implements ExceptionMapper<WebApplicationException> {

  private final ScimRuntime runtime;

  @Context
  private UriInfo uriInfo;

  /**
   * Creates the mapper.
   *
   * @param runtime the adapter's shared parts
   */
  public JaxRsErrorMapper(ScimRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    if (!onScimPath()) {
      return original;
    }
    Response scim = runtime.errors().of(original.getStatus(), null, detail(original.getStatus()));
    Response.ResponseBuilder builder = Response.fromResponse(scim);
    if (original.getHeaderString("Allow") != null) {
      builder.header("Allow", original.getHeaderString("Allow"));
    }
    return builder.build();
  }

  private boolean onScimPath() {
    String root = runtime.settings().rootPath().replaceAll("^/+", "");
    String path = uriInfo.getPath().replaceAll("^/+", "");
    return root.isEmpty() || path.startsWith(root);
  }

  private static String detail(int status) {
    return switch (status) {
      case 404 -> "No such SCIM endpoint or resource";
      case 405 -> "This method is not allowed on this endpoint";
      case 406 -> "This endpoint answers application/scim+json";
      case 415 -> "Send application/scim+json or application/json";
      default -> "The request could not be served";
    };
  }
}
