package io.github.scimkit.example;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Starts the example server. Each setting has a flag and an environment variable; the flag wins:
 *
 * <pre>
 * --host HOST         SCIMKIT_HOST         address to listen on (127.0.0.1; 0.0.0.0 for every interface)
 * --port PORT         SCIMKIT_PORT         port, 0 for any free one (8080)
 * --data-dir DIR      SCIMKIT_DATA_DIR     where the H2 database lives (./data)
 * --store STORE       SCIMKIT_STORE        h2 | memory | a JDBC URL such as jdbc:postgresql://host/db (h2)
 * --db-user USER      SCIMKIT_DB_USER      user for a JDBC URL store
 * --db-password PW    SCIMKIT_DB_PASSWORD  password for a JDBC URL store
 * --base-url URL      SCIMKIT_BASE_URL     URL clients reach the server at (http://localhost:PORT)
 * --new-key ORG                            rotate ORG's SCIM API key and print the new one
 * --new-admin-token                        replace the admin token and print the new one
 * </pre>
 *
 * <p>It prints, each on a line of its own: {@code ADMIN_URL=…} once the server listens; on the
 * first start (an empty store) also {@code ADMIN_TOKEN=…}, {@code SCIM_URL=…} and {@code
 * SCIM_API_KEY=…} for the demo organization; with {@code --new-key}, {@code SCIM_URL=…} and
 * {@code SCIM_API_KEY=…} for that organization; with {@code --new-admin-token}, {@code ADMIN_TOKEN=…}.
 * Logs go through Logback to standard error ({@code logback.xml}); {@link ExampleServer} routes
 * Jersey's and Grizzly's {@code java.util.logging} records there too.
 */
public final class Main {

  private Main() {}

  /**
   * Runs the server until the process is stopped.
   *
   * @param args the flags
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleConfig config;
    try {
      config = parse(List.of(args), System.getenv());
    } catch (HelpRequested help) {
      System.out.println(usage());
      return;
    } catch (IllegalArgumentException e) {
      System.err.println("scimkit-example: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    ExampleServer server;
    try {
      server = ExampleServer.start(config);
    } catch (RuntimeException e) {
      // A locked H2 file, an unreachable database, a taken port: one line, the trace only at debug level.
      LoggerFactory.getLogger(Main.class).debug("Start failed", e);
      System.err.println("scimkit-example: could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "scimkit-example-shutdown"));
    printLines(server, System.out);
    stopped.await();
  }

  /**
   * Prints the lines a script reads: {@code ADMIN_URL}, and the token and keys issued at this start.
   *
   * @param server the running server
   * @param out where to print
   */
  public static void printLines(ExampleServer server, PrintStream out) {
    out.println(); // ends whatever a launcher printed without a newline (Maven's colour reset, say)
    out.println("ADMIN_URL=" + server.adminUrl());
    server.firstStart().ifPresent(first -> {
      out.println("ADMIN_TOKEN=" + first.adminToken());
      out.println("SCIM_URL=" + first.demo().scimUrl());
      out.println("SCIM_API_KEY=" + first.demo().apiKey());
    });
    server.newAdminToken().ifPresent(token -> out.println("ADMIN_TOKEN=" + token));
    server.newKey().ifPresent(key -> {
      out.println("SCIM_URL=" + key.scimUrl());
      out.println("SCIM_API_KEY=" + key.apiKey());
    });
    if (server.firstStart().isEmpty() && server.newAdminToken().isEmpty()) {
      System.err.println("The admin token and API keys were printed on the first start and are stored hashed;"
          + " use --new-admin-token for a new admin token, --new-key ORG (or the admin API) for a new SCIM API key.");
    }
    out.flush();
  }

  /**
   * Reads the settings from flags, then environment variables, then defaults.
   *
   * @param args the flags
   * @param env the environment
   * @return the settings
   * @throws IllegalArgumentException for an unknown flag or a bad value
   */
  static ExampleConfig parse(List<String> args, Map<String, String> env) {
    Map<String, String> values = new java.util.HashMap<>();
    for (Map.Entry<String, String> variable : ENVIRONMENT.entrySet()) {
      String value = env.get(variable.getValue());
      if (value != null && !value.isBlank()) {
        values.put(variable.getKey(), value.strip());
      }
    }
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new HelpRequested();
      }
      if (flag.equals("--" + NEW_ADMIN_TOKEN)) {
        values.put(NEW_ADMIN_TOKEN, "true");
        continue;
      }
      String value = null;
      int equals = flag.indexOf('=');
      if (flag.startsWith("--") && equals > 0) {
        value = flag.substring(equals + 1);
        flag = flag.substring(0, equals);
      }
      String name = flag.startsWith("--") ? flag.substring(2) : "";
      if (!ENVIRONMENT.containsKey(name) && !name.equals("new-key")) {
        throw new IllegalArgumentException("Unknown option " + flag);
      }
      if (value == null) {
        if (rest.isEmpty()) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        value = rest.remove(0);
      }
      values.put(name, value);
    }
    ExampleConfig config = ExampleConfig.defaults();
    if (values.containsKey("host")) {
      config = config.withHost(values.get("host"));
    }
    if (values.containsKey("port")) {
      try {
        config = config.withPort(Integer.parseInt(values.get("port")));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("The port must be a number: " + values.get("port"));
      }
    }
    if (values.containsKey("data-dir")) {
      config = config.withDataDir(Path.of(values.get("data-dir")));
    }
    if (values.containsKey("store")) {
      config = config.withStore(values.get("store"));
    }
    if (values.containsKey("db-user") || values.containsKey("db-password")) {
      config = config.withDbCredentials(values.get("db-user"), values.get("db-password"));
    }
    if (values.containsKey("base-url")) {
      config = config.withBaseUrl(values.get("base-url"));
    }
    if (values.containsKey("new-key")) {
      config = config.withNewKeyFor(values.get("new-key"));
    }
    if (values.containsKey(NEW_ADMIN_TOKEN)) {
      config = config.withNewAdminToken();
    }
    return config;
  }

  /** The flag that takes no value: replace the admin token. */
  private static final String NEW_ADMIN_TOKEN = "new-admin-token";

  /** Flag names (without {@code --}) and their environment variables. */
  private static final Map<String, String> ENVIRONMENT = Map.of(
      "host", "SCIMKIT_HOST",
      "port", "SCIMKIT_PORT",
      "data-dir", "SCIMKIT_DATA_DIR",
      "store", "SCIMKIT_STORE",
      "db-user", "SCIMKIT_DB_USER",
      "db-password", "SCIMKIT_DB_PASSWORD",
      "base-url", "SCIMKIT_BASE_URL");

  static String usage() {
    return String.join(System.lineSeparator(),
        "Usage: scimkit-example [options]   (each option also reads an environment variable)",
        "  --host HOST        SCIMKIT_HOST         address to listen on (default 127.0.0.1; 0.0.0.0 for all)",
        "  --port PORT        SCIMKIT_PORT         port, 0 for any free one (default 8080)",
        "  --data-dir DIR     SCIMKIT_DATA_DIR     directory of the H2 database (default ./data)",
        "  --store STORE      SCIMKIT_STORE        h2 | memory | a JDBC URL, e.g. jdbc:postgresql://localhost/scimkit",
        "  --db-user USER     SCIMKIT_DB_USER      database user for a JDBC URL store",
        "  --db-password PW   SCIMKIT_DB_PASSWORD  database password for a JDBC URL store",
        "  --base-url URL     SCIMKIT_BASE_URL     URL clients reach the server at (default http://localhost:PORT)",
        "  --new-key ORG                           rotate organization ORG's SCIM API key and print the new one",
        "  --new-admin-token                       replace a lost admin token and print the new one",
        "Prints ADMIN_URL=..., and on the first start ADMIN_TOKEN=..., SCIM_URL=... and SCIM_API_KEY=...");
  }

  /** Thrown by {@link #parse} for {@code --help}. */
  static final class HelpRequested extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    HelpRequested() {
      super("help");
    }
  }
}
