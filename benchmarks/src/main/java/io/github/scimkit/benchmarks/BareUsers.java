package io.github.scimkit.benchmarks;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * The bare endpoint ScimKit is measured against: a hand-written Jersey resource that answers
 * {@code GET /bare/Users/{id}} with the same user JSON a ScimKit user has, built per request and
 * written by Jackson, with no authentication, store, audit or logging.
 */
@Path("bare/Users/{id}")
public class BareUsers {

  /** Creates the resource; Jersey makes one per request. */
  public BareUsers() {}

  /**
   * Returns the user.
   *
   * @param id the id from the path
   * @param uri the request's addresses
   * @return the user's JSON fields
   */
  @GET
  @Produces("application/scim+json")
  public Map<String, Object> get(@PathParam("id") String id, @Context UriInfo uri) {
    return BenchServer.bareUser(id, uri.getBaseUri().toString() + "bare/");
  }
}
