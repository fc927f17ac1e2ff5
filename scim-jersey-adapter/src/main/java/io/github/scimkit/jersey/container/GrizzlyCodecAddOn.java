package io.github.scimkit.jersey.container;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.TransportProbe;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.utils.DelayedExecutor;

/**
 * Swaps a listener's HTTP codec for a {@link GrizzlyScimCodec} with the same limits, encodings and
 * probes. The codec times out idle keep-alive connections on its own timer thread, and closes
 * refused connections after their lingering time on another; both stop with the listener's
 * transport.
 */
final class GrizzlyCodecAddOn implements AddOn {

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    int index = builder.indexOfType(HttpServerFilter.class);
    if (index < 0) {
      return;
    }
    HttpServerFilter original = (HttpServerFilter) builder.get(index);
    ExecutorService timerThread = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "scimkit-grizzly-keepalive");
      thread.setDaemon(true);
      return thread;
    });
    DelayedExecutor timer = new DelayedExecutor(timerThread);
    ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "scimkit-grizzly-linger");
      thread.setDaemon(true);
      return thread;
    });
    int maxHeaderSize = listener.getMaxHttpHeaderSize() == -1
        ? HttpCodecFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE : listener.getMaxHttpHeaderSize();
    GrizzlyScimCodec codec = new GrizzlyScimCodec(listener.isChunkingEnabled(), maxHeaderSize, listener.getKeepAlive(),
        timer, listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders(), closer);
    for (ContentEncoding encoding : original.getContentEncodings()) {
      codec.addContentEncoding(encoding);
    }
    codec.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
    codec.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
    codec.getMonitoringConfig().addProbes(original.getMonitoringConfig().getProbes());
    builder.set(index, codec);
    timer.start();
    listener.getTransport().getMonitoringConfig().addProbes(new TransportProbe.Adapter() {
      @Override
      public void onStopEvent(Transport transport) {
        timer.destroy();
        timerThread.shutdownNow();
        closer.shutdownNow();
      }
    });
  }
}
