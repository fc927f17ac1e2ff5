package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.server.utils.SchemaChecker;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.event.AuditRecord;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.event.WriteHook;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.tenant.ScimMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The collaborators every engine command shares: configuration, the per-kind support, the write
 * hook and the event dispatcher.
 *
 * @param config the engine configuration
 * @param users the user support
 * @param groups the group support
 * @param hook the host's write hook
 * @param events the event and audit dispatcher
 * @param relay records events in the outbox and delivers them
 */
public record EngineServices(
    EngineConfig config,
    ResourceSupport users,
    ResourceSupport groups,
    WriteHook hook,
    EventDispatcher events,
    OutboxRelay relay) {

  /**
   * Creates the services from a mapping.
   *
   * @param config the engine configuration
   * @param mapping the mapping rules
   * @param hook the host's write hook
   * @param events the event and audit dispatcher
   * @param relay the outbox relay
   * @return the services
   */
  public static EngineServices of(
      EngineConfig config, ScimMapping mapping, WriteHook hook, EventDispatcher events, OutboxRelay relay) {
    return new EngineServices(
        config,
        new ResourceSupport(ResourceKind.USER, mapping.users()),
        new ResourceSupport(ResourceKind.GROUP, mapping.groups()),
        hook,
        events,
        relay);
  }

  /**
   * Ends a unit of work's changes: records their events in the tenant's outbox, in the unit.
   *
   * @param stores the tenant's stores, bound to the unit of work
   * @param record the record as it now is, or {@code null} after a delete
   * @param events the events, in order
   * @return the outcome
   * @throws ScimException when the outbox fails
   */
  public Outcome outcome(TenantStores stores, ResourceRecord record, List<LifecycleEvent> events) throws ScimException {
    return new Outcome(record, events, relay.record(stores, events));
  }

  /**
   * Returns the support of a kind.
   *
   * @param kind users or groups
   * @return the support
   */
  public ResourceSupport support(ResourceKind kind) {
    return kind == ResourceKind.USER ? users : groups;
  }

  /**
   * Returns the current time.
   *
   * @return now
   */
  public Instant now() {
    return config.clock().instant();
  }

  /**
   * Holds a resource body, or a PATCH's result, to the input rule ({@link InputRule}): no
   * control characters or unpaired surrogates, no blank required strings, no more values than
   * {@link EngineConfig#maxValuesPerAttribute()}.
   *
   * @param support the kind
   * @param body the resource
   * @throws BadRequestException {@code invalidValue} naming the attribute that breaks the rule
   */
  public void checkInput(ResourceSupport support, JsonNode body) throws BadRequestException {
    new InputRule(config.maxValuesPerAttribute()).checkResource(body, support.mapping().schemas().get(0).getAttributes());
  }

  /**
   * Checks a normalised body against the kind's schemas: types, required attributes, and in
   * strict mode undefined attributes.
   *
   * @param support the kind
   * @param body the normalised body, without {@code members}
   * @param mode the tenant's mode
   * @throws ScimException when the body breaks the schema
   */
  public void checkBody(ResourceSupport support, ObjectNode body, ScimMode mode) throws ScimException {
    ObjectNode copy = body.deepCopy();
    copy.remove(MemberChanges.MEMBERS);
    SchemaIssues.raise(checker(support, mode).checkCreate(copy));
  }

  /**
   * Checks a normalised PUT body against the kind's schemas and the current resource: what
   * {@link #checkBody} checks (a required attribute without a value is {@code invalidValue}), and
   * that no immutable value changes ({@code mutability}).
   *
   * @param support the kind
   * @param body the normalised body, without {@code members}
   * @param current the resource as stored, rendered
   * @param mode the tenant's mode
   * @throws ScimException when the body breaks the schema or changes an immutable value
   */
  public void checkReplacement(ResourceSupport support, ObjectNode body, ObjectNode current, ScimMode mode)
      throws ScimException {
    ObjectNode copy = body.deepCopy();
    copy.remove(MemberChanges.MEMBERS);
    SchemaChecker checker = checker(support, mode);
    SchemaIssues.requireValues(checker.checkCreate(copy));
    SchemaIssues.raise(checker.checkReplace(copy, current));
  }

  private static SchemaChecker checker(ResourceSupport support, ScimMode mode) {
    SchemaChecker checker = mode == ScimMode.LENIENT
        ? support.mapping().newSuggestedValuesSchemaChecker() : support.mapping().newSchemaChecker();
    if (mode == ScimMode.LENIENT) {
      checker.enable(SchemaChecker.Option.ALLOW_UNDEFINED_ATTRIBUTES);
      checker.enable(SchemaChecker.Option.ALLOW_UNDEFINED_SUB_ATTRIBUTES);
    }
    return checker;
  }

  /**
   * Merges freshly read mapped attributes with the host-owned attributes of the current record.
   *
   * @param support the kind
   * @param current the record as stored
   * @param mapped the attributes read from the request
   * @return the complete new attributes
   */
  public Attributes merge(ResourceSupport support, ResourceRecord current, Attributes mapped) {
    Set<String> owned = support.mapping().ownedRecordAttributes();
    Attributes.Builder merged = Attributes.builder();
    current.attributes().asMap().forEach((name, value) -> {
      if (!owned.contains(name)) {
        merged.set(name, value);
      }
    });
    mapped.asMap().forEach(merged::set);
    return merged.build();
  }

  /**
   * Records the outcome of a write in the audit trail.
   *
   * @param session the request's session
   * @param kind users or groups
   * @param operation the write
   * @param resourceId the resource, if known
   * @param status the HTTP status of the outcome
   */
  public void audit(Session session, ResourceKind kind, WriteOperation operation, Optional<String> resourceId, int status) {
    events.audit(new AuditRecord(
        now(),
        session.context().tenantId(),
        session.context().principal(),
        session.context().correlationId(),
        kind,
        operation,
        resourceId,
        status));
  }
}
