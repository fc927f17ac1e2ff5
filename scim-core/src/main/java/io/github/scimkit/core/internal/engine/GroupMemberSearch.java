package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import io.github.scimkit.core.internal.dialect.FilterParser;
import io.github.scimkit.core.resource.GroupMemberView;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Lists GroupMember resources (draft-zollner-scim-group-members-01 §6.2): the filter must name
 * {@code group.value eq}, {@code member.value eq} or both joined with {@code and}; index and RFC
 * 9865 cursor paging as for Users and Groups. A page costs a constant number of store calls: by
 * group, one page of member ids, one load of the group and one search for the page's users; by
 * member, one batched lookup of the user's groups.
 */
public final class GroupMemberSearch {

  private static final AttributeRef GROUP = new AttributeRef("group", "value");
  private static final AttributeRef MEMBER = new AttributeRef("member", "value");

  private final EngineServices services;
  private final CursorCodec cursors;

  /**
   * Creates the search.
   *
   * @param services the engine's collaborators
   * @param cursors signs and checks cursors
   */
  public GroupMemberSearch(EngineServices services, CursorCodec cursors) {
    this.services = services;
    this.cursors = cursors;
  }

  /** What a filter selects: a group, a member, or both. */
  private record Selection(String groupId, String memberId) {
    Condition condition() {
      List<Condition> parts = new ArrayList<>();
      if (groupId != null) {
        parts.add(Condition.eq(GROUP, groupId, true));
      }
      if (memberId != null) {
        parts.add(Condition.eq(MEMBER, memberId, true));
      }
      return Condition.and(parts.toArray(Condition[]::new));
    }
  }

  /**
   * One page of memberships.
   *
   * @param views the memberships
   * @param total the number that match, when known (always on index pages)
   * @param nextCursor on a cursor page, the next page's cursor when there is one
   */
  public record Result(List<GroupMemberView> views, OptionalLong total, Optional<String> nextCursor) {}

  /**
   * Returns one page of memberships.
   *
   * @param session the request's session
   * @param filter the filter text
   * @param startIndex the 1-based index of the first result (index paging)
   * @param requestedCount the page size asked for, if any
   * @param cursor empty for index paging, else the cursor as sent ({@code ""} for the first page)
   * @return the page
   * @throws ScimException 400 {@code invalidFilter} for a missing or unsupported filter; the
   *     cursor errors of RFC 9865 §2.1
   */
  public Result search(Session session, Optional<String> filter, long startIndex, OptionalInt requestedCount,
      Optional<String> cursor) throws ScimException {
    if (filter.isEmpty()) {
      throw BadRequestException.invalidFilter("List GroupMembers with a filter on group.value or member.value");
    }
    Selection selection = select(new FilterParser(session.tolerances()).parse(filter.get()));
    int count = Math.min(Math.max(0, requestedCount.orElse(services.config().defaultPageSize())),
        services.config().maxPageSize());
    boolean cursorMode = cursor.isPresent();
    byte[] hash = CursorCodec.queryHash(GroupMemberView.RESOURCE_TYPE, selection.condition(), Sort.BY_ID);
    String after = cursorMode && !cursor.get().isEmpty()
        ? cursors.decode(cursor.get(), session.context().tenantId(), hash, count) : null;
    Page page = selection.groupId() != null && selection.memberId() == null
        ? byGroup(session, session.stores(), selection.groupId(), count == 0 ? PageRequest.countOnly()
            : cursorMode ? PageRequest.keyset(after, count) : PageRequest.offset(startIndex - 1, count))
        : byMember(session, session.stores(), selection, cursorMode, after, cursorMode ? 0 : startIndex - 1, count);
    return new Result(page.views(), page.total(),
        page.next().map(token -> cursors.encode(session.context().tenantId(), hash, count, token)));
  }

  /** A page before its cursor is signed. */
  private record Page(List<GroupMemberView> views, OptionalLong total, Optional<String> next) {}

