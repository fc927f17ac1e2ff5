package io.github.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * On H2 the statement budget is the session's {@code QUERY_TIMEOUT} and {@code LOCK_TIMEOUT},
 * set the first time a physical connection is bound and not again: each {@code SET} would empty
 * every session's query cache.
 */
class H2StatementBudgetTest {

  @Test
  void setsTheSessionTimeoutsOncePerPhysicalConnection() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:budget-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    StatementBudget budget = new StatementBudget(Duration.ofMillis(2_500));
    try (Connection physical = dataSource.getConnection()) {
      AtomicInteger statements = new AtomicInteger();
      Connection pooled = counting(physical, statements);

      budget.bound(pooled);
      assertThat(setting(physical, "QUERY_TIMEOUT")).isEqualTo("3000");
      assertThat(lockTimeout(physical)).isEqualTo(3000);
      int afterFirst = statements.get();
      budget.bound(pooled);
      budget.bound(counting(physical, statements));

      assertThat(afterFirst).isEqualTo(1);
      assertThat(statements).hasValue(afterFirst);
    }
    try (Connection other = dataSource.getConnection()) {
      budget.bound(other);
      assertThat(setting(other, "QUERY_TIMEOUT")).isEqualTo("3000");
    }
  }

  /** A pool's view of a connection: unwraps to it, and counts the statements created. */
  private static Connection counting(Connection physical, AtomicInteger statements) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          switch (method.getName()) {
            case "unwrap":
              return physical;
            case "isWrapperFor":
              return true;
            case "createStatement":
              statements.incrementAndGet();
              break;
            default:
              break;
          }
          try {
            return method.invoke(physical, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static int lockTimeout(Connection connection) throws Exception {
    try (PreparedStatement select = connection.prepareStatement("SELECT LOCK_TIMEOUT()");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }

  private static String setting(Connection connection, String name) throws Exception {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }
}
