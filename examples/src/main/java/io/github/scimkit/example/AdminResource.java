package io.github.scimkit.example;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The admin REST API, in JSON, for the holder of the admin token ({@code Authorization: Bearer
 * <token>}). It follows the steps of an organization administrator: create an organization,
 * enable SCIM (and get the SCIM URL and API key), rotate the key, disable SCIM, choose the
 * identity-provider profile and mode, look at members, groups and the outbox, confirm members
 * who accepted their invitation, and set members' roles and the group-to-role rules.
 */
@Path("admin/api")
@AdminResource.AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public final class AdminResource {

  private final Organizations organizations;
  private final Members members;
  private final Notices notices;
  private final MemberRoles roles;

  AdminResource(Host host) {
    this.organizations = host.organizations();
    this.members = host.members();
    this.notices = host.notices();
    this.roles = host.roles();
  }

  /**
   * Lists the organizations.
   *
   * @return the organizations
   */
  @GET
  @Path("organizations")
  public String list() {
    return Json.write(organizations.list());
  }

  /**
   * Creates an organization from {@code {"name": "…"}}; SCIM starts disabled.
   *
   * @param body the JSON body
   * @return 201 with the organization
   */
  @POST
  @Path("organizations")
  public Response create(String body) {
    Organizations.Organization created = organizations.create(Json.text(Json.readObject(body), "name"));
    return Response.created(URI.create("organizations/" + created.id())).entity(Json.write(created)).build();
  }

  /**
   * Returns one organization.
   *
   * @param id the organization
   * @return the organization
   */
  @GET
  @Path("organizations/{id}")
  public String get(@PathParam("id") String id) {
    return Json.write(organizations.get(id));
  }

  /**
   * Sets the identity-provider profile and/or mode from {@code {"idpProfile": "jumpcloud", "mode": "lenient"}}.
   *
   * @param id the organization
   * @param body the JSON body
   * @return the organization
   */
  @PUT
  @Path("organizations/{id}/settings")
  public String settings(@PathParam("id") String id,
      String body) {
    JsonNode settings = Json.readObject(body);
    return Json.write(organizations.updateSettings(id, Json.text(settings, "idpProfile"), Json.text(settings, "mode")));
  }

  /**
   * Enables SCIM and returns the SCIM URL and a new API key (shown this once).
   *
   * @param id the organization
   * @return {@code {"organizationId", "scimUrl", "apiKey"}}
   */
  @POST
  @Path("organizations/{id}/scim/enable")
  public String enable(@PathParam("id") String id) {
    return Json.write(organizations.enableScim(id));
  }

  /**
   * Replaces the API key; the old one fails from the next request on.
   *
   * @param id the organization
   * @return {@code {"organizationId", "scimUrl", "apiKey"}}
   */
  @POST
  @Path("organizations/{id}/scim/rotate-key")
  public String rotate(@PathParam("id") String id) {
    return Json.write(organizations.rotateKey(id));
  }

  /**
   * Disables SCIM and removes the API key; members and groups stay.
   *
   * @param id the organization
   * @return the organization
   */
  @POST
  @Path("organizations/{id}/scim/disable")
  public String disable(@PathParam("id") String id) {
    return Json.write(organizations.disableScim(id));
  }

  /**
   * Lists the members with status and groups.
   *
   * @param id the organization
   * @return the members
   */
  @GET
  @Path("organizations/{id}/members")
  public String members(@PathParam("id") String id) {
    return Json.write(members.members(id));
  }

  /**
   * Returns one member.
   *
   * @param id the organization
   * @param memberId the member
   * @return the member
   */
  @GET
  @Path("organizations/{id}/members/{memberId}")
  public String member(@PathParam("id") String id,
      @PathParam("memberId") String memberId) {
    return Json.write(members.member(id, memberId));
  }

  /**
   * Confirms a member who accepted the invitation (409 for any other status).
   *
   * @param id the organization
   * @param memberId the member
   * @return the member, {@code Confirmed}
   */
  @POST
  @Path("organizations/{id}/members/{memberId}/confirm")
  public String confirm(@PathParam("id") String id,
      @PathParam("memberId") String memberId) {
    return Json.write(members.confirm(id, memberId));
  }

  /**
   * Sets a member's role from {@code {"role": "Admin"}} (Owner, Admin, Custom or User, in any case);
   * provisioning leaves it alone from then on. {@code {"role": null}} hands it back to provisioning.
   *
   * @param id the organization
   * @param memberId the member
   * @param body the JSON body
   * @return the member
   */
  @PUT
  @Path("organizations/{id}/members/{memberId}/role")
  public String role(@PathParam("id") String id, @PathParam("memberId") String memberId, String body) {
    JsonNode object = Json.readObject(body);
    if (!object.has("role")) {
      throw ExampleException.badRequest("The body needs 'role': Owner, Admin, Custom, User, or null");
    }
    roles.setRole(id, memberId, Optional.ofNullable(Json.text(object, "role")).map(AdminResource::role));
    return Json.write(members.member(id, memberId));
  }

  /**
   * Lists the group-to-role rules.
   *
   * @param id the organization
   * @return {@code {"rules": [{"group": "Admins", "role": "Admin"}]}}
   */
  @GET
  @Path("organizations/{id}/role-rules")
  public String roleRules(@PathParam("id") String id) {
    return Json.write(Map.of("rules", roles.rules(id)));
  }

  /**
   * Replaces the group-to-role rules from {@code {"rules": [{"group": "Admins", "role": "Admin"}]}}
   * and re-evaluates every member's role.
   *
   * @param id the organization
   * @param body the JSON body
   * @return the rules saved
   */
  @PUT
  @Path("organizations/{id}/role-rules")
  public String replaceRoleRules(@PathParam("id") String id, String body) {
    JsonNode rules = Json.readObject(body).get("rules");
    if (rules == null || !rules.isArray()) {
      throw ExampleException.badRequest("The body must be {\"rules\": [{\"group\": \"…\", \"role\": \"…\"}, …]}");
    }
    List<HostDatabase.RoleRule> parsed = new ArrayList<>();
    for (JsonNode rule : rules) {
      if (!rule.isObject()) {
        throw ExampleException.badRequest("Each rule must be an object with 'group' and 'role'");
      }
      String group = Objects.requireNonNullElse(Json.text(rule, "group"), "").strip();
      if (group.isEmpty() || group.length() > MemberRoles.MAX_GROUP_NAME) {
        throw ExampleException.badRequest("Each rule needs a 'group' of 1 to " + MemberRoles.MAX_GROUP_NAME + " characters");
      }
      parsed.add(new HostDatabase.RoleRule(group, role(Json.text(rule, "role"))));
    }
    return Json.write(Map.of("rules", roles.replaceRules(id, parsed)));
  }

  private static MemberRole role(String name) {
    return MemberRole.parse(name).orElseThrow(() -> ExampleException.badRequest(
        "Unknown role '" + name + "': the roles are Owner, Admin, Custom and User"));
  }

  /**
   * Lists the groups with their members.
   *
   * @param id the organization
   * @return the groups
   */
  @GET
  @Path("organizations/{id}/groups")
  public String groups(@PathParam("id") String id) {
    return Json.write(members.groups(id));
  }

  /**
   * Lists the outbox: the invitations and notices the application would send.
   *
   * @param id the organization
   * @return the messages, oldest first
   */
  @GET
  @Path("organizations/{id}/outbox")
  public String outbox(@PathParam("id") String id) {
    return Json.write(notices.outbox(id));
  }

  /**
   * Lets a request through only with the admin token as {@code Authorization: Bearer <token>}; a
   * bare token or another scheme is refused. The whole admin API is behind it.
   */
  @AdminOnly
  static final class AdminTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Organizations organizations;

    AdminTokenFilter(Organizations organizations) {
      this.organizations = organizations;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
      String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
          ? header.substring(BEARER.length()).strip() : null;
      if (token == null || !organizations.isAdminToken(token)) {
        request.abortWith(new Errors().toResponse(
            new ExampleException(401, "A valid admin token is required: Authorization: Bearer <admin token>")));
      }
    }
  }

  /**
   * Marks every admin API response, refusals included, as not to be stored (they carry API keys
   * and member data) nor sniffed as another content type.
   */
  @AdminOnly
  static final class AdminHeaders implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
      response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
  }

  /** Binds {@link AdminTokenFilter} and {@link AdminHeaders} to the admin API. */
  @NameBinding
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface AdminOnly {}

  /** Maps {@link ExampleException} to a JSON error with its status. */
  @jakarta.ws.rs.ext.Provider
  static final class Errors implements jakarta.ws.rs.ext.ExceptionMapper<ExampleException> {
    @Override
    public Response toResponse(ExampleException e) {
      Response.ResponseBuilder response = Response.status(e.status())
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Json.error(e.status(), e.getMessage()));
      if (e.status() == 401) {
        response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scimkit-admin\"");
      }
      return response.build();
    }
  }
}
