package io.github.scimkit.jersey.container;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import io.github.scimkit.jersey.internal.ErrorBodies;
import io.github.scimkit.jersey.internal.ScimJson;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Makes a Grizzly server answer what it refuses with SCIM Errors. Install it on a server that has
 * not started yet:
 *
 * <pre>{@code
 * HttpServer server = GrizzlyHttpServerFactory.createHttpServer(uri, resourceConfig, false);
 * GrizzlyErrorPages.install(server);
 * server.start();
 * }</pre>
 *
 * <p>It sets the server's error page generator, which Grizzly calls when a request fails outside
 * Jersey (Jersey cannot build a URI from a malformed address such as {@code /Users/%zz} and Grizzly
 * would answer 500 with an HTML page and a stack trace; this answers 400), and it replaces each
 * listener's HTTP codec with one whose refusals (request line or headers over the listener's
 * limit, unparseable requests) carry a SCIM body instead of none. It does not change what Grizzly
 * accepts: its limits stay the listener's.
 */
public final class GrizzlyErrorPages implements ErrorPageGenerator {

  private GrizzlyErrorPages() {}

  /**
   * Installs the error answers on a server before it starts.
   *
   * @param server the server, not started
   * @throws IllegalStateException when the server has started already
   */
  public static void install(HttpServer server) {
    if (server.isStarted()) {
      throw new IllegalStateException("Install the SCIM error pages before the server starts");
    }
    server.getServerConfiguration().setDefaultErrorPageGenerator(new GrizzlyErrorPages());
    for (NetworkListener listener : server.getListeners()) {
      listener.registerAddOn(new GrizzlyCodecAddOn());
    }
  }

  @Override
  public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
    int answer = status == 500 && malformed(request) ? 400 : status;
    ContainerError error = ContainerError.refused(answer, "Grizzly",
        exception == null ? reasonPhrase : exception.getClass().getSimpleName() + ": " + exception.getMessage());
    Response response = request.getResponse();
    response.setStatus(answer);
    response.setContentType(ScimJson.SCIM_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(ErrorBodies.CORRELATION_HEADER, error.correlationId());
    response.setHeader(ErrorBodies.NOSNIFF_HEADER, ErrorBodies.NOSNIFF);
    return new String(error.body(), StandardCharsets.UTF_8);
  }

  /** Tells whether the request's address is no URI at all, which Jersey fails on. */
  private static boolean malformed(Request request) {
    String query = request.getQueryString();
    try {
      new URI(request.getRequestURI() + (query == null ? "" : "?" + query));
      return false;
    } catch (URISyntaxException e) {
      return true;
    }
  }
}
