package io.github.scimkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.scim2.common.GenericScimResource;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.engine.SearchParameters;
import io.github.scimkit.core.engine.SearchResults;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.store.jdbc.JdbcStoreProvider;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.scimkit.core.tenant.TenantSettings;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load driver for the stores, through the engine as a request would go: userName lookups, the
 * first page of 100 users, adding one member to a large group, and listing every user page by
 * page while sampling the heap. Runs on the in-memory store (pages only, up to 100,000 users), an
 * H2 file database and, when one answers, PostgreSQL. See docs/performance.md.
 *
 * <p>System properties: {@code scale} ({@code full}: 1k/100k/1M users, groups of 10/10k/1M and a
 * 1M listing; {@code small}: 1k/10k users, groups of 10/10k, a 10k listing), {@code users} and
 * {@code groups} (comma-separated sizes replacing the scale's; the listing walks the largest
 * user size), {@code databases}
 * ({@code memory,h2,postgresql}), {@code pages} (measured first pages per size, default 500), {@code h2.dir} (default {@code target/bench-data}),
 * {@code pg.schema} (default {@code scimkit_bench}), {@code lookups} (measured lookups per size,
 * default 2000, each size stopping after {@code lookup.seconds}, default 20), {@code adds} (measured member adds per size, default 300), {@code filters} (measured searches
 * per hostile filter, default 20; 0 leaves the filter scenario out). PostgreSQL is found
 * through {@code SCIMKIT_PG_URL}, {@code SCIMKIT_PG_USER} and {@code SCIMKIT_PG_PASSWORD}, as
 * the tests do.
 */
