package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.query.PageRequest;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Streams all of a group's member ids by walking keyset pages, holding one page at a time. */
public final class MemberPages implements Iterator<String> {

  private final GroupStore groups;
  private final String groupId;
  private final int pageSize;
  private Iterator<String> current = List.<String>of().iterator();
  private Optional<String> nextToken = Optional.empty();

  private MemberPages(GroupStore groups, String groupId, int pageSize) {
    this.groups = groups;
    this.groupId = groupId;
    this.pageSize = pageSize;
  }

  /**
   * Returns a stream of a group's member ids that reads its first page now, so that a missing
   * group fails here and not while the stream is read, and the others as they are needed.
   *
   * @param groups the group store
   * @param groupId the group
   * @param pageSize how many ids to read per store call
   * @return the ids, in ascending order
   * @throws ScimException 404 when there is no such group, or when the store fails
   */
  public static Stream<String> stream(GroupStore groups, String groupId, int pageSize) throws ScimException {
    MemberPages pages = new MemberPages(groups, groupId, pageSize);
    pages.read(PageRequest.firstKeyset(pageSize));
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (nextToken.isEmpty()) {
        return false;
      }
      fetch();
    }
    return true;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  private void fetch() {
    try {
      read(PageRequest.keyset(nextToken.orElseThrow(), pageSize));
    } catch (ScimException e) {
      throw new IllegalStateException("Reading the members of group " + groupId + " failed", e);
    }
  }

  private void read(PageRequest page) throws ScimException {
    try (ResultPage<String> result = groups.members(new MemberQuery(groupId, page))) {
      current = result.items().toList().iterator();
      nextToken = result.nextToken();
    }
  }
}
