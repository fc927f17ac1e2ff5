package io.github.scimkit.core.store;

import io.github.scimkit.core.store.query.PageRequest;
import java.util.Objects;

/**
 * A request for one page of a group's member ids, in ascending order.
 *
 * @param groupId the group
 * @param page the part of the members to return
 */
public record MemberQuery(String groupId, PageRequest page) {

  /** Checks the fields. */
  public MemberQuery {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(page, "page");
  }
}