  private Page byGroup(Session session, TenantStores stores, String groupId, PageRequest request) throws ScimException {
    Optional<ResourceRecord> group = session.support(ResourceKind.GROUP).find(stores, groupId);
    if (group.isEmpty()) {
      return new Page(List.of(), OptionalLong.of(0), Optional.empty());
    }
    List<String> memberIds;
    OptionalLong total;
    Optional<String> next;
    try (ResultPage<String> page = stores.groups().members(new MemberQuery(groupId, request))) {
      memberIds = page.items().toList();
      total = page.totalResults();
      next = page.nextToken();
    } catch (ResourceNotFoundException e) {
      return new Page(List.of(), OptionalLong.of(0), Optional.empty());
    }
    Map<String, ResourceRecord> users = users(stores, memberIds);
    List<GroupMemberView> views = new ArrayList<>();
    for (String memberId : memberIds) {
      ResourceRecord user = users.get(memberId);
      if (user != null) {
        views.add(GroupMemberCommands.view(session, group.get(), user));
      }
    }
    return new Page(views, total, next);
  }

  /** The users of a page, with one store search. */
  private Map<String, ResourceRecord> users(TenantStores stores, List<String> ids) throws ScimException {
    Map<String, ResourceRecord> users = new HashMap<>();
    if (ids.isEmpty()) {
      return users;
    }
    Condition condition = Condition.or(ids.stream().map(id -> Condition.eq(AttributeRef.ID, id, true))
        .toArray(Condition[]::new));
    try (ResultPage<ResourceRecord> page = stores.users()
        .search(new StoreQuery(condition, Sort.BY_ID, PageRequest.offset(0, ids.size())))) {
      page.items().forEach(user -> users.put(user.id(), user));
    }
    return users;
  }

  private Page byMember(Session session, TenantStores stores, Selection selection, boolean cursor, String after, long skip, int count)
      throws ScimException {
    String memberId = selection.memberId();
    Optional<ResourceRecord> user = session.support(ResourceKind.USER).find(stores, memberId);
    if (user.isEmpty()) {
      return new Page(List.of(), OptionalLong.of(0), Optional.empty());
    }
    List<ResourceRecord> groups = new ArrayList<>(
        stores.groups().groupsOfMembers(Set.of(memberId)).getOrDefault(memberId, List.of()));
    if (selection.groupId() != null) {
      groups.removeIf(group -> !group.id().equals(selection.groupId()));
    }
    if (after != null) {
      groups.removeIf(group -> group.id().compareTo(after) <= 0);
    }
    long total = groups.size();
    List<GroupMemberView> views = new ArrayList<>();
    for (ResourceRecord group : groups.subList((int) Math.min(skip, total), (int) Math.min(skip + count, total))) {
      views.add(GroupMemberCommands.view(session, group, user.get()));
    }
    Optional<String> next = cursor && count > 0 && total > count ? Optional.of(views.get(views.size() - 1).groupId()) : Optional.empty();
    return new Page(views, cursor ? OptionalLong.empty() : OptionalLong.of(total), next);
  }

  private static Selection select(Filter filter) throws BadRequestException {
    List<Filter> parts = filter instanceof AndFilter and ? and.getCombinedFilters() : List.of(filter);
    String groupId = null;
    String memberId = null;
    for (Filter part : parts) {
      if (!(part instanceof EqualFilter equal) || equal.getComparisonValue() == null
          || !equal.getComparisonValue().isTextual()) {
        throw unsupported(filter);
      }
      String attribute = attribute(equal.getAttributePath());
      String value = equal.getComparisonValue().asText();
      if (attribute.equals("group.value") && groupId == null) {
        groupId = value;
      } else if (attribute.equals("member.value") && memberId == null) {
        memberId = value;
      } else {
        throw unsupported(filter);
      }
    }
    return new Selection(groupId, memberId);
  }

  private static String attribute(Path path) throws BadRequestException {
    if (path.getSchemaUrn() != null && !path.getSchemaUrn().equalsIgnoreCase(GroupMemberView.SCHEMA)) {
      throw BadRequestException.invalidFilter("GroupMember has no attribute " + path);
    }
    List<String> names = new ArrayList<>();
    for (Path.Element element : path) {
      names.add(element.getAttribute().toLowerCase(Locale.ROOT));
    }
    return String.join(".", names);
  }

  private static BadRequestException unsupported(Filter filter) {
    return BadRequestException.invalidFilter("GroupMembers are filtered by group.value eq, member.value eq, or both "
        + "joined with and, not: " + filter);
  }
}
