package io.github.scimkit.example;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The example's endpoints that need no token: health, invitation links and the admin page's files. */
final class PublicResources {

  private PublicResources() {}

  /** {@code GET /health}: 200 {@code {"status":"UP"}} when the database answers, else 503. */
  @Path("health")
  public static final class Health {
    private final HostDatabase database;

    Health(HostDatabase database) {
      this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Reports whether the server and its database are up.
     *
     * @return 200 or 503
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
      boolean up = database.ping();
      Map<String, String> body = new LinkedHashMap<>();
      body.put("status", up ? "UP" : "DOWN");
      body.put("database", up ? "UP" : "DOWN");
      return Response.status(up ? 200 : 503).entity(Json.write(body)).build();
    }
  }

  /**
   * {@code GET|POST /invitations/{token}/accept}: the link of an invitation. GET only shows a page
   * whose button POSTs the acceptance, so that mail scanners and link previews, which follow links
   * with GET, accept nothing. POST accepts the invitation once, and the member becomes {@code
   * Accepted}: a browser (asking for HTML) gets a page, a program JSON.
   */
  @Path("invitations/{token}/accept")
  public static final class Invitations {
    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final Members members;

    Invitations(Members members) {
      this.members = Objects.requireNonNull(members, "members");
    }

    /**
     * Shows the invitation with a button that accepts it; accepts nothing itself.
     *
     * @return the page
     */
    @GET
    @Produces(HTML)
    public Response page() {
      return html(200, "Your invitation", "<p>Accept the invitation to join the organization?</p>"
          + "<form method=\"post\"><button type=\"submit\">Accept invitation</button></form>");
    }

    /**
     * Accepts, for a person who pressed the page's button.
     *
     * @param token the link's token
     * @return an HTML page saying what happened
     */
    @POST
    @Produces(MediaType.TEXT_HTML + ";qs=0.9;charset=utf-8")
    public Response acceptFromPage(@PathParam("token") String token) {
      try {
        Members.Member member = members.accept(token);
        return html(200, "Invitation accepted",
            "<p>Welcome, " + escape(Objects.toString(member.userName(), "")) + ". Your status is <b>"
                + member.status() + "</b>: an administrator of the organization will confirm you.</p>");
      } catch (ExampleException e) {
        return html(e.status(), "Invitation not accepted", "<p>" + escape(e.getMessage()) + "</p>");
      }
    }

    /**
     * Accepts, for a program.
     *
     * @param token the link's token
     * @return the member as JSON
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public String accept(@PathParam("token") String token) {
      return Json.write(members.accept(token));
    }

    /**
     * A page that no cache keeps, that tells no other site the link it came from, and whose form
     * may post only back to this server.
     */
    private static Response html(int status, String title, String body) {
      String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
          + "</title></head><body style=\"font-family:system-ui,sans-serif;margin:3em\"><h1>" + title + "</h1>"
          + body + "</body></html>";
      return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(page)
          .header("Cache-Control", "no-store")
          .header("Referrer-Policy", "no-referrer")
          .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
          .header("X-Content-Type-Options", "nosniff")
          .build();
    }

    private static String escape(String text) {
      return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
  }

  /** {@code GET /admin/}: the admin page, plain HTML and JavaScript from the class path. */
  @Path("admin")
  public static final class AdminPage {
    private static final Map<String, String> FILES = Map.of(
        "index.html", "text/html;charset=utf-8",
        "app.js", "text/javascript;charset=utf-8",
        "style.css", "text/css;charset=utf-8");

    /**
     * Serves the page; {@code /admin} redirects to {@code /admin/} so that relative links work.
     *
     * @param uri the request URI
     * @return the page
     */
    @GET
    public Response index(@Context UriInfo uri) {
      if (!uri.getRequestUri().getPath().endsWith("/")) {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(uri.getRequestUri().getPath() + "/"))
            .build();
      }
      return file("index.html");
    }

    /**
     * Serves one of the page's files; {@code /admin/} is {@code index.html}.
     *
     * @param name the file name, empty for the index
     * @return the file
     */
    @GET
    @Path("{file: .*}")
    public Response file(@PathParam("file") String name) {
      if (name.isEmpty()) {
        name = "index.html";
      }
      String type = FILES.get(name);
      if (type == null) {
        throw new NotFoundException();
      }
      try (InputStream in = AdminPage.class.getResourceAsStream("/admin/" + name)) {
        if (in == null) {
          throw new NotFoundException();
        }
        return Response.ok(in.readAllBytes(), type)
            .header("Cache-Control", "no-store")
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'")
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
