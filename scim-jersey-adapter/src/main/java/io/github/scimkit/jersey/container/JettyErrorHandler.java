package io.github.scimkit.jersey.container;

import io.github.scimkit.jersey.internal.ErrorBodies;
import io.github.scimkit.jersey.internal.ScimJson;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty 12 error handler that answers with SCIM Errors instead of Jetty's HTML or plain pages:
 * both for requests Jetty's parser refuses (a malformed address such as {@code /Users/%zz}, an
 * oversize request line or header block) and for errors Jetty raises while serving. Install it
 * on the server:
 *
 * <pre>{@code
 * Server server = JettyHttpContainerFactory.createServer(uri, resourceConfig, false);
 * server.setErrorHandler(new JettyErrorHandler());
 * server.start();
 * }</pre>
 *
 * <p>It shows no stack trace, cause or server version, and it does not change what Jetty accepts.
 */
public class JettyErrorHandler extends ErrorHandler {

  /** Creates the handler. */
  public JettyErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    ContainerError error = ContainerError.refused(code, "Jetty", message);
    HttpFields.Mutable headers = response.getHeaders();
    headers(headers, error);
    response.write(true, ByteBuffer.wrap(error.body()), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    ContainerError error = ContainerError.refused(status, "Jetty", reason);
    headers(fields, error);
    return ByteBuffer.wrap(error.body());
  }

  private static void headers(HttpFields.Mutable headers, ContainerError error) {
    headers.put(HttpHeader.CONTENT_TYPE, ScimJson.SCIM_JSON);
    headers.put(ErrorBodies.CORRELATION_HEADER, error.correlationId());
    headers.put(ErrorBodies.NOSNIFF_HEADER, ErrorBodies.NOSNIFF);
  }
}
