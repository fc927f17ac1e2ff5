package io.github.scimkit.core.store;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps one tenant's users. Users are the members of groups; see {@link GroupStore}.
 *
 * <p>Before deleting a user, the engine removes its memberships through {@link
 * GroupStore#removeMembers} in the same {@link UnitOfWork}, so that each removal is reported. A
 * store may also drop a deleted user's memberships itself (a cascading foreign key, say).
 */
public interface UserStore extends RecordStore {

  /**
   * Tells which of the given ids name users of this tenant, in one store round trip whatever the
   * number of ids: the engine checks a group's new members with it. Ids are compared case-exactly,
   * as {@link #get} compares them. The default asks {@link #get} once per id; a store should
   * answer with one query.
   *
   * @param ids the ids to look up
   * @return the ids among them that are users of this tenant; empty when none is
   * @throws ScimException when the store fails
   */
  default Set<String> existingIds(Set<String> ids) throws ScimException {
    Set<String> found = new HashSet<>();
    for (String id : ids) {
      if (get(id).isPresent()) {
        found.add(id);
      }
    }
    return found;
  }
}
