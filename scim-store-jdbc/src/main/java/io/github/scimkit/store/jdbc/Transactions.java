package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.ResultPage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;

/**
 * Hands out connections: the one bound to the calling thread by a unit of work, or a fresh one.
 *
 * <p>A unit of work binds one connection (autocommit off) to its thread; nested units join it.
 * A write inside a unit runs under a savepoint, so a failed write (a uniqueness conflict, say)
 * undoes only itself and leaves the unit usable, on PostgreSQL too. A write outside a unit runs
 * in its own transaction, retried a few times on a serialization failure or deadlock.
 */
final class Transactions {

  private static final int ATTEMPTS = 5;

  /** Work over one connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException, ScimException;
  }

  /** Work that runs while a connection is bound. */
  @FunctionalInterface
  interface BoundWork<T> {
    T run() throws ScimException;
  }

  /** Work that builds a streaming page over a leased connection; the page it returns holds the lease. */
  @FunctionalInterface
  interface LeasedWork<T> {
    ResultPage<T> run(Lease lease) throws SQLException, ScimException;
  }

  private final DataSource dataSource;
  private final StatementBudget budget;
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();

  Transactions(DataSource dataSource, StatementBudget budget) {
    this.dataSource = dataSource;
    this.budget = budget;
  }

  /** Borrows a connection whose statements run within the statement budget. */
  Connection open() throws SQLException {
    return budget.bound(dataSource.getConnection());
  }

  /** Runs a unit of work: joins the thread's unit, or binds a new transaction to the thread. */
  <T> T inUnit(BoundWork<T> work) throws ScimException {
    if (bound.get() != null) {
      return work.run();
    }
    Connection connection;
    try {
      connection = open();
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw SqlErrors.unavailable(e);
    }
    bound.set(connection);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw SqlErrors.map(e);
    } catch (ScimException | RuntimeException | Error e) {
      rollbackQuietly(connection);
      throw e;
    } finally {
      bound.remove();
      release(connection);
    }
  }

  /** Runs writes atomically: under a savepoint in a unit of work, else in their own transaction. */
  <T> T write(SqlWork<T> work) throws ScimException {
    Connection connection = bound.get();
    if (connection != null) {
      Savepoint savepoint = null;
      try {
        savepoint = connection.setSavepoint();
        T result = work.run(connection);
        connection.releaseSavepoint(savepoint);
        return result;
      } catch (SQLException e) {
        rollbackTo(connection, savepoint);
        throw SqlErrors.map(e);
      } catch (ScimException | RuntimeException e) {
        rollbackTo(connection, savepoint);
        throw e;
      }
    }
    for (int attempt = 1; ; attempt++) {
      Connection own = null;
      try {
        own = open();
        own.setAutoCommit(false);
        T result = work.run(own);
        own.commit();
        return result;
      } catch (SQLException e) {
        rollbackQuietly(own);
        if (attempt < ATTEMPTS && SqlErrors.isTransient(e)) {
          continue;
        }
        throw SqlErrors.map(e);
      } catch (ScimException | RuntimeException e) {
        rollbackQuietly(own);
        throw e;
      } finally {
        release(own);
      }
    }
  }

  /** Runs reads on the thread's unit connection, or on a fresh autocommit connection. */
  <T> T read(SqlWork<T> work) throws ScimException {
    Connection connection = bound.get();
    try {
      if (connection != null) {
        return work.run(connection);
      }
      try (Connection own = open()) {
        return work.run(own);
      }
    } catch (SQLException e) {
      throw SqlErrors.map(e);
    }
  }

  /**
   * Leases a connection for a streaming cursor: the unit's (released as a no-op), or a fresh one
   * with autocommit off, so that PostgreSQL honours the fetch size instead of buffering it all.
   */
  Lease lease() throws ScimException {
    Connection connection = bound.get();
    if (connection != null) {
      return new Lease(connection, false);
    }
    try {
      Connection own = open();
      try {
        own.setAutoCommit(false);
        own.setReadOnly(true);
      } catch (SQLException e) {
        own.close();
        throw e;
      }
      return new Lease(own, true);
    } catch (SQLException e) {
      throw SqlErrors.unavailable(e);
    }
  }

  /**
   * Leases a connection and builds a page over it: the page returned releases the lease when it is
   * closed, and a failure before it is built releases it here.
   */
  <T> ResultPage<T> streamed(LeasedWork<T> work) throws ScimException {
    Lease lease = lease();
    try {
      return work.run(lease);
    } catch (SQLException e) {
      lease.close();
      throw SqlErrors.map(e);
    } catch (RuntimeException | ScimException e) {
      lease.close();
      throw e;
    }
  }

  /** A connection held by a cursor; closing it ends the cursor's own transaction, if any. */
  static final class Lease implements AutoCloseable {

    private final Connection connection;
    private final boolean owned;

    Lease(Connection connection, boolean owned) {
      this.connection = connection;
      this.owned = owned;
    }

    Connection connection() {
      return connection;
    }

    @Override
    public void close() {
      if (owned) {
        rollbackQuietly(connection);
        try {
          connection.setReadOnly(false);
        } catch (SQLException ignored) {
          // The pool resets or discards it.
        }
        release(connection);
      }
    }
  }

  private static void rollbackTo(Connection connection, Savepoint savepoint) {
    if (savepoint == null) {
      return;
    }
    try {
      connection.rollback(savepoint);
    } catch (SQLException ignored) {
      // The unit's own rollback will follow.
    }
  }

  static void rollbackQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // Nothing more to undo.
    }
  }

  static void release(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // Closed or broken: the pool discards it.
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Nothing to do.
    }
  }
}
