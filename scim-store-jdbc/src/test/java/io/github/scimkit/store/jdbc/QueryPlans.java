package io.github.scimkit.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What the database's {@code EXPLAIN} prints for a query, for the tests that check plans. */
final class QueryPlans {

  private QueryPlans() {}

  /**
   * Runs an explain command on the query, bound to its parameters.
   *
   * @param explain the command, such as {@code EXPLAIN} or H2's {@code EXPLAIN ANALYZE}, which runs the query
   * @return the plan's rows
   */
  static List<String> lines(DataSource dataSource, String explain, Sql query) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(explain + " " + query.text())) {
      query.bind(statement);
      List<String> lines = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          lines.add(rows.getString(1));
        }
      }
      return lines;
    }
  }

  /** The plan as one text, its rows joined by newlines. */
  static String text(DataSource dataSource, String explain, Sql query) throws SQLException {
    return String.join("\n", lines(dataSource, explain, query));
  }
}
