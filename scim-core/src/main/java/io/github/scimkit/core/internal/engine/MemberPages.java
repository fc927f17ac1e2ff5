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
  private boolean started;

  private MemberPages(GroupStore groups, String groupId, int pageSize) {
    this.groups = groups;
    this.groupId = groupId;
    this.pageSize = pageSize;
  }

  /**
   * Returns a lazy stream of a group's member ids.
   *
   * @param groups the group store
   * @param groupId the group
   * @param pageSize how many ids to read per store call
   * @return the ids, in ascending order
   */
  public static Stream<String> stream(GroupStore groups, String groupId, int pageSize) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(new MemberPages(groups, groupId, pageSize),
            Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (started && nextToken.isEmpty()) {
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
    PageRequest page = started ? PageRequest.keyset(nextToken.orElseThrow(), pageSize) : PageRequest.firstKeyset(pageSize);
    started = true;
    try (ResultPage<String> result = groups.members(new MemberQuery(groupId, page))) {
      current = result.items().toList().iterator();
      nextToken = result.nextToken();
    } catch (ScimException e) {
      throw new IllegalStateException("Reading the members of group " + groupId + " failed", e);
    }
  }
}
