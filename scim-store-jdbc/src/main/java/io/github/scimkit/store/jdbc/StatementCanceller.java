package io.github.scimkit.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Cancels statements that run past their time ({@link Statement#cancel}), from one timer thread
 * that exists only while some statement is running: the budget of databases that keep a query
 * timeout for the whole session (H2), where setting one per statement would change the session.
 * A cancel never reaches a statement after its execution has returned.
 */
final class StatementCanceller {

  private static final long IDLE_SECONDS = 30;

  private final ScheduledThreadPoolExecutor timer;

  StatementCanceller() {
    timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "scimkit-statement-budget");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
  }

  /**
   * Returns a view of a statement whose executions ({@code execute…} methods) are cancelled once
   * they have run for the given time.
   *
   * @param type the statement's interface: {@code Statement}, {@code PreparedStatement} or {@code CallableStatement}
   * @param statement the statement
   * @param seconds the time each execution may take
   */
  Statement bounded(Class<?> type, Statement statement, int seconds) {
    return (Statement) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, arguments) -> method.getName().startsWith("execute")
            ? execute(statement, method, arguments, seconds)
            : invoke(method, statement, arguments));
  }

  private Object execute(Statement statement, Method method, Object[] arguments, int seconds) throws Throwable {
    Execution execution = new Execution(statement);
    ScheduledFuture<?> cancel = timer.schedule(execution::cancel, seconds, TimeUnit.SECONDS);
    try {
      return invoke(method, statement, arguments);
    } finally {
      execution.finish();
      cancel.cancel(false);
    }
  }

  private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** One execution: cancelled only while it runs, so that a late cancel cannot hit the next one. */
  private static final class Execution {
    private final Statement statement;
    private boolean running = true;

    Execution(Statement statement) {
      this.statement = statement;
    }

    synchronized void cancel() {
      if (running) {
        try {
          statement.cancel();
        } catch (SQLException ignored) {
          // A closed or broken statement has nothing left to cancel.
        }
      }
    }

    synchronized void finish() {
      running = false;
    }
  }
}
