package io.github.scimkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;

/**
 * The in-memory store's part of {@link StoreBenchmark}: for each tenant size up to 100,000 users,
 * seeds the users through the engine and measures {@code GET /Users?count=100}; the tenant is
 * removed before the next size, so only one lives in the heap at a time.
 */
final class MemoryPages {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long LARGEST = 100_000;

  private MemoryPages() {}

  static void run(StoreBenchmark benchmark, long[] userSizes, int pages) throws Exception {
    StoreBenchmark.log("== in-memory");
    for (long size : userSizes) {
      if (size > LARGEST) {
        StoreBenchmark.log("  skipping %,d users: the in-memory store is measured up to %,d", size, LARGEST);
        continue;
      }
      InMemoryStoreProvider stores = new InMemoryStoreProvider();
      String tenant = "bench-" + size;
      stores.createTenant(tenant);
      ScimEngine engine = ScimEngine.builder().stores(stores).auditSink(record -> { }).build();
      long started = System.nanoTime();
      for (long n = 1; n <= size; n++) {
        ObjectNode user = JSON.createObjectNode();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        user.put("userName", Seeder.userName(n));
        user.put("displayName", "User " + n);
        user.put("active", true);
        engine.create(Seeder.context(tenant), ResourceKind.USER, new GenericScimResource(user));
      }
      StoreBenchmark.log("  %s: seeded %,d users in %.1f s", tenant, size, (System.nanoTime() - started) / 1e9);
      benchmark.page("in-memory", engine, tenant, size, pages);
      stores.removeTenant(tenant);
    }
    InMemoryStoreProvider stores = new InMemoryStoreProvider();
    ScimEngine engine = ScimEngine.builder().stores(stores).auditSink(record -> { }).build();
    HostileFilters.run(benchmark, "in-memory", stores::createTenant, engine, Integer.getInteger("filters", 20));
  }
}
