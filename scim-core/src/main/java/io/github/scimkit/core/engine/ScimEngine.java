package io.github.scimkit.core.engine;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.bulk.BulkRequest;
import io.github.scimkit.core.bulk.BulkResponse;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.event.AuditSink;
import io.github.scimkit.core.event.LifecycleListener;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.internal.engine.AuditedWrites;
import io.github.scimkit.core.internal.engine.CreateCommand;
import io.github.scimkit.core.internal.engine.DeleteCommand;
import io.github.scimkit.core.internal.engine.EngineServices;
import io.github.scimkit.core.internal.engine.CursorCodec;
import io.github.scimkit.core.internal.engine.EventDispatcher;
import io.github.scimkit.core.internal.engine.GroupMemberCommands;
import io.github.scimkit.core.internal.engine.GroupMemberRules;
import io.github.scimkit.core.internal.engine.GroupMemberSearch;
import io.github.scimkit.core.internal.engine.InputRule;
import io.github.scimkit.core.internal.engine.MemberPages;
import io.github.scimkit.core.internal.engine.OutboxRelay;
import io.github.scimkit.core.internal.engine.PatchCommand;
import io.github.scimkit.core.internal.engine.ProfileSupports;
import io.github.scimkit.core.internal.engine.ReplaceCommand;
import io.github.scimkit.core.internal.engine.ResourceSupport;
import io.github.scimkit.core.internal.engine.SchemaChecks;
import io.github.scimkit.core.internal.engine.Session;
import io.github.scimkit.core.internal.engine.ManagerNames;
import io.github.scimkit.core.internal.engine.UserGroups;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.profile.IdpProfile;
import io.github.scimkit.core.profile.IdpProfiles;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.resource.UserGroup;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.TenantLookup;
import io.github.scimkit.core.tenant.TenantSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The provisioning engine: every SCIM operation on users and groups, carried out on a tenant's
 * stores without any HTTP.
 *
 * <p>Each write is one unit of work. Request bodies are read in the tenant's dialect (see {@link
 * io.github.scimkit.core.dialect.Tolerance}), checked against the mapping's schemas and turned
 * into record attributes; group member changes become membership deltas. Committed changes are
 * reported to {@link LifecycleListener}s, and every write, successful or not, to the {@link
 * AuditSink}. Errors are the SDK's typed {@link ScimException}s.
 *
 * <p>Each tenant's {@link TenantSettings#idpProfile()} names an {@link IdpProfile} of the
 * engine's {@link IdpProfiles}: it picks the tolerances in lenient mode (a profile recognised
 * from the request's User-Agent may widen them) and the mapping variant the tenant's records are
 * read, rendered and derived with.
 *
 * <pre>{@code
 * ScimEngine engine = ScimEngine.builder()
 *     .stores(provider)
 *     .mapping(ScimMapping.defaults())
 *     .build();
 * }</pre>
 */
public final class ScimEngine implements AutoCloseable {

  private final StoreProvider stores;
  private final ScimMapping mapping;
  private final EngineConfig config;
  private final ProfileSupports profileSupports;
  private final Sessions sessions;
  private final OutboxRelay relay;
  private final AuditedWrites writes;
  private final CreateCommand create;
  private final ReplaceCommand replace;
  private final PatchCommand patch;
  private final DeleteCommand delete;
  private final SearchCommand search;
  private final BulkCommand bulk;
  private final GroupMembers groupMembers;

  private ScimEngine(Builder builder) {
    this.stores = builder.stores;
    this.mapping = builder.mapping;
    this.config = builder.config;
    this.profileSupports = ProfileSupports.of(builder.mapping, builder.profiles, builder.config);
    this.sessions = new Sessions(builder.stores, builder.profiles, profileSupports);
    EventDispatcher dispatcher = new EventDispatcher(builder.listeners, builder.auditSink);
    this.relay = new OutboxRelay(builder.stores, dispatcher, builder.outboxRetry, Clock.systemUTC());
    this.writes = new AuditedWrites(dispatcher, relay, builder.config.clock());
    EngineServices services = new EngineServices(builder.config, builder.hook, new SchemaChecks(builder.config), relay);
    this.create = new CreateCommand(services);
    this.replace = new ReplaceCommand(services);
    this.patch = new PatchCommand(services);
    this.delete = new DeleteCommand(services);
    this.search = new SearchCommand(builder.config);
    this.bulk = new BulkCommand(builder.config.maxBulkOperations());
    GroupMemberCommands memberCommands = new GroupMemberCommands(services, writes);
    this.groupMembers = new GroupMembers(builder.config, sessions, memberCommands,
        new GroupMemberSearch(services, CursorCodec.of(builder.config)));
    relay.recoverInBackground();
  }

  /**
   * Stops delivering lifecycle events: a delivery under way may finish (for up to 10 seconds) and
   * scheduled retries stay in the tenants' outboxes for the next start. Close the engine after
   * the HTTP server stopped and before the stores close.
   */
  @Override
  public void close() {
    relay.close();
  }

