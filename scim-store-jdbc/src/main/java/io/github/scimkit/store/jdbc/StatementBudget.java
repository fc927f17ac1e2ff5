package io.github.scimkit.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The time budget of one SQL statement. On most databases every statement created on a connection
 * that passed through {@link #bound} carries it as its JDBC query timeout ({@link
 * Statement#setQueryTimeout}, whole seconds): PostgreSQL's driver cancels a statement over budget,
 * lock waits included. The store then answers 503 and the unit of work rolls back.
 *
 * <p>H2 keeps its query timeout and its lock timeout for the whole session, not the statement,
 * and every {@code SET} empties the query caches of all its sessions, so setting them for every
 * transaction would make H2 parse every statement again. On H2, {@link #bound} reads both
 * settings and sets to the budget only those that differ, leaving them so: the settings stay in
 * force for other users of the same pool, so on H2 the store is best given a pool of its own. (A
 * query timeout changed with SQL rather than {@link Statement#setQueryTimeout} escapes H2's
 * driver, which then reports the value it last set itself.)
 */
final class StatementBudget {

  /** The budget unless the host sets one. */
  static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

  private final int seconds;

  /** Whether the database is H2, learnt from the first connection; one budget serves one data source. */
  private volatile Boolean h2;

  /**
   * Creates a budget.
   *
   * @param budget the longest a statement may run; zero turns the budget off
   */
  StatementBudget(Duration budget) {
    long whole = budget.toSeconds() + (budget.toNanosPart() > 0 ? 1 : 0);
    this.seconds = (int) Math.min(Integer.MAX_VALUE, whole);
  }

  /** Returns a view of a connection whose statements carry the budget; closing it closes the connection. */
  Connection bound(Connection connection) throws SQLException {
    if (seconds == 0) {
      return connection;
    }
    if (h2 == null) {
      h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
    }
    if (h2) {
      setSessionTimeouts(connection);
      return connection;
    }
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          Object result;
          try {
            result = method.invoke(connection, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (result instanceof Statement statement) {
            statement.setQueryTimeout(seconds);
          }
          return result;
        });
  }

  /**
   * Sets H2's session timeouts to the budget where they differ from it. H2's driver keeps the
   * query timeout it last set, so reading it costs nothing; the lock timeout is one small query.
   */
  private void setSessionTimeouts(Connection connection) throws SQLException {
    long millis = seconds * 1000L;
    try (Statement statement = connection.createStatement()) {
      if (statement.getQueryTimeout() != seconds) {
        statement.setQueryTimeout(seconds);
      }
      long lockTimeout;
      try (ResultSet row = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
        row.next();
        lockTimeout = row.getLong(1);
      }
      if (lockTimeout != millis) {
        statement.execute("SET LOCK_TIMEOUT " + millis);
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }
}
