package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.resource.UserGroup;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.ResourceRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Looks up the {@code groups} of many users with one store call. */
public final class UserGroups {

  private UserGroups() {}

  /**
   * Returns the groups of users, as their {@code groups} attribute shows them.
   *
   * @param groups the tenant's group store
   * @param groupMapping the Group mapping, whose {@code displayName} rule gives {@code display}
   * @param userIds the users
   * @return each user's groups in ascending id order; users in no group are absent
   * @throws ScimException when the store fails
   */
  public static Map<String, List<UserGroup>> lookUp(GroupStore groups, ResourceMapping groupMapping,
      Set<String> userIds) throws ScimException {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Optional<String> display = groupMapping.recordAttribute("displayName");
    Map<String, List<UserGroup>> result = new HashMap<>();
    for (Map.Entry<String, List<ResourceRecord>> entry : groups.groupsOfMembers(userIds).entrySet()) {
      result.put(entry.getKey(), entry.getValue().stream()
          .map(group -> new UserGroup(group.id(),
              display.flatMap(attribute -> group.attributes().getString(attribute)).orElse(null)))
          .toList());
    }
    return result;
  }
}
