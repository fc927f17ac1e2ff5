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
 * <p>H2 keeps its query timeout for the whole session, not the statement, and every {@code SET}
 * empties the query caches of all its sessions, so on H2 a {@link StatementCanceller} cancels
 * each execution that runs past the budget instead, leaving the session's query timeout alone.
 * H2 bounds lock waits by its session's {@code LOCK_TIMEOUT}: {@link #bound} reads it and sets it
 * to the budget when it differs, and leaves it so, for other users of the same pool too.
 */
final class StatementBudget {

  /** The budget unless the host sets one. */
  static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

  private final int seconds;

  /** Whether the database is H2, learnt from the first connection; one budget serves one data source. */
  private volatile Boolean h2;

  /** Cancels H2 statements over budget; its timer thread runs only while H2 statements do. */
  private final StatementCanceller canceller = new StatementCanceller();

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
      setLockTimeout(connection);
    }
    boolean cancelling = h2;
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          Object result;
          try {
            result = method.invoke(connection, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (!(result instanceof Statement statement)) {
            return result;
          }
          if (cancelling) {
            return canceller.bounded(method.getReturnType(), statement, seconds);
          }
          statement.setQueryTimeout(seconds);
          return statement;
        });
  }

  /** Sets H2's session lock timeout to the budget when it differs, with one small query to read it. */
  private void setLockTimeout(Connection connection) throws SQLException {
    long millis = seconds * 1000L;
    try (Statement statement = connection.createStatement()) {
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