public final class StoreBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long LOOKUP_SECONDS = Long.getLong("lookup.seconds", 20);

  /** A benchmark database: its pool and whether it is PostgreSQL. */
  record Database(String name, HikariDataSource dataSource, boolean postgres) implements AutoCloseable {
    @Override
    public void close() {
      dataSource.close();
    }
  }

  private final List<String> rows = new ArrayList<>();

  private StoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    boolean small = "small".equals(System.getProperty("scale", "full"));
    long[] userSizes = sizes("users", small ? new long[] {1_000, 10_000} : new long[] {1_000, 100_000, 1_000_000});
    long[] groupSizes = sizes("groups", small ? new long[] {10, 10_000} : new long[] {10, 10_000, 1_000_000});
    List<String> databases = Arrays.asList(System.getProperty("databases", "memory,h2,postgresql").split(","));
    int lookups = Integer.getInteger("lookups", 2_000);
    int adds = Integer.getInteger("adds", 300);

    log("ScimKit store benchmark: scale=%s, %d cores, max heap %d MiB, %s %s",
        small ? "small" : "full", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
    StoreBenchmark benchmark = new StoreBenchmark();
    long started = System.nanoTime();
    for (String name : databases) {
      if (name.trim().equals("memory")) {
        MemoryPages.run(benchmark, userSizes, Integer.getInteger("pages", 500));
        continue;
      }
      Optional<Database> opened = open(name.trim());
      if (opened.isEmpty()) {
        continue;
      }
      try (Database database = opened.get()) {
        benchmark.run(database, userSizes, groupSizes, lookups, adds);
      }
    }
    log("");
    log("| database | benchmark | size | ops | mean | p50 | p99 | max | notes |");
    log("|---|---|---:|---:|---:|---:|---:|---:|---|");
    benchmark.rows.forEach(StoreBenchmark::log);
    log("");
    log("Total time %.1f s", (System.nanoTime() - started) / 1e9);
    Path report = Path.of(System.getProperty("report", "target/benchmark-results.md"));
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.write(report, benchmark.rows, StandardCharsets.UTF_8);
  }

  private void run(Database database, long[] userSizes, long[] groupSizes, int lookups, int adds) throws Exception {
    log("== %s", database.name());
    JdbcStoreProvider stores = JdbcStoreProvider.builder(database.dataSource()).build();
    stores.migrate();
    ScimEngine engine = ScimEngine.builder().stores(stores).auditSink(record -> { })
        .config(EngineConfig.builder().maxPageSize(1_000).build()).build();
    Seeder seeder = new Seeder(database, stores, engine);

    log("seeding");
    long largest = userSizes[userSizes.length - 1];
    for (long size : userSizes) {
      seeder.users(tenant(size), size);
    }
    String groupTenant = tenant(largest);
    List<String> groupIds = new ArrayList<>();
    for (long size : groupSizes) {
      groupIds.add(seeder.group(groupTenant, size));
    }

    for (long size : userSizes) {
      lookup(database, engine, size, lookups);
    }
    for (long size : userSizes) {
      page(database.name(), engine, tenant(size), size, Integer.getInteger("pages", 500));
    }
    for (int i = 0; i < groupSizes.length; i++) {
      addMember(database, engine, stores, groupTenant, groupIds.get(i), groupSizes[i], adds);
    }
    list(database, engine, largest);
    HostileFilters.run(this, database.name(), id -> stores.createTenant(id, TenantSettings.defaults()), engine,
        Integer.getInteger("filters", 20));
  }

  /** The sizes a comma-separated system property names, or the scale's defaults. */
  private static long[] sizes(String property, long[] defaults) {
    String value = System.getProperty(property);
    return value == null ? defaults : Arrays.stream(value.split(",")).mapToLong(size -> Long.parseLong(size.trim())).toArray();
  }

  private static String tenant(long users) {
    return "bench-" + users;
  }

  /** {@code GET /Users?filter=userName eq "…"} through the engine, for random existing users. */
  private void lookup(Database database, ScimEngine engine, long size, int measured) throws Exception {
    SplittableRandom random = new SplittableRandom(size);
    String tenant = tenant(size);
    int warmup = Math.max(200, measured / 4);
    long[] nanos = new long[measured];
    // Where a lookup is slow (H2 scans, see docs/performance.md) both phases stop at a time limit.
    long warmupEnds = System.nanoTime() + 5_000_000_000L;
    long measureEnds = Long.MAX_VALUE;
    int done = 0;
    for (int i = 0; i < warmup + measured; i++) {
      if (i < warmup && System.nanoTime() > warmupEnds) {
        i = warmup;
      }
      if (i == warmup && measureEnds == Long.MAX_VALUE) {
        measureEnds = System.nanoTime() + LOOKUP_SECONDS * 1_000_000_000L;
      }
      if (i > warmup && System.nanoTime() > measureEnds) {
        break;
      }
      long n = 1 + random.nextLong(size);
      long start = System.nanoTime();
      long found;
      try (SearchResults results = engine.search(Seeder.context(tenant), ResourceKind.USER,
          SearchParameters.filter("userName eq \"" + Seeder.userName(n) + "\""))) {
        found = results.resources().count();
      }
      long took = System.nanoTime() - start;
      if (found != 1) {
        throw new IllegalStateException("Looking up " + Seeder.userName(n) + " found " + found);
      }
      if (i >= warmup) {
        nanos[i - warmup] = took;
        done++;
      }
    }
    record(database.name(), "userName eq lookup", size, Arrays.copyOf(nanos, done), "users in the tenant"
        + (done < measured ? "; stopped at the " + LOOKUP_SECONDS + " s limit" : ""));
  }

  /**
   * {@code GET /Users?count=100} through the engine: the first page of 100 with its total, each
   * resource written as JSON, as the adapter does.
   */
  void page(String store, ScimEngine engine, String tenant, long size, int measured) throws Exception {
    int warmup = Math.max(100, measured / 2);
    long[] nanos = new long[measured];
    CountingStream sink = new CountingStream();
    for (int i = 0; i < warmup + measured; i++) {
      long start = System.nanoTime();
      long listed = 0;
      try (SearchResults results = engine.search(Seeder.context(tenant), ResourceKind.USER,
          SearchParameters.all().withCount(100))) {
        for (var views = results.resources().iterator(); views.hasNext(); listed++) {
          JSON.writeValue(sink, views.next().resource().getObjectNode());
        }
        if (results.total().orElse(-1) != size) {
          throw new IllegalStateException("The page's total is " + results.total() + ", not " + size);
        }
      }
      long took = System.nanoTime() - start;
      if (listed != Math.min(100, size)) {
        throw new IllegalStateException("The page held " + listed + " users");
      }
      if (i >= warmup) {
        nanos[i - warmup] = took;
      }
    }
    record(store, "GET /Users?count=100 (first page, with total)", size, nanos, "users in the tenant");
  }

  /**
   * PATCH {@code add members} of one user to a group through the engine. Before each timed
   * PATCH the member is taken out through the store (untimed), so the group keeps its size.
   */
  private void addMember(Database database, ScimEngine engine, JdbcStoreProvider stores, String tenant, String groupId,
      long size, int measured) throws Exception {
    SplittableRandom random = new SplittableRandom(size * 31);
    GroupStore groups = stores.tenant(tenant).orElseThrow().groups();
    int warmup = Math.max(50, measured / 6);
    long[] nanos = new long[measured];
    for (int i = 0; i < warmup + measured; i++) {
      String member = Seeder.userId(1 + random.nextLong(size));
      groups.removeMembers(MembershipChange.of(groupId, List.of(member), Instant.now()));
      GenericScimResource patch = new GenericScimResource((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
          "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
              + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}]}"));
      long start = System.nanoTime();
      engine.patch(Seeder.context(tenant), ResourceKind.GROUP, groupId, patch, OptionalLong.empty());
      long took = System.nanoTime() - start;
      if (!groups.isMember(groupId, member)) {
        throw new IllegalStateException("The PATCH did not add " + member);
      }
      if (i >= warmup) {
        nanos[i - warmup] = took;
      }
    }
    record(database.name(), "PATCH add 1 member", size, nanos, "members in the group");
  }

  /**
   * Walks every user of the tenant through the engine in cursor pages of 1000, writing each
   * resource as JSON to nowhere, while a thread samples the used heap every 5 ms.
   */
  private void list(Database database, ScimEngine engine, long size) throws Exception {
    String tenant = tenant(size);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long listed = 0;
    long pages = 0;
    long bytes = 0;
    CountingStream sink = new CountingStream();
    long start = System.nanoTime();
    String cursor = "";
    while (cursor != null) {
      try (SearchResults results = engine.search(Seeder.context(tenant), ResourceKind.USER,
          SearchParameters.all().withCount(1_000).withCursor(cursor))) {
        for (var views = results.resources().iterator(); views.hasNext(); ) {
          ResourceView view = views.next();
          JSON.writeValue(sink, view.resource().getObjectNode());
          listed++;
        }
        pages++;
        cursor = results.nextCursor().orElse(null);
      }
    }
    long took = System.nanoTime() - start;
    sampler.interrupt();
    sampler.join();
    bytes = sink.count;
    if (listed != size) {
      throw new IllegalStateException("Listed " + listed + " users, not " + size);
    }
    rows.add(String.format(Locale.ROOT, "| %s | list all users (cursor pages of 1000) | %,d | %,d pages | %.1f s total "
            + "| %,.0f users/s | | | max used heap %d MiB (at start %d MiB, -Xmx %d MiB); %,d MiB of JSON |",
        database.name(), size, pages, took / 1e9, listed / (took / 1e9),
        peak.get() >> 20, before >> 20, Runtime.getRuntime().maxMemory() >> 20, bytes >> 20));
    log(rows.get(rows.size() - 1));
  }

  void record(String store, String benchmark, long size, long[] nanos, String notes) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0);
    String row = String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %s | %s | %s | %s | %s |",
        store, benchmark, size, sorted.length, ms(mean), ms(sorted[sorted.length / 2]),
        ms(sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]), ms(sorted[sorted.length - 1]),
        notes);
    rows.add(row);
    log(row);
  }

  private static String ms(double nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  private static Optional<Database> open(String name) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(4);
    if (name.equals("h2")) {
      Path dir = Path.of(System.getProperty("h2.dir", "target/bench-data")).toAbsolutePath();
      config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("scimkit") + ";LOCK_TIMEOUT=20000");
      log("H2 %s, file %s", org.h2.engine.Constants.FULL_VERSION, dir.resolve("scimkit.mv.db"));
      return Optional.of(new Database("H2", new HikariDataSource(config), false));
    }
    if (name.equals("postgresql")) {
      String url = env("SCIMKIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
      String user = env("SCIMKIT_PG_USER", "postgres");
      String password = env("SCIMKIT_PG_PASSWORD", "");
      String schema = System.getProperty("pg.schema", "scimkit_bench");
      String version;
      DriverManager.setLoginTimeout(3);
      try (Connection connection = DriverManager.getConnection(url, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        version = connection.getMetaData().getDatabaseProductVersion();
      } catch (SQLException e) {
        log("Skipping PostgreSQL: no server at %s as %s (%s)", url, user, e.getMessage());
        return Optional.empty();
      }
      config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
      config.setUsername(user);
      config.setPassword(password);
      log("PostgreSQL %s at %s, schema %s", version, url, schema);
      return Optional.of(new Database("PostgreSQL", new HikariDataSource(config), true));
    }
    throw new IllegalArgumentException("Unknown database " + name + "; use h2 or postgresql");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static void log(String format, Object... arguments) {
    System.out.println(arguments.length == 0 ? format : String.format(Locale.ROOT, format, arguments));
    System.out.flush();
  }

  /** An output stream that only counts what is written to it. */
  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
