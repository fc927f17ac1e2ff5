package io.github.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On H2 the statement budget cancels each execution that runs past it, without touching the
 * session's query timeout (each {@code SET} would empty every session's query cache, and the
 * setting would stay on the host's pool); lock waits are bounded by the session's {@code
 * LOCK_TIMEOUT}, set only when it differs from the budget.
 */
class H2StatementBudgetTest {

  private Connection physical;

  @BeforeEach
  void open() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:budget-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    physical = dataSource.getConnection();
  }

  @AfterEach
  void close() throws Exception {
    physical.close();
  }

  @Test
  void setsTheLockTimeoutOnlyWhenItDiffersAndNeverTheQueryTimeout() throws Exception {
    StatementBudget budget = new StatementBudget(Duration.ofMillis(2_500));
    AtomicInteger sets = new AtomicInteger();

    budget.bound(counting(physical, sets));
    assertThat(lockTimeout(physical)).isEqualTo(3000);
    assertThat(sets).as("the lock timeout of a new session").hasValue(1);
    budget.bound(counting(physical, sets));
    assertThat(sets).as("no SET while the session keeps the budget").hasValue(1);

    try (Statement host = physical.createStatement()) {
      host.execute("SET LOCK_TIMEOUT 100");
    }
    budget.bound(counting(physical, sets));
    assertThat(lockTimeout(physical)).as("a session a host changed gets the budget back").isEqualTo(3000);
    assertThat(sets).hasValue(2);
    assertThat(queryTimeout(physical)).as("the session's query timeout is left alone").isEqualTo("0");
  }

  @Test
  void cancelsAnExecutionThatRunsPastTheBudget() throws Exception {
    Connection bound = new StatementBudget(Duration.ofSeconds(1)).bound(physical);
    long start = System.nanoTime();

    try (PreparedStatement slow = bound.prepareStatement(
        "SELECT SUM(A.X + B.X) FROM SYSTEM_RANGE(1, 1000000) A, SYSTEM_RANGE(1, 1000000) B")) {
      assertThatExceptionOfType(SQLException.class).isThrownBy(slow::executeQuery)
          .matches(SqlErrors::isTimeout, "a time-out, which the store answers with 503");
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    try (PreparedStatement next = bound.prepareStatement("SELECT 1"); ResultSet row = next.executeQuery()) {
      assertThat(row.next()).as("the session serves the next statement").isTrue();
    }
  }

  /** A pool's view of a connection whose statements count the {@code SET}s run through them. */
  private static Connection counting(Connection physical, AtomicInteger sets) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          Object result = invoke(method, physical, arguments);
          if (result instanceof Statement statement) {
            return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (statementProxy, call, values) -> {
                  if (call.getName().equals("execute") && String.valueOf(values[0]).startsWith("SET ")) {
                    sets.incrementAndGet();
                  }
                  return invoke(call, statement, values);
                });
          }
          return result;
        });
  }

  private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
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

  private static String queryTimeout(Connection connection) throws Exception {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'");
        ResultSet row = select.executeQuery()) {
      return row.next() ? row.getString(1) : null;
    }
  }
}
