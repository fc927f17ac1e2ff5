package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.mapping.ScimUrns;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.UserStore;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up the enterprise {@code manager.displayName} of many users with one store search: the
 * {@code displayName} of the users their {@code manager.value} names (RFC 7643 §4.3), read when
 * a page is rendered so that it follows the manager's renames.
 */
public final class ManagerNames {

  /** The path of the read-only sub-attribute this fills. */
  public static final String PATH = ScimUrns.ENTERPRISE_USER + ":manager.displayName";

  private ManagerNames() {}

  /**
   * Returns the display names of the managers among the ids, with one keyset-page search of the
   * user store (no count) whose condition is an {@code or} of id comparisons.
   *
   * @param users the tenant's user store
   * @param userMapping the User mapping: nothing is looked up unless it keeps both {@code
   *     manager.displayName} and {@code displayName}
   * @param managerIds the ids the users' {@code manager.value} hold
   * @return the display name of each manager that exists and has one
   * @throws ScimException when the store fails
   */
  public static Map<String, String> lookUp(UserStore users, ResourceMapping userMapping,
      Set<String> managerIds) throws ScimException {
    Optional<String> display = userMapping.recordAttribute("displayName");
    if (managerIds.isEmpty() || display.isEmpty() || userMapping.recordAttribute(PATH).isEmpty()) {
      return Map.of();
    }
    List<Condition> ids = managerIds.stream()
        .map(id -> Condition.eq(AttributeRef.ID, id, true)).toList();
    Condition condition = ids.size() == 1 ? ids.get(0) : Condition.or(ids.toArray(Condition[]::new));
    Map<String, String> names = new HashMap<>();
    try (ResultPage<ResourceRecord> page = users.search(
        new StoreQuery(condition, Sort.BY_ID, PageRequest.firstKeyset(managerIds.size())))) {
      for (Iterator<ResourceRecord> records = page.items().iterator(); records.hasNext(); ) {
        ResourceRecord manager = records.next();
        manager.attributes().getString(display.get()).ifPresent(name -> names.put(manager.id(), name));
      }
    }
    return names;
  }
}
