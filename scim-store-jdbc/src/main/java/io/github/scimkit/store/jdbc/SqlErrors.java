package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.StoreUnavailableException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps JDBC failures onto the SPI's typed exceptions. The details it writes are fixed sentences:
 * no SQL text, SQLState, table, column, driver or class name reaches a client. The cause rides
 * along as the exception's cause, and data errors are logged here, since a 400 is not logged
 * further up.
 */
final class SqlErrors {

  private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);

  private SqlErrors() {}

  /** Tells whether a failure is a unique or primary key violation (SQLState 23505). */
  static boolean isUniqueViolation(SQLException e) {
    for (SQLException at = e; at != null; at = at.getNextException()) {
      if ("23505".equals(at.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Tells whether a failure is a serialization failure or deadlock that a retry may cure. */
  static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.equals("40001") || state.equals("40P01"));
  }

  /**
   * Tells whether a statement ran past its time budget: cancelled by the query timeout
   * (PostgreSQL 57014, H2 HYT00 or 57014), or gave up waiting for a lock (PostgreSQL 55P03).
   */
  static boolean isTimeout(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.equals("57014") || state.equals("55P03") || state.startsWith("HYT"));
  }

  /**
   * Maps a failure: unique violations to 409 uniqueness; data errors the engine let through
   * (SQLState classes 22 and 23) to 400 invalidValue; everything else, time-outs included, to 503.
   */
  static ScimException map(SQLException e) {
    if (isUniqueViolation(e)) {
      return ResourceConflictException.uniqueness("A unique value or id is already taken");
    }
    String state = e.getSQLState();
    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
      LOG.warn("The database refused a value (SQLState {})", state, e);
      return new BadRequestException("The store cannot keep a value of this request",
          BadRequestException.INVALID_VALUE, e);
    }
    return unavailable(e);
  }

  /** Wraps a failure as a 503 with a fixed detail; a time-out says so. */
  static StoreUnavailableException unavailable(SQLException e) {
    if (isTimeout(e)) {
      return new StoreUnavailableException("The request ran past the store's time budget; nothing was changed", e);
    }
    return new StoreUnavailableException("The database is unavailable", e);
  }
}