  /**
   * Returns a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the host's mapping rules: what {@code /Schemas} publishes for every tenant. A
   * tenant's {@link IdpProfile} may read, render and derive with a variant of it that changes
   * only what is not published, such as the order in which the derived email is looked for.
   *
   * @return the mapping
   */
  public ScimMapping mapping() {
    return mapping;
  }

  /**
   * Returns what the engine's home of a kind tells the HTTP layer: endpoint, mapping (the host's,
   * as published), PATCH response policy and the read-only lists the kind's resources show.
   *
   * @param kind the kind
   * @return the resource type
   */
  public ResourceType resourceType(ResourceKind kind) {
    ResourceSupport support = profileSupports.base().support(kind);
    return new ResourceType(kind, support.mapping(), support.patchResponse(), support.showsGroups(), support.hasMembers());
  }

  /**
   * Returns the resource type of every kind, in {@link ResourceKind} order (users first).
   *
   * @return the resource types
   */
  public List<ResourceType> resourceTypes() {
    return Stream.of(ResourceKind.values()).map(this::resourceType).toList();
  }

  /**
   * Returns the engine's configuration.
   *
   * @return the configuration
   */
  public EngineConfig config() {
    return config;
  }

  /**
   * Returns the GroupMember resource of draft-zollner-scim-group-members-01 (on unless {@link
   * EngineConfig#groupMembers()} turns it off).
   *
   * @return the GroupMember operations
   */
  public GroupMembers groupMembers() {
    return groupMembers;
  }

  /**
   * Returns a tenant's settings.
   *
   * @param tenantId the tenant
   * @return the settings, or empty when there is no such tenant
   * @throws ScimException when the store fails
   */
  public Optional<TenantSettings> settings(String tenantId) throws ScimException {
    return stores.lookUp(tenantId).map(TenantLookup::settings);
  }

  /**
   * Creates a resource (POST).
   *
   * @param context who asks, for which tenant
   * @param kind users or groups
   * @param body the request body
   * @return the new resource
   * @throws ScimException when the body is invalid, a unique value is taken, or the hook vetoes
   */
  public ResourceView create(RequestContext context, ResourceKind kind, GenericScimResource body) throws ScimException {
    Session session = sessions.open(context);
    ResourceSupport support = session.support(kind);
    return writes.run(session, support, WriteOperation.CREATE, null, 201,
        () -> create.execute(session, support, GroupMemberRules.withoutMetadata(config, kind, body)));
  }

  /**
   * Returns a resource (GET).
   *
   * @param context who asks, for which tenant
   * @param kind users or groups
   * @param id the resource id
   * @return the resource
   * @throws ScimException 404 when there is no such resource
   */
  public ResourceView get(RequestContext context, ResourceKind kind, String id) throws ScimException {
    Session session = sessions.open(context);
    ResourceSupport support = session.support(kind);
    ResourceRecord record = support.find(session.stores(), id)
        .orElseThrow(() -> new ResourceNotFoundException("No " + support.mapping().name() + " with id " + id));
    return support.view(record);
  }

  /**
   * Replaces a resource (PUT).
   *
   * @param context who asks, for which tenant
   * @param kind users or groups
   * @param id the resource id
   * @param body the request body
   * @param ifMatch the version the client expects (If-Match), if any
   * @return the resource as it now is
   * @throws ScimException 404, 400, 409 or 412 as RFC 7644 describes
   */
  public ResourceView replace(
      RequestContext context, ResourceKind kind, String id, GenericScimResource body, OptionalLong ifMatch)
      throws ScimException {
    Session session = sessions.open(context);
    ResourceSupport support = session.support(kind);
    return writes.run(session, support, WriteOperation.REPLACE, id, 200,
        () -> replace.execute(session, support, id, GroupMemberRules.withoutMetadata(config, kind, body), ifMatch));
  }

  /**
   * Modifies a resource (PATCH).
   *
   * @param context who asks, for which tenant
   * @param kind users or groups
   * @param id the resource id
   * @param request the PatchOp request body
   * @param ifMatch the version the client expects (If-Match), if any
   * @return the resource as it now is
   * @throws ScimException 404, 400, 409 or 412 as RFC 7644 describes
   */
  public ResourceView patch(
      RequestContext context, ResourceKind kind, String id, GenericScimResource request, OptionalLong ifMatch)
      throws ScimException {
    Session session = sessions.open(context);
    ResourceSupport support = session.support(kind);
    return writes.run(session, support, WriteOperation.PATCH, id, 200, () -> {
      GroupMemberRules.checkPatch(config, kind, request);
      return patch.execute(session, support, id, request, ifMatch);
    });
  }

  /**
   * Deletes a resource (DELETE); a user's memberships go with it.
   *
   * @param context who asks, for which tenant
   * @param kind users or groups
   * @param id the resource id
   * @param ifMatch the version the client expects (If-Match), if any
   * @throws ScimException 404 or 412
   */
  public void delete(RequestContext context, ResourceKind kind, String id, OptionalLong ifMatch) throws ScimException {
    Session session = sessions.open(context);
    ResourceSupport support = session.support(kind);
    writes.run(session, support, WriteOperation.DELETE, id, 204, () -> delete.execute(session, support, id, ifMatch));
  }

