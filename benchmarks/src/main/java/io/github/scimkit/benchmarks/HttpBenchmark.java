package io.github.scimkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP load driver: starts {@link BenchServer} in a child JVM (a bare Jersey + Jackson
 * endpoint, ScimKit on the in-memory store, on H2 and, when {@code SCIMKIT_PG_URL} names a
 * database, on PostgreSQL, all on 127.0.0.1), drives each
 * scenario with a bounded number of requests from a pool of connections, and reports throughput,
 * latency and the server's CPU time per request, each as a ratio to the bare endpoint. See
 * docs/performance.md.
 *
 * <p>System properties: {@code http.small} / {@code http.large} (users in the two tenants,
 * default 1,000 and 20,000), {@code http.requests} (measured requests per scenario, default
 * 4,000), {@code http.warmup} (warm-up requests per scenario, default as many as measured),
 * {@code http.seconds} (each scenario's time limit, default
 * 30), {@code http.heap} (the server's -Xmx, default 512m), {@code report} (default
 * {@code target/http-benchmark-results.md}).
 */
public final class HttpBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private final Map<String, String[]> ready = new HashMap<>();
  private final List<LoadRun.Result> results = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();

  private HttpBenchmark() {}

  /**
   * Runs the scenarios.
   *
   * @param args none
   * @throws Exception when the server or a request fails
   */
  public static void main(String[] args) throws Exception {
    int small = Integer.getInteger("http.small", 1_000);
    int large = Integer.getInteger("http.large", 20_000);
    int requests = Integer.getInteger("http.requests", 4_000);
    long seconds = Long.getLong("http.seconds", 30);
    String jar = Path.of(HttpBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = Path.of("target/http-bench-server.log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    Process server = new ProcessBuilder(java, "-Xmx" + System.getProperty("http.heap", "512m"),
        "-cp", jar, BenchServer.class.getName(), Integer.toString(small), Integer.toString(large),
        "target/http-bench-data")
        .redirectError(log.toFile()).start();
    HttpBenchmark benchmark = new HttpBenchmark();
    try {
      benchmark.awaitReady(server);
      LoadRun load = new LoadRun(server.toHandle(), seconds);
      benchmark.run(load, requests, small, large);
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    Path report = Path.of(System.getProperty("report", "target/http-benchmark-results.md"));
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.write(report, benchmark.lines, StandardCharsets.UTF_8);
  }

  private void awaitReady(Process server) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      String[] words = line.split(" ");
      if (words[0].equals("READY") && words[1].equals("all")) {
        return;
      }
      if (words[0].equals("READY")) {
        ready.put(words[1] + (words.length > 3 ? "/" + words[3] : ""), words);
        StoreBenchmark.log("server ready: %s", words[1] + (words.length > 3 ? "/" + words[3] : ""));
      }
    }
    throw new IllegalStateException("The benchmark server stopped before it was ready; see target/http-bench-server.log");
  }

  private void run(LoadRun load, int requests, int small, int large) throws Exception {
    String bareBase = "http://127.0.0.1:" + ready.get("bare")[2] + "/bare/";
    LoadRun.Result bare = keep(load.run("bare GET /Users/{id}", 4, requests, i -> get(bareBase + "Users/u-1", null), 200));
    for (String store : List.of("memory", "h2", "postgresql")) {
      if (!ready.containsKey(store + "/small")) {
        continue;
      }
      String[] smallTenant = ready.get(store + "/small");
      String[] largeTenant = ready.get(store + "/large");
      String base = "http://127.0.0.1:" + smallTenant[2] + "/scim/v2/";
      LoadRun.Result one = keep(load.run(store + " GET /Users/{id}", 4, requests,
          i -> get(base + "small/Users/" + smallTenant[5], smallTenant[4]), 200));
      LoadRun.Result pageSmall = keep(load.run(store + " GET /Users?count=100 (" + small + " users)", 4, requests / 10,
          i -> get(base + "small/Users?count=100", smallTenant[4]), 200));
      LoadRun.Result pageLarge = keep(load.run(store + " GET /Users?count=100 (" + large + " users)", 4, requests / 10,
          i -> get(base + "large/Users?count=100", largeTenant[4]), 200));
      List<String> members = userIds(base + "large/Users", largeTenant[4], requests + Integer.getInteger("http.warmup", requests));
      String group = base + "large/Groups/" + largeTenant[6];
      LoadRun.Result patch = keep(load.run(store + " PATCH add 1 member, 8 connections", 8, requests,
          i -> patch(group, largeTenant[4], members.get(i)), 204));
      summarize(store, bare, one, pageSmall, pageLarge, patch, small, large);
    }
    lines.add(0, "| scenario | connections | requests | req/s | server CPU ms/req | p50 | p99 | errors |");
    lines.add(1, "|---|---:|---:|---:|---:|---:|---:|---:|");
    for (int i = 0; i < results.size(); i++) {
      lines.add(2 + i, results.get(i).row());
    }
    lines.forEach(StoreBenchmark::log);
  }

  private LoadRun.Result keep(LoadRun.Result result) {
    results.add(result);
    StoreBenchmark.log(result.row());
    return result;
  }

  private void summarize(String store, LoadRun.Result bare, LoadRun.Result one, LoadRun.Result pageSmall,
      LoadRun.Result pageLarge, LoadRun.Result patch, int small, int large) {
    lines.add("");
    lines.add(String.format(Locale.ROOT, "%s: GET /Users/{id} throughput %.2fx bare, server CPU per request %.2fx bare",
        store, one.perSecond() / bare.perSecond(), one.cpuPerRequestMs() / bare.cpuPerRequestMs()));
    lines.add(String.format(Locale.ROOT, "%s: GET /Users?count=100 server CPU per resource %.2fx a single GET "
            + "(%d users), %.2fx (%d users); page latency p50 at %d users %.2fx that at %d users",
        store, pageSmall.cpuPerRequestMs() / 100 / one.cpuPerRequestMs(), small,
        pageLarge.cpuPerRequestMs() / 100 / one.cpuPerRequestMs(), large,
        large, pageLarge.percentileMs(0.5) / pageSmall.percentileMs(0.5), small));
    lines.add(String.format(Locale.ROOT, "%s: PATCH add 1 member under 8 connections p99/p50 = %.1f",
        store, patch.percentileMs(0.99) / patch.percentileMs(0.5)));
  }

  /** Reads up to {@code wanted} user ids of a tenant through cursor pages of 1,000. */
  private static List<String> userIds(String users, String token, int wanted) throws Exception {
    List<String> ids = new ArrayList<>();
    String cursor = "";
    try (LoadRun.Client client = new LoadRun.Client()) {
      while (cursor != null && ids.size() < wanted) {
        JsonNode page = JSON.readTree(client.send(get(users + "?count=1000&cursor=" + cursor, token), 200));
        page.path("Resources").forEach(user -> ids.add(user.path("id").asText()));
        cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
      }
    }
    if (ids.size() < wanted) {
      throw new IllegalStateException("The tenant has " + ids.size() + " users; the PATCH scenario needs " + wanted);
    }
    return ids;
  }

  private static HttpRequest get(String uri, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
    return (token == null ? request : request.header("Authorization", "Bearer " + token)).build();
  }

  private static HttpRequest patch(String uri, String token, String member) {
    String body = "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
        + "\"value\":[{\"value\":\"" + member + "\"}]}]}";
    return HttpRequest.newBuilder(URI.create(uri))
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/scim+json")
        .build();
  }
}
