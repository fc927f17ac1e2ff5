package io.github.scimkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.engine.SearchParameters;
import io.github.scimkit.core.engine.SearchResults;
import io.github.scimkit.core.resource.ResourceKind;
import java.util.List;

/**
 * The two value-path filters that once held PostgreSQL for tens of seconds (issue 14), timed
 * through the engine on a tenant of 3,000 users with a work and a home email each, created
 * through the engine (kept between runs on the databases). Each measurement is the whole search:
 * the total and the page of up to 100 results, consumed.
 */
final class HostileFilters {

  /** The filters, as the issue gives them. */
  static final List<String> FILTERS = List.of(
      "emails[type eq \"work\" and value co \"u1-\"]",
      "emails[value co \"@\"].value eq \"x\"");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int USERS = 3_000;
  private static final String TENANT = System.getProperty("filters.tenant", "bench-filters-3000");

  private HostileFilters() {}

  /** Creates the benchmark's tenant in the store under test. */
  interface TenantCreator {
    void create(String tenantId) throws Exception;
  }

  static void run(StoreBenchmark benchmark, String store, TenantCreator tenants, ScimEngine engine, int measured)
      throws Exception {
    if (measured <= 0) {
      return;
    }
    seed(tenants, engine);
    for (String filter : FILTERS) {
      long[] nanos = new long[measured];
      for (int i = -Math.max(5, measured / 4); i < measured; i++) {
        long start = System.nanoTime();
        try (SearchResults results = engine.search(Seeder.context(TENANT), ResourceKind.USER,
            SearchParameters.filter(filter))) {
          results.resources().count();
        }
        if (i >= 0) {
          nanos[i] = System.nanoTime() - start;
        }
      }
      benchmark.record(store, "filter " + filter, USERS, nanos, "users with 2 emails each");
    }
  }

  private static void seed(TenantCreator tenants, ScimEngine engine) throws Exception {
    if (engine.settings(TENANT).isPresent()) {
      return;
    }
    tenants.create(TENANT);
    long started = System.nanoTime();
    for (int n = 1; n <= USERS; n++) {
      ObjectNode user = JSON.createObjectNode();
      user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
      user.put("userName", "u" + n);
      ArrayNode emails = user.putArray("emails");
      emails.addObject().put("value", "u" + n + "-work@example.com").put("type", "work");
      emails.addObject().put("value", "u" + n + "-home@example.org").put("type", "home");
      engine.create(Seeder.context(TENANT), ResourceKind.USER, new GenericScimResource(user));
    }
    StoreBenchmark.log("  %s: seeded %,d users with 2 emails in %.1f s", TENANT, USERS,
        (System.nanoTime() - started) / 1e9);
  }
}
