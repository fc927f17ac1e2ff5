package io.github.scimkit.core.engine;

import io.github.scimkit.core.resource.GroupMemberView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of GroupMember resources: an index page (RFC 7644 §3.4.2.4) or a cursor page (RFC
 * 9865), as {@link SearchResults} is for Users and Groups.
 *
 * @param resources the memberships on the page, in the store's order
 * @param total the number of matching memberships, when known (always on index pages)
 * @param startIndex the 1-based index of the first one; 1 on cursor pages
 * @param mode index or cursor paging
 * @param nextCursor on a cursor page, the cursor of the next page when there is one
 */
public record GroupMemberPage(
    List<GroupMemberView> resources,
    OptionalLong total,
    long startIndex,
    PaginationMode mode,
    Optional<String> nextCursor) {

  /** Checks and copies the fields. */
  public GroupMemberPage {
    resources = List.copyOf(resources);
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(nextCursor, "nextCursor");
  }
}
