package io.github.scimkit.jersey;

import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UserStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps tenants' stores so that every call a request makes to a user or group store outside a
 * unit of work is counted, by {@code "users.search"}, {@code "groups.groupsOf"} and so on: a
 * test's proof that a page costs a fixed number of store calls.
 */
final class CountingStores {

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  /** Returns the tenant's stores with its user and group stores counted. */
  TenantStores wrap(TenantStores stores) {
    UserStore users = counted(UserStore.class, stores.users(), "users.");
    GroupStore groups = counted(GroupStore.class, stores.groups(), "groups.");
    return proxy(TenantStores.class, (self, method, args) -> switch (method.getName()) {
      case "users" -> users;
      case "groups" -> groups;
      default -> invoke(method, stores, args);
    });
  }

  /** Returns how often a store method was called since the last {@link #reset()}. */
  int count(String storeMethod) {
    return calls.getOrDefault(storeMethod, new AtomicInteger()).get();
  }

  /** Forgets every count. */
  void reset() {
    calls.clear();
  }

  private <T> T counted(Class<T> type, T delegate, String prefix) {
    return proxy(type, (self, method, args) -> {
      calls.computeIfAbsent(prefix + method.getName(), name -> new AtomicInteger()).incrementAndGet();
      return invoke(method, delegate, args);
    });
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
