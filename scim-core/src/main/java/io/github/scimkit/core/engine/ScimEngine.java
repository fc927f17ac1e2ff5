package io.github.scimkit.core.engine;

import io.github.scimkit.core.config.OutboxRetry;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.bulk.BulkRequest;
import io.github.scimkit.core.bulk.BulkResponse;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.config.OutboxRetry;
import io.github.scimkit.core.event.AuditSink;
import io.github.scimkit.core.event.LifecycleListener;
import io.github.scimkit.core.event.LoggingAuditSink;
import io.github.scimkit.core.event.WriteHook;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.internal.dialect.FilterParser;
import io.github.scimkit.core.internal.engine.BulkExecutor;
import io.github.scimkit.core.internal.engine.BulkPlanner;
import io.github.scimkit.core.internal.engine.CreateCommand;
import io.github.scimkit.core.internal.engine.CursorCodec;
import io.github.scimkit.core.internal.engine.DeleteCommand;
import io.github.scimkit.core.internal.engine.EngineServices;
import io.github.scimkit.core.internal.engine.EventDispatcher;
import io.github.scimkit.core.internal.engine.InputRule;
import io.github.scimkit.core.internal.engine.OutboxRelay;
import io.github.scimkit.core.internal.engine.MemberPages;
import io.github.scimkit.core.internal.engine.Outcome;
import io.github.scimkit.core.internal.engine.PatchCommand;
import io.github.scimkit.core.internal.engine.ProfileSupports;
import io.github.scimkit.core.internal.engine.ReplaceCommand;
import io.github.scimkit.core.internal.engine.ResourceSupport;
import io.github.scimkit.core.internal.engine.Session;
import io.github.scimkit.core.internal.engine.ManagerNames;
import io.github.scimkit.core.internal.engine.UserGroups;
import io.github.scimkit.core.resource.UserGroup;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.profile.IdpProfile;
import io.github.scimkit.core.profile.IdpProfiles;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import io.github.scimkit.core.tenant.TenantSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
  private final EngineServices services;
  private final CreateCommand create;
  private final ReplaceCommand replace;
  private final PatchCommand patch;
  private final DeleteCommand delete;
  private final IdpProfiles profiles;
  private final ProfileSupports profileSupports;
  private final CursorCodec cursors;
  private final OutboxRelay relay;

  private ScimEngine(Builder builder) {
    this.stores = builder.stores;
    this.mapping = builder.mapping;
    this.profiles = builder.profiles;
    this.profileSupports = ProfileSupports.of(builder.mapping, builder.profiles);
    EventDispatcher dispatcher = new EventDispatcher(builder.listeners, builder.auditSink);
    this.relay = new OutboxRelay(builder.stores, dispatcher, builder.outboxRetry, Clock.systemUTC());
    this.services = EngineServices.of(builder.config, builder.mapping, builder.hook, dispatcher, relay);
    this.create = new CreateCommand(services);
    this.replace = new ReplaceCommand(services);
    this.patch = new PatchCommand(services);
    this.delete = new DeleteCommand(services);
    this.cursors = CursorCodec.of(builder.config);
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
   * Returns the engine's configuration.
   *
   * @return the configuration
   */
  public EngineConfig config() {
    return services.config();
  }

  /**
   * Returns a tenant's settings.
   *
   * @param tenantId the tenant
   * @return the settings, or empty when there is no such tenant
   * @throws ScimException when the store fails
   */
  public Optional<TenantSettings> settings(String tenantId) throws ScimException {
    Optional<TenantStores> tenant = stores.tenant(tenantId);
    return tenant.isPresent() ? Optional.of(tenant.get().settings()) : Optional.empty();
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
    Session session = session(context);
    return write(session, kind, WriteOperation.CREATE, null, 201,
        () -> create.execute(session, session.support(kind), body));
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
    Session session = session(context);
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
    Session session = session(context);
    return write(session, kind, WriteOperation.REPLACE, id, 200,
        () -> replace.execute(session, session.support(kind), id, body, ifMatch));
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
    Session session = session(context);
    return write(session, kind, WriteOperation.PATCH, id, 200,
        () -> patch.execute(session, session.support(kind), id, request, ifMatch));
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
    Session session = session(context);
    write(session, kind, WriteOperation.DELETE, id, 204, () -> delete.execute(session, session.support(kind), id, ifMatch));
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
    Session session = session(context);
    ResourceSupport support = session.support(kind);
    ResourceMapping resourceMapping = support.mapping();
    Condition condition = Condition.all();
    if (parameters.filter().isPresent()) {
      String text = parameters.filter().get();
      if (text.length() > services.config().maxFilterLength()) {
        throw BadRequestException.invalidFilter("The filter is longer than "
            + services.config().maxFilterLength() + " characters");
      }
      condition = resourceMapping.toCondition(new FilterParser(session.tolerances()).parse(text));
      InputRule.checkFilter(condition);
    }
    Sort sort = Sort.BY_ID;
    if (parameters.sortBy().isPresent()) {
      sort = resourceMapping.toSort(parsePath(parameters.sortBy().get()), parameters.descending());
    }
    int count = Math.min(
        Math.max(0, parameters.count().orElse(services.config().defaultPageSize())), services.config().maxPageSize());
    if (parameters.cursor().isPresent()) {
      return cursorPage(session, support, new StoreQuery(condition, sort, PageRequest.countOnly()),
          CursorCodec.queryHash(resourceMapping.name(), condition, sort),
          parameters.cursor().get(), count);
    }
    long startIndex = Math.max(1, parameters.startIndex());
    PageRequest page = count == 0 ? PageRequest.countOnly() : PageRequest.offset(startIndex - 1, count);
    ResultPage<ResourceRecord> results = support.store(session.stores()).search(new StoreQuery(condition, sort, page));
    long total = results.totalResults().orElse(0);
    int items = (int) Math.max(0, Math.min(count, total - (startIndex - 1)));
    return new SearchResults(results, support::view, total, startIndex, items);
  }

  private SearchResults cursorPage(
      Session session, ResourceSupport support, StoreQuery query, byte[] queryHash, String cursor, int count)
      throws ScimException {
    String tenantId = session.context().tenantId();
    String token = cursor.isEmpty() ? null : cursors.decode(cursor, tenantId, queryHash, count);
    PageRequest page = count == 0 ? PageRequest.countOnly() : PageRequest.keyset(token, count);
    ResultPage<ResourceRecord> results;
    try {
      results = support.store(session.stores()).search(query.withPage(page));
    } catch (BadRequestException e) {
      if (CursorCodec.INVALID_CURSOR.equals(e.getScimError().getScimType())) {
        throw CursorCodec.invalidCursor();
      }
      throw e;
    }
    return SearchResults.cursorPage(results, support::view, results.totalResults(),
        next -> cursors.encode(tenantId, queryHash, count, next), count == 0);
  }

  /**
   * Carries out a bulk request (RFC 7644 §3.7).
   *
   * <p>Operations run in an order in which every {@code bulkId:} reference can be resolved: a
   * POST runs before the operations that reference its bulkId, wherever the client listed it; the
   * others keep their order. Each operation is one engine call, so one unit of work, audited and
   * published like a single request; the bulk request as a whole is not atomic. A failed operation
   * does not stop the others until {@code failOnErrors} operations have failed; then the rest are
   * neither run nor listed.
   *
   * <p>Per-operation errors are results, not exceptions: 405 for a method that does not fit the
   * path, 400 {@code invalidPath} for an unknown path, 409 {@code invalidValue} for a reference
   * that cannot be resolved (an unknown bulkId, one whose POST failed, or a cycle of references),
   * and whatever the single call would answer (400, 404, 409, 412).
   *
   * @param context who asks, for which tenant
   * @param request the operations and {@code failOnErrors}
   * @return one result per operation that ran or failed, in request order
   * @throws ScimException 413 when the request has more than {@link
   *     EngineConfig#maxBulkOperations()} operations; 400 {@code invalidValue} when {@code
   *     failOnErrors} is below 1; 404 when there is no such tenant
   */
  public BulkResponse bulk(RequestContext context, BulkRequest request) throws ScimException {
    Objects.requireNonNull(request, "request");
    int limit = services.config().maxBulkOperations();
    if (request.operations().size() > limit) {
      throw new ScimException(413, null, "The bulk request has " + request.operations().size()
          + " operations; the service provider accepts at most " + limit + " (maxOperations)");
    }
    if (request.failOnErrors().isPresent() && request.failOnErrors().get() < 1) {
      throw BadRequestException.invalidValue("failOnErrors must be at least 1, not " + request.failOnErrors().get());
    }
    session(context);
    return BulkExecutor.run(BulkPlanner.plan(request.operations()), request.failOnErrors(),
        new BulkExecutor.Operations() {
          @Override
          public ResourceView create(ResourceKind kind, GenericScimResource body) throws ScimException {
            return ScimEngine.this.create(context, kind, body);
          }

          @Override
          public ResourceView replace(ResourceKind kind, String id, GenericScimResource body, OptionalLong ifMatch)
              throws ScimException {
            return ScimEngine.this.replace(context, kind, id, body, ifMatch);
          }

          @Override
          public ResourceView patch(ResourceKind kind, String id, GenericScimResource body, OptionalLong ifMatch)
              throws ScimException {
            return ScimEngine.this.patch(context, kind, id, body, ifMatch);
          }

          @Override
          public void delete(ResourceKind kind, String id, OptionalLong ifMatch) throws ScimException {
            ScimEngine.this.delete(context, kind, id, ifMatch);
          }
        },
        context.correlationId());
  }

  /**
   * Streams a group's member ids in ascending order, reading the store one page at a time.
   *
   * @param context who asks, for which tenant
   * @param groupId the group
   * @return the member ids: close the stream
   * @throws ScimException 404 when there is no such group
   */
  public Stream<String> members(RequestContext context, String groupId) throws ScimException {
    Session session = session(context);
    TenantStores tenant = session.stores();
    if (session.support(ResourceKind.GROUP).find(tenant, groupId).isEmpty()) {
      throw new ResourceNotFoundException("No Group with id " + groupId);
    }
    return MemberPages.stream(tenant.groups(), groupId, services.config().maxPageSize());
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
    Session session = session(context);
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
    Session session = session(context);
    return ManagerNames.lookUp(session.stores().users(), session.support(ResourceKind.USER).mapping(), managerIds);
  }

  private static Path parsePath(String text) throws BadRequestException {
    try {
      return Path.fromString(text);
    } catch (BadRequestException e) {
      throw BadRequestException.invalidValue("sortBy is not an attribute path: " + text);
    }
  }

  private Session session(RequestContext context) throws ScimException {
    Optional<TenantStores> found = InputRule.storable(context.tenantId())
        ? stores.tenant(context.tenantId()) : Optional.empty();
    TenantStores tenant = found.orElseThrow(() -> new ResourceNotFoundException("No tenant " + context.tenantId()));
    TenantSettings settings = tenant.settings();
    IdpProfile profile = profiles.resolve(settings.idpProfile());
    return new Session(context, tenant, settings, profiles.tolerances(settings, context), profile,
        profileSupports.of(profile));
  }

  /** A write whose outcome is published and audited. */
  @FunctionalInterface
  private interface Write {
    Outcome run() throws ScimException;
  }

  private ResourceView write(
      Session session, ResourceKind kind, WriteOperation operation, String id, int successStatus, Write write)
      throws ScimException {
    Outcome outcome;
    try {
      outcome = write.run();
    } catch (ScimException e) {
      services.audit(session, kind, operation, Optional.ofNullable(id), e.getScimError().getStatus());
      throw e;
    } catch (RuntimeException e) {
      services.audit(session, kind, operation, Optional.ofNullable(id), 500);
      throw e;
    }
    String resourceId = outcome.record() == null ? id : outcome.record().id();
    services.audit(session, kind, operation, Optional.ofNullable(resourceId), successStatus);
    relay.afterCommit(session.stores(), outcome.events(), outcome.recorded());
    return outcome.record() == null ? null : session.support(kind).view(outcome.record());
  }

  /** Builds a {@link ScimEngine}. */
  public static final class Builder {
    private StoreProvider stores;
    private ScimMapping mapping = ScimMapping.defaults();
    private EngineConfig config = EngineConfig.defaults();
    private WriteHook hook = WriteHook.NONE;
    private final List<LifecycleListener> listeners = new ArrayList<>();
    private AuditSink auditSink = new LoggingAuditSink();
    private IdpProfiles profiles = IdpProfiles.builtIns();
    private OutboxRetry outboxRetry = OutboxRetry.defaults();

    private Builder() {}

    /**
     * Sets how lifecycle events whose listener failed are retried (default {@link
     * OutboxRetry#defaults()}).
     *
     * @param value the retry policy
     * @return this builder
     */
    public Builder outboxRetry(OutboxRetry value) {
      this.outboxRetry = Objects.requireNonNull(value, "outboxRetry");
      return this;
    }

    /**
     * Sets the identity-provider profiles tenants may name (default {@link
     * IdpProfiles#builtIns()}). Each tenant's profile, from {@link TenantSettings#idpProfile()},
     * picks its lenient tolerances and its mapping; see {@link IdpProfiles#tolerances}.
     *
     * @param value the profiles
     * @return this builder
     */
    public Builder profiles(IdpProfiles value) {
      this.profiles = Objects.requireNonNull(value, "profiles");
      return this;
    }

    /**
     * Sets where tenants' users and groups are kept (required).
     *
     * @param value the store provider
     * @return this builder
     */
    public Builder stores(StoreProvider value) {
      this.stores = Objects.requireNonNull(value, "stores");
      return this;
    }

    /**
     * Sets the mapping rules (default {@link ScimMapping#defaults()}).
     *
     * @param value the mapping
     * @return this builder
     */
    public Builder mapping(ScimMapping value) {
      this.mapping = Objects.requireNonNull(value, "mapping");
      return this;
    }

    /**
     * Sets limits, defaults, clock and id generator (default {@link EngineConfig#defaults()}).
     *
     * @param value the configuration
     * @return this builder
     */
    public Builder config(EngineConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      return this;
    }

    /**
     * Sets the host's write hook (default none).
     *
     * @param value the hook
     * @return this builder
     */
    public Builder writeHook(WriteHook value) {
      this.hook = Objects.requireNonNull(value, "writeHook");
      return this;
    }

    /**
     * Adds a lifecycle listener; listeners are called in the order added.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(LifecycleListener value) {
      this.listeners.add(Objects.requireNonNull(value, "listener"));
      return this;
    }

    /**
     * Sets the audit sink (default {@link LoggingAuditSink}).
     *
     * @param value the sink
     * @return this builder
     */
    public Builder auditSink(AuditSink value) {
      this.auditSink = Objects.requireNonNull(value, "auditSink");
      return this;
    }

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
