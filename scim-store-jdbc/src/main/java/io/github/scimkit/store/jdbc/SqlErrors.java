package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.StoreUnavailableException;
import java.sql.SQLException;

/** Maps JDBC failures onto the SPI's typed exceptions. */
final class SqlErrors {

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
    return state != null && (state.equals("40001") || state.equals("40P01") || state.startsWith("HYT"));
  }

  /** Maps a failure: unique violations to 409 uniqueness, everything else to 503. */
  static ScimException map(SQLException e) {
    if (isUniqueViolation(e)) {
      return ResourceConflictException.uniqueness("A unique value or id is already taken");
    }
    return unavailable(e);
  }

  /** Wraps a failure as a 503. */
  static StoreUnavailableException unavailable(SQLException e) {
    String state = e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")";
    return new StoreUnavailableException("The database failed" + state + ": " + e.getMessage(), e);
  }
}