  /**
   * Searches resources (GET with a filter, or POST {@code .search}): one index page, or one cursor
   * page (RFC 9865) when the parameters carry a cursor.
   *
   * <p>In cursor mode the count defaults to the default page size, a negative count is 0, and a
   * larger one is cut to the maximum; a count of 0 returns only the total. The cursor is signed
   * and bound to the tenant, the resource type, the filter, the sort and the count: see {@link
   * SearchResults} for when {@code nextCursor} is known.
   *
   * @param context who asks, for which tenant
   * @param kind users or groups
   * @param parameters filter, sort and page
   * @return the page: close it
   * @throws ScimException 400 invalidFilter for a bad or unknown filter; in cursor mode 400
   *     invalidCursor, expiredCursor or invalidCount (RFC 9865 §2.1)
   */
  public SearchResults search(RequestContext context, ResourceKind kind, SearchParameters parameters)
      throws ScimException {
    Session session = sessions.open(context);
    return search.execute(session, session.support(kind), parameters);
  }

  /**
   * Carries out a bulk request (RFC 7644 §3.7).
   *
   * <p>A POST runs before the operations that reference its {@code bulkId:}; the others keep their
   * order. Each operation is one unit of work, audited like a single request; the bulk request as a
   * whole is not atomic, and stops after {@code failOnErrors} failures (the rest are not listed).
   * Per-operation errors are results: 405 for a method that does not fit the path, 400 {@code
   * invalidPath}, 409 {@code invalidValue} for an unresolvable bulkId (unknown, failed or cyclic),
   * and whatever the single call would answer.
   *
   * @param context who asks, for which tenant
   * @param request the operations and {@code failOnErrors}
   * @return one result per operation that ran or failed, in request order
   * @throws ScimException 413 when the request has more than {@link
   *     EngineConfig#maxBulkOperations()} operations; 400 {@code invalidValue} when {@code
   *     failOnErrors} is below 1; 404 when there is no such tenant
   */
  public BulkResponse bulk(RequestContext context, BulkRequest request) throws ScimException {
    sessions.open(context);
    return bulk.execute(this, context, request);
  }

  /**
   * Streams a group's member ids in ascending order, reading the store one page at a time. The
   * first page is read at once: an unknown group fails here, and no separate read of the group
   * is needed.
   *
   * @param context who asks, for which tenant
   * @param groupId the group
   * @return the member ids: close the stream
   * @throws ScimException 404 when there is no such group
   */
  public Stream<String> members(RequestContext context, String groupId) throws ScimException {
    Session session = sessions.open(context);
    if (!InputRule.storable(groupId)) {
      throw new ResourceNotFoundException("No Group with id " + groupId);
    }
    return MemberPages.stream(session.stores().groups(), groupId, config.maxPageSize());
  }

  /**
   * Returns the groups of users, as their read-only {@code groups} attribute shows them, with one
   * store call for all the ids: the HTTP layer asks once per page of users.
   *
   * @param context who asks, for which tenant
   * @param userIds the users
   * @return each user's groups in ascending id order; users in no group, or unknown, are absent
   * @throws ScimException 404 when there is no such tenant, or when the store fails
   */
  public Map<String, List<UserGroup>> groupsOf(RequestContext context, Set<String> userIds) throws ScimException {
    Session session = sessions.open(context);
    return UserGroups.lookUp(session.stores().groups(), session.support(ResourceKind.GROUP).mapping(), userIds);
  }

  /**
   * Returns the display names of users named as managers, for the read-only enterprise {@code
   * manager.displayName}, with one store search for all the ids: the HTTP layer asks once per
   * page of users.
   *
   * @param context who asks, for which tenant
   * @param managerIds the ids the users' {@code manager.value} hold
   * @return each existing manager's {@code displayName}; empty when the mapping keeps neither
   * @throws ScimException 404 when there is no such tenant, or when the store fails
   */
  public Map<String, String> managerNames(RequestContext context, Set<String> managerIds) throws ScimException {
    Session session = sessions.open(context);
    return ManagerNames.lookUp(session.stores().users(), session.support(ResourceKind.USER).mapping(), managerIds);
  }

  /**
   * Builds a {@link ScimEngine}: the setters, which it inherits, collect the engine's parts.
   */
  public static final class Builder extends EngineParts<Builder> {

    private Builder() {}

    /**
     * Returns the engine.
     *
     * @return the engine
     * @throws IllegalStateException when no store provider was set
     * @throws IllegalArgumentException when a profile changes the schemas the mapping publishes
     */
    public ScimEngine build() {
      if (stores == null) {
        throw new IllegalStateException("stores(StoreProvider) is required");
      }
      return new ScimEngine(this);
    }
  }
}
