package io.github.scimkit.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Drives one scenario over HTTP: a warm-up ({@code http.warmup} requests, default as many as
 * measured), then the measured requests, both sent by a fixed number of threads over as many keep-alive connections, each
 * phase bounded by its request count and a time limit. The server's CPU time is read from its
 * process before and after the measured phase.
 */
final class LoadRun {

  private final ProcessHandle server;
  private final long seconds;

  LoadRun(ProcessHandle server, long seconds) {
    this.server = server;
    this.seconds = seconds;
  }

  /** One scenario's figures. */
  record Result(String name, int connections, int requests, double seconds, double cpuMs, long[] sortedNanos,
      int errors) {

    double perSecond() {
      return requests / seconds;
    }

    double cpuPerRequestMs() {
      return cpuMs / requests;
    }

    double percentileMs(double fraction) {
      int at = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(sortedNanos.length * fraction) - 1));
      return sortedNanos[at] / 1e6;
    }

    String row() {
      return String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %.3f | %.2f ms | %.2f ms | %d |", name, connections,
          requests, perSecond(), cpuPerRequestMs(), percentileMs(0.5), percentileMs(0.99), errors);
    }
  }

  /** Sends requests over one HTTP/1.1 client; closing it stops its threads. */
  static final class Client implements AutoCloseable {
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "http-client");
      thread.setDaemon(true);
      return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();

    /** Sends a request and returns the body; fails unless the status is in the expected class. */
    String send(HttpRequest request, int expected) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != expected / 100) {
        throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode()
            + ": " + response.body());
      }
      return response.body();
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }

  /**
   * Runs a scenario.
   *
   * @param name the scenario
   * @param connections the sending threads, one connection each
   * @param requests the measured requests
   * @param request the request of each index; warm-up indices come first, then measured ones
   * @param expected the expected status; any status of its class passes
   * @return the measured phase's figures
   * @throws Exception when the scenario cannot run
   */
  Result run(String name, int connections, int requests, IntFunction<HttpRequest> request, int expected)
      throws Exception {
    int warmup = Integer.getInteger("http.warmup", requests);
    try (Client client = new Client()) {
      phase(client, connections, 0, warmup, request, expected);
      Duration cpuBefore = cpu();
      long started = System.nanoTime();
      Phase measured = phase(client, connections, warmup, requests, request, expected);
      double wall = (System.nanoTime() - started) / 1e9;
      double cpuMs = (cpu().minus(cpuBefore)).toNanos() / 1e6;
      long[] sorted = Arrays.copyOf(measured.nanos, measured.done.get());
      Arrays.sort(sorted);
      return new Result(name, connections, sorted.length, wall, cpuMs, sorted, measured.errors.get());
    }
  }

  private Duration cpu() {
    return server.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("No CPU time for the server"));
  }

  /** The latencies of one phase, filled by its threads. */
  private record Phase(long[] nanos, AtomicInteger done, AtomicInteger errors) {}

  private Phase phase(Client client, int connections, int first, int count, IntFunction<HttpRequest> request,
      int expected) throws Exception {
    Phase phase = new Phase(new long[count], new AtomicInteger(), new AtomicInteger());
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService senders = Executors.newFixedThreadPool(connections);
    try {
      Future<?>[] running = new Future<?>[connections];
      for (int c = 0; c < connections; c++) {
        running[c] = senders.submit(() -> {
          for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline; i = next.getAndIncrement()) {
            HttpRequest sent = request.apply(first + i);
            long start = System.nanoTime();
            try {
              client.send(sent, expected);
              phase.nanos[phase.done.getAndIncrement()] = System.nanoTime() - start;
            } catch (IOException e) {
              if (phase.errors.incrementAndGet() == 1) {
                StoreBenchmark.log("  first error: %s", e.getMessage());
              }
            }
          }
          return null;
        });
      }
      for (Future<?> sender : running) {
        sender.get();
      }
    } finally {
      senders.shutdownNow();
    }
    return phase;
  }
}
