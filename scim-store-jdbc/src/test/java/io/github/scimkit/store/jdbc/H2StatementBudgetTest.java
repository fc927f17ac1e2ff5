package io.github.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * On H2 the statement budget is the session's {@code QUERY_TIMEOUT} and {@code LOCK_TIMEOUT}:
 * set when a connection is bound with other values, and not set again while they hold, since each
 * {@code SET} would empty every session's query cache.
 */
class H2StatementBudgetTest {

  @Test
  void setsTheSessionTimeoutsOnlyWhenTheyDiffer() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:budget-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    StatementBudget budget = new StatementBudget(Duration.ofMillis(2_500));
    try (Connection physical = dataSource.getConnection()) {
      AtomicInteger sets = new AtomicInteger();

      budget.bound(counting(physical, sets));
      assertThat(setting(physical)).isEqualTo("3000");
      assertThat(lockTimeout(physical)).isEqualTo(3000);
      assertThat(sets).as("the query timeout and the lock timeout of a new session").hasValue(2);

      budget.bound(counting(physical, sets));
      budget.bound(counting(physical, sets));
      assertThat(sets).as("no SET while the session keeps the budget").hasValue(2);

      try (Statement host = physical.createStatement()) {
        host.setQueryTimeout(0);
      }
      budget.bound(counting(physical, sets));
      assertThat(setting(physical)).as("a session a host changed gets the budget back").isEqualTo("3000");
      assertThat(sets).hasValue(3);
    }
  }

  /**
   * A pool's view of a connection whose statements count the settings they change: each {@code
   * setQueryTimeout} and each {@code SET} run through them.
   */
  private static Connection counting(Connection physical, AtomicInteger sets) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          Object result = invoke(method, physical, arguments);
          if (result instanceof Statement statement) {
            return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (statementProxy, call, values) -> {
                  if (call.getName().equals("setQueryTimeout")
                      || call.getName().equals("execute") && String.valueOf(values[0]).startsWith("SET ")) {
                    sets.incrementAndGet();
                  }
                  return invoke(call, statement, values);
                });
          }
          return result;
        });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static int lockTimeout(Connection connection) throws Exception {
    try (PreparedStatement select = connection.prepareStatement("SELECT LOCK_TIMEOUT()");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }

  private static String setting(Connection connection) throws Exception {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'");
        ResultSet row = select.executeQuery()) {
      return row.next() ? row.getString(1) : null;
    }
  }
}
