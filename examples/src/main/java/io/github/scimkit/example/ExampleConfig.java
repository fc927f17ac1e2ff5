package io.github.scimkit.example;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The example server's settings. {@link Main} reads them from flags and environment variables.
 *
 * @param host the address to listen on ({@code --host}, {@code SCIMKIT_HOST}; default {@code 127.0.0.1}, this
 *     machine only; {@code 0.0.0.0} for every interface)
 * @param port the port, 0 for any free one ({@code --port}, {@code SCIMKIT_PORT}; default 8080)
 * @param dataDir where the H2 database lives ({@code --data-dir}, {@code SCIMKIT_DATA_DIR}; default {@code ./data})
 * @param store {@code h2}, {@code memory} or a JDBC URL ({@code --store}, {@code SCIMKIT_STORE}; default {@code h2})
 * @param baseUrl the URL clients reach the server at, for links ({@code --base-url}, {@code SCIMKIT_BASE_URL};
 *     default {@code http://localhost:<port>})
 * @param dbUser the user for a JDBC URL store ({@code --db-user}, {@code SCIMKIT_DB_USER})
 * @param dbPassword the password for a JDBC URL store ({@code --db-password}, {@code SCIMKIT_DB_PASSWORD})
 * @param newKeyFor an organization whose SCIM API key to rotate and print at start ({@code --new-key})
 * @param newAdminToken whether to replace the admin token at start and print the new one ({@code --new-admin-token})
 */
public record ExampleConfig(
    String host,
    int port,
    Path dataDir,
    String store,
    Optional<String> baseUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    Optional<String> newKeyFor,
    boolean newAdminToken) {

  /** The store kept in an H2 file in the data directory. */
  public static final String H2 = "h2";

  /** The store kept in memory, lost at exit. */
  public static final String MEMORY = "memory";

  /** Checks the settings. */
  public ExampleConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(dbUser, "dbUser");
    Objects.requireNonNull(dbPassword, "dbPassword");
    Objects.requireNonNull(newKeyFor, "newKeyFor");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("The port must be between 0 and 65535: " + port);
    }
    if (!store.equals(H2) && !store.equals(MEMORY) && !store.startsWith("jdbc:")) {
      throw new IllegalArgumentException("The store must be h2, memory or a JDBC URL: " + store);
    }
    baseUrl = baseUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  /**
   * Returns the defaults: port 8080 on 127.0.0.1 only, H2 in {@code ./data}.
   *
   * @return the default settings
   */
  public static ExampleConfig defaults() {
    return new ExampleConfig("127.0.0.1", 8080, Path.of("data"), H2,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  /**
   * Returns these settings with another port.
   *
   * @param newPort the port
   * @return the new settings
   */
  public ExampleConfig withPort(int newPort) {
    return new ExampleConfig(host, newPort, dataDir, store, baseUrl, dbUser, dbPassword, newKeyFor, newAdminToken);
  }

  /**
   * Returns these settings with another host.
   *
   * @param newHost the address to listen on
   * @return the new settings
   */
  public ExampleConfig withHost(String newHost) {
    return new ExampleConfig(newHost, port, dataDir, store, baseUrl, dbUser, dbPassword, newKeyFor, newAdminToken);
  }

  /**
   * Returns these settings with another data directory.
   *
   * @param newDataDir the directory
   * @return the new settings
   */
  public ExampleConfig withDataDir(Path newDataDir) {
    return new ExampleConfig(host, port, newDataDir, store, baseUrl, dbUser, dbPassword, newKeyFor, newAdminToken);
  }

  /**
   * Returns these settings with another store.
   *
   * @param newStore {@code h2}, {@code memory} or a JDBC URL
   * @return the new settings
   */
  public ExampleConfig withStore(String newStore) {
    return new ExampleConfig(host, port, dataDir, newStore, baseUrl, dbUser, dbPassword, newKeyFor, newAdminToken);
  }

  /**
   * Returns these settings with database credentials.
   *
   * @param user the user
   * @param password the password
   * @return the new settings
   */
  public ExampleConfig withDbCredentials(String user, String password) {
    return new ExampleConfig(host, port, dataDir, store, baseUrl, Optional.ofNullable(user),
        Optional.ofNullable(password), newKeyFor, newAdminToken);
  }

  /**
   * Returns these settings with a base URL.
   *
   * @param url the URL clients reach the server at
   * @return the new settings
   */
  public ExampleConfig withBaseUrl(String url) {
    return new ExampleConfig(host, port, dataDir, store, Optional.ofNullable(url), dbUser, dbPassword, newKeyFor, newAdminToken);
  }

  /**
   * Returns these settings asking for a new key for an organization at start.
   *
   * @param organizationId the organization
   * @return the new settings
   */
  public ExampleConfig withNewKeyFor(String organizationId) {
    return new ExampleConfig(host, port, dataDir, store, baseUrl, dbUser, dbPassword, Optional.ofNullable(organizationId), newAdminToken);
  }

  /**
   * Returns these settings asking for a new admin token at start, which replaces the old one.
   *
   * @return the new settings
   */
  public ExampleConfig withNewAdminToken() {
    return new ExampleConfig(host, port, dataDir, store, baseUrl, dbUser, dbPassword, newKeyFor, true);
  }
}
