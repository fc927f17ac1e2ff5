package io.github.scimkit.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Wraps a data source so that every prepared statement executed through it is recorded: its SQL, how many
 * parameter sets it ran (1, or the batch size) and how many rows were read from its results.
 */
final class CountingDataSource {

  /** One execution. */
  static final class Execution {
    final String sql;
    final int parameterSets;
    int rowsRead;

    Execution(String sql, int parameterSets) {
      this.sql = sql;
      this.parameterSets = parameterSets;
    }

    @Override
    public String toString() {
      return sql + " x" + parameterSets + " rows=" + rowsRead;
    }
  }

  private final List<Execution> executions = Collections.synchronizedList(new ArrayList<>());
  private final DataSource proxy;

  CountingDataSource(DataSource target) {
    this.proxy = wrap(DataSource.class, target, (method, args, result) ->
        method.getName().equals("getConnection") ? wrap(Connection.class, result, this::onConnection) : result);
  }

  DataSource dataSource() {
    return proxy;
  }

  /** Returns the executions so far and forgets them. */
  List<Execution> drain() {
    synchronized (executions) {
      List<Execution> copy = List.copyOf(executions);
      executions.clear();
      return copy;
    }
  }

  private Object onConnection(Method method, Object[] args, Object result) {
    if (method.getName().equals("prepareStatement")) {
      String sql = (String) args[0];
      int[] pending = {0};
      return wrap(PreparedStatement.class, result, (call, callArgs, returned) -> {
        switch (call.getName()) {
          case "addBatch" -> pending[0]++;
          case "executeBatch" -> {
            executions.add(new Execution(sql, pending[0]));
            pending[0] = 0;
          }
          case "executeUpdate", "execute" -> executions.add(new Execution(sql, 1));
          case "executeQuery" -> {
            Execution execution = new Execution(sql, 1);
            executions.add(execution);
            return wrap(ResultSet.class, returned, (next, nextArgs, hasRow) -> {
              if (next.getName().equals("next") && Boolean.TRUE.equals(hasRow)) {
                execution.rowsRead++;
              }
              return hasRow;
            });
          }
          default -> { }
        }
        return returned;
      });
    }
    return result;
  }

  @FunctionalInterface
  private interface After {
    Object apply(Method method, Object[] args, Object result) throws Exception;
  }

  private static <T> T wrap(Class<T> type, Object target, After after) {
    InvocationHandler handler = (proxy, method, args) -> {
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return after.apply(method, args, result);
    };
    return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
