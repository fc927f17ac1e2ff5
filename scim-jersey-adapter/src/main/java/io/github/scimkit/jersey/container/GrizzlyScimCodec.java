package io.github.scimkit.jersey.container;

import io.github.scimkit.jersey.internal.ErrorBodies;
import io.github.scimkit.jersey.internal.ScimJson;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.utils.DelayedExecutor;

/**
 * Grizzly's HTTP codec, except that the answer it sends for a request it cannot parse (a request
 * line or headers over the limit, a malformed request line) carries a SCIM Error body rather
 * than none.
 */
final class GrizzlyScimCodec extends HttpServerFilter {

  GrizzlyScimCodec(boolean chunking, int maxHeaderSize, KeepAlive keepAlive, DelayedExecutor timer,
      int maxRequestHeaders, int maxResponseHeaders) {
    super(chunking, maxHeaderSize, null, keepAlive, timer, maxRequestHeaders, maxResponseHeaders);
  }

  @Override
  protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
    ContainerError error = ContainerError.refused(response.getStatus(), "Grizzly", "unparseable request");
    // Straight into the headers: a response to a request line that never parsed skips the
    // content type the codec otherwise adds from setContentType.
    response.getHeaders().setValue(Header.ContentType).setString(ScimJson.SCIM_JSON);
    response.setHeader(ErrorBodies.CORRELATION_HEADER, error.correlationId());
    response.setHeader(ErrorBodies.NOSNIFF_HEADER, ErrorBodies.NOSNIFF);
    response.setContentLength(error.body().length);
    return HttpContent.builder(response)
        .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, error.body()))
        .last(true)
        .build();
  }
}
