package io.github.scimkit.testkit;

import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UnitOfWork;
import io.github.scimkit.core.store.UserStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's stores seen through a recorder: every call to the user and group stores, inside a
 * unit of work or not, is listed as {@code users.create(...)} or {@code groups.addMembers(...)}
 * before it is forwarded. A {@link StoreProvider} over it lets an engine run on the tenant.
 */
final class RecordingStores {

  private final TenantStores tenant;
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  RecordingStores(TenantStores tenant) {
    this.tenant = tenant;
  }

  /** A provider that knows only this tenant. */
  StoreProvider provider() {
    TenantStores recorded = wrap(tenant);
    return tenantId -> tenantId.equals(tenant.tenantId()) ? Optional.of(recorded) : Optional.empty();
  }

  /** The calls so far, such as {@code users.get([id])}. */
  List<String> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  void clear() {
    calls.clear();
  }

  private TenantStores wrap(TenantStores stores) {
    return (TenantStores) Proxy.newProxyInstance(TenantStores.class.getClassLoader(), new Class<?>[] {TenantStores.class},
        (proxy, method, arguments) -> switch (method.getName()) {
          case "users" -> record("users", UserStore.class, stores.users());
          case "groups" -> record("groups", GroupStore.class, stores.groups());
          case "inTransaction" -> stores.inTransaction(inner -> ((UnitOfWork<?>) arguments[0]).execute(wrap(inner)));
          default -> forward(method, stores, arguments);
        });
  }

  private <S> S record(String name, Class<S> type, S store) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, arguments) -> {
          if (method.getDeclaringClass() != Object.class) {
            calls.add(name + "." + method.getName() + "(" + (arguments == null ? "" : Arrays.toString(arguments)) + ")");
          }
          return forward(method, store, arguments);
        }));
  }

  private static Object forward(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
