package io.github.scimkit.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The time budget of one SQL statement. On most databases every statement created on a connection
 * that passed through {@link #bound} carries it as its JDBC query timeout ({@link
 * Statement#setQueryTimeout}, whole seconds): PostgreSQL's driver cancels a statement over budget,
 * lock waits included. The store then answers 503 and the unit of work rolls back.
 *
 * <p>H2 keeps its query timeout and its lock timeout for the whole session, not the statement,
 * and every {@code SET} empties the query caches of all its sessions, so setting them per
 * statement or per transaction would make H2 parse every statement again. On H2, {@link #bound}
 * sets {@code QUERY_TIMEOUT} and {@code LOCK_TIMEOUT} to the budget the first time it sees a
 * physical connection (as the pool's {@code unwrap} shows it) and leaves them so: other users of
 * the same pool get the budget too, and one that changes those settings takes it away, so on H2
 * the store is best given a pool of its own.
 */
final class StatementBudget {

  /** The budget unless the host sets one. */
  static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

  private final int seconds;

  /** Whether the database is H2, learnt from the first connection; one budget serves one data source. */
  private volatile Boolean h2;

  /** The physical H2 connections whose session timeouts are set, held weakly. */
  private final Set<Connection> sessionTimeoutsSet = Collections.synchronizedSet(
      Collections.newSetFromMap(new WeakHashMap<>()));

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

  /** Sets H2's session timeouts to the budget unless this physical connection has them already. */
  private void setSessionTimeouts(Connection connection) throws SQLException {
    try {
      Connection physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
      if (sessionTimeoutsSet.contains(physical)) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET QUERY_TIMEOUT " + seconds * 1000L);
        statement.execute("SET LOCK_TIMEOUT " + seconds * 1000L);
      }
      sessionTimeoutsSet.add(physical);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }
}
