package io.github.scimkit.jersey.container;

import io.github.scimkit.jersey.internal.ErrorBodies;
import io.github.scimkit.jersey.internal.ScimJson;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.nio.NIOConnection;
import org.glassfish.grizzly.utils.DelayedExecutor;

/**
 * Grizzly's HTTP codec, except for a request it cannot parse. Its answer carries a SCIM Error
 * body rather than none, with 414 for a request line over the limit and 431 for headers over it
 * (Grizzly says 400 for both). And the connection closes gracefully: after the answer is written
 * the codec half-closes it and reads and discards what the client still sends, for at most {@link
 * #LINGER_MILLIS} and {@link #LINGER_BYTES}, so that closing with unread bytes does not make the
 * kernel send a reset that takes the answer with it before the client has read it.
 */
final class GrizzlyScimCodec extends HttpServerFilter {

  /** How long a refused connection is read from before it closes. */
  static final long LINGER_MILLIS = 2_000;
  /** How many bytes a refused connection is read and discarded before it closes. */
  static final long LINGER_BYTES = 1 << 20;

  /** Grizzly's messages for a request line and for headers over the limit (sic). */
  private static final String LINE_TOO_LARGE = "intial line is too large";
  private static final String HEADER_TOO_LARGE = "header is too large";

  /** The bytes discarded so far on a connection whose request was refused. */
  private final Attribute<AtomicLong> lingering =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(GrizzlyScimCodec.class.getName() + ".lingering");
  private final ScheduledExecutorService closer;

  GrizzlyScimCodec(boolean chunking, int maxHeaderSize, KeepAlive keepAlive, DelayedExecutor timer,
      int maxRequestHeaders, int maxResponseHeaders, ScheduledExecutorService closer) {
    super(chunking, maxHeaderSize, null, keepAlive, timer, maxRequestHeaders, maxResponseHeaders);
    this.closer = closer;
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    AtomicLong discarded = lingering.get(ctx.getConnection());
    if (discarded == null) {
      return super.handleRead(ctx);
    }
    Buffer input = ctx.getMessage();
    long total = discarded.addAndGet(input.remaining());
    input.tryDispose();
    if (total > LINGER_BYTES) {
      ctx.getConnection().closeSilently();
    }
    return ctx.getStopAction();
  }

  @Override
  protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable error) throws IOException {
    HttpResponsePacket response = ((HttpRequestPacket) header).getResponse();
    String message = String.valueOf(error.getMessage());
    if (message.contains(LINE_TOO_LARGE)) {
      response.setStatus(414);
      response.setReasonPhrase("URI Too Long");
    } else if (message.contains(HEADER_TOO_LARGE)) {
      response.setStatus(431);
      response.setReasonPhrase("Request Header Fields Too Large");
    } else if (response.getStatus() < 400) {
      response.setStatus(400);
      response.setReasonPhrase("Bad Request");
    }
    response.getProcessingState().setKeepAlive(false);
    Connection<?> connection = ctx.getConnection();
    lingering.set(connection, new AtomicLong());
    Buffer answer = encodeHttpPacket(ctx, customizeErrorResponse(response));
    ctx.write(answer, new EmptyCompletionHandler<WriteResult>() {
      @Override
      public void completed(WriteResult result) {
        linger(connection);
      }

      @Override
      public void failed(Throwable throwable) {
        connection.closeSilently();
      }
    });
  }

  /** Half-closes the connection once the answer is out, and closes it when the time is up. */
  private void linger(Connection<?> connection) {
    try {
      if (connection instanceof NIOConnection nio && nio.getChannel() instanceof SocketChannel channel) {
        channel.shutdownOutput();
        closer.schedule(connection::closeSilently, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        return;
      }
    } catch (IOException | RuntimeException e) {
      // the client has gone already
    }
    connection.closeSilently();
  }

  @Override
  protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
    ContainerError error = ContainerError.refused(response.getStatus(), "Grizzly", "unparseable request");
    // Straight into the headers: a response to a request line that never parsed skips the
    // content type and the Connection header the codec otherwise adds. Without "close" a client
    // would put the connection back in its pool and send its next request into the closing one.
    response.getHeaders().setValue(Header.ContentType).setString(ScimJson.SCIM_JSON);
    response.getHeaders().setValue(Header.Connection).setString("close");
    response.setHeader(ErrorBodies.CORRELATION_HEADER, error.correlationId());
    response.setHeader(ErrorBodies.NOSNIFF_HEADER, ErrorBodies.NOSNIFF);
    response.setContentLength(error.body().length);
    return HttpContent.builder(response)
        .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, error.body()))
        .last(true)
        .build();
  }
}
