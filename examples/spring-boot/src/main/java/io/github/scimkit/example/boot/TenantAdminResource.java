package io.github.scimkit.example.boot;

import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.spring.boot.ScimTenants;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code POST /admin/tenants/{tenant}} with {@code Authorization: Bearer <admin token>}: creates the
 * tenant with SCIM enabled and answers 201 with its API key as plain text, the only time the key
 * is shown. A taken tenant id gets 409, a bad one 400, a wrong or missing token 401. It neither
 * lists nor deletes tenants.
 */
@Component
@Path("admin/tenants/{tenant}")
public final class TenantAdminResource {

  private static final Logger LOG = LoggerFactory.getLogger(TenantAdminResource.class);
  private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final ScimTenants tenants;
  private final byte[] adminToken;

  /**
   * Creates the resource.
   *
   * @param tenants creates tenants and keys in the starter's stores
   * @param adminToken the token an admin request must carry; when blank, a random one is made
   *     and logged once
   */
  public TenantAdminResource(ScimTenants tenants, @Value("${example.admin-token:}") String adminToken) {
    this.tenants = tenants;
    String token = adminToken;
    if (token.isBlank()) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      token = HexFormat.of().formatHex(random);
      LOG.warn("No example.admin-token set; the admin token of this run is {}", token);
    }
    this.adminToken = token.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Creates a tenant and issues its key.
   *
   * @param tenantId the tenant id: lower-case letters, digits and dashes
   * @param authorization the request's Authorization header
   * @return 201 with the key, or the error status
   * @throws ScimException when the store fails
   */
  @POST
  @Produces(MediaType.TEXT_PLAIN)
  public Response create(@PathParam("tenant") String tenantId,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws ScimException {
    if (!authorized(authorization)) {
      return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
    if (!TENANT_ID.matcher(tenantId).matches()) {
      return Response.status(400).entity("tenant ids are lower-case letters, digits and dashes\n").build();
    }
    try {
      tenants.create(tenantId);
    } catch (ResourceConflictException e) {
      return Response.status(409).entity("tenant " + tenantId + " exists\n").build();
    }
    return Response.status(201).entity(tenants.issueKey(tenantId) + "\n").build();
  }

  private boolean authorized(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, adminToken);
  }
}
