package io.github.scimkit.core.engine;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.internal.engine.GroupMemberCommands;
import io.github.scimkit.core.internal.engine.GroupMemberSchemas;
import io.github.scimkit.core.internal.engine.GroupMemberSearch;
import io.github.scimkit.core.internal.engine.Session;
import io.github.scimkit.core.projection.Projection;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.GroupMemberView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The GroupMember resource of draft-zollner-scim-group-members-01: each direct membership of a
 * user in a group as a resource of its own, created, read and deleted without loading the group.
 * Get it from {@link ScimEngine#groupMembers()}.
 *
 * <p>A membership and the Group's {@code members} are the same store row, so the two views always
 * agree: POST and DELETE here are member changes of the group (its version and {@code
 * lastModified} move, and the usual {@code MembersAdded} and {@code MembersRemoved} events go
 * through the outbox), and a PATCH of the Group's members shows here at once. Members are users
 * only, since groups do not nest; so no GroupMember is ever indirect.
 *
 * <pre>{@code
 * GroupMemberView membership = engine.groupMembers().create(context, new GenericScimResource(body));
 * engine.groupMembers().delete(context, membership.id());
 * }</pre>
 *
 * <p>{@link EngineConfig#groupMembers()} turns the resource off: every method then answers 404.
 */
public final class GroupMembers {

  private static final ResourceTypeDefinition TYPE = resourceType();

  private final EngineConfig config;
  private final Sessions sessions;
  private final GroupMemberCommands commands;
  private final GroupMemberSearch search;

  GroupMembers(EngineConfig config, Sessions sessions, GroupMemberCommands commands, GroupMemberSearch search) {
    this.config = config;
    this.sessions = sessions;
    this.commands = commands;
    this.search = search;
  }

  /**
   * Returns the schemas the resource adds to {@code /Schemas}: the GroupMember schema and the
   * Group extension that carries {@code membersMetadata}, in that order.
   *
   * @return the two schemas
   */
  public static List<SchemaResource> schemas() {
    return GroupMemberSchemas.all();
  }

  /**
   * Reads a request's projection parameters against the GroupMember schema (RFC 7644 §3.9), to
   * apply to each rendered membership.
   *
   * @param attributes the {@code attributes} parameter, if given
   * @param excludedAttributes the {@code excludedAttributes} parameter, if given
   * @return the projection
   * @throws BadRequestException {@code invalidPath} when a path does not parse
   */
  public static Projection projection(Optional<String> attributes, Optional<String> excludedAttributes)
      throws BadRequestException {
    return Projection.of(TYPE, attributes, excludedAttributes);
  }

  private static ResourceTypeDefinition resourceType() {
    List<SchemaResource> schemas = GroupMemberSchemas.all();
    return new ResourceTypeDefinition.Builder(GroupMemberView.RESOURCE_TYPE, "/GroupMembers")
        .setId(GroupMemberView.RESOURCE_TYPE).setCoreSchema(schemas.get(0)).build();
  }

  /**
   * Tells whether the resource is served ({@link EngineConfig#groupMembers()}).
   *
   * @return {@code true} when it is
   */
  public boolean enabled() {
    return config.groupMembers();
  }

  /**
   * Makes a user a member of a group (POST).
   *
   * @param context who asks, for which tenant
   * @param body the GroupMember body, with {@code group.value} and {@code member.value}
   * @return the new membership
   * @throws ScimException 400 {@code invalidValue} for a missing value, an unknown group or user,
   *     or a member that is not a user; 409 {@code uniqueness} when it is a member already
   */
  public GroupMemberView create(RequestContext context, GenericScimResource body) throws ScimException {
    Objects.requireNonNull(body, "body");
    return commands.create(session(context), body);
  }

  /**
   * Returns a membership (GET).
   *
   * @param context who asks, for which tenant
   * @param id the GroupMember id
   * @return the membership
   * @throws ScimException 404 when the id names no current membership
   */
  public GroupMemberView get(RequestContext context, String id) throws ScimException {
    return commands.get(session(context), id);
  }

  /**
   * Lists memberships by {@code group.value eq}, {@code member.value eq} or both joined with
   * {@code and}, one index or cursor page at a time; {@code sortBy} is not supported and ignored.
   *
   * @param context who asks, for which tenant
   * @param parameters filter and page
   * @return the page
   * @throws ScimException 400 {@code invalidFilter} without such a filter; the cursor errors of
   *     RFC 9865
   */
  public GroupMemberPage search(RequestContext context, SearchParameters parameters) throws ScimException {
    boolean cursor = parameters.cursor().isPresent();
    long startIndex = cursor ? 1 : Math.max(1, parameters.startIndex());
    GroupMemberSearch.Result page = search.search(session(context), parameters.filter(), startIndex,
        parameters.count(), parameters.cursor());
    return new GroupMemberPage(page.views(), page.total(), startIndex,
        cursor ? PaginationMode.CURSOR : PaginationMode.INDEX, page.nextCursor());
  }

  /**
   * Ends a membership (DELETE).
   *
   * @param context who asks, for which tenant
   * @param id the GroupMember id
   * @throws ScimException 404 when the id names no current membership
   */
  public void delete(RequestContext context, String id) throws ScimException {
    commands.delete(session(context), id);
  }

  /**
   * Counts a group's members without reading them: {@code membersMetadata.memberCount}.
   *
   * @param context who asks, for which tenant
   * @param groupId the group
   * @return the number of members
   * @throws ScimException 404 when there is no such group
   */
  public long memberCount(RequestContext context, String groupId) throws ScimException {
    return commands.memberCount(session(context), groupId);
  }

  private Session session(RequestContext context) throws ScimException {
    if (!config.groupMembers()) {
      throw new ResourceNotFoundException("The GroupMember resource is turned off");
    }
    return sessions.open(context);
  }
}
