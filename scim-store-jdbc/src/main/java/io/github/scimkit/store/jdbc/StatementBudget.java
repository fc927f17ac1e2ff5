package io.github.scimkit.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The time budget of one SQL statement: every statement created on a connection that passed
 * through {@link #bound} carries it as its JDBC query timeout ({@link Statement#setQueryTimeout},
 * whole seconds). PostgreSQL's driver cancels a statement over budget, lock waits included; H2
 * stops it at its next check. The store then answers 503 and the unit of work rolls back.
 *
 * <p>H2 keeps a query timeout for the whole session rather than the statement, so closing the
 * view sets it back to none before the connection returns to the host's pool. H2 bounds lock
 * waits by its own session setting, so on H2 {@link #bound} also sets {@code LOCK_TIMEOUT} to the
 * budget, and leaves it so.
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
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCK_TIMEOUT " + seconds * 1000L);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    }
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          if (method.getName().equals("close")) {
            clearSessionTimeout(connection);
          }
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

  private static void clearSessionTimeout(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(0);
    } catch (SQLException ignored) {
      // A closed or broken connection: the pool discards it.
    }
  }
}
