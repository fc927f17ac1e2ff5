package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.types.AttributeDefinition;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.internal.dialect.NormalizedPatchOperation;
import io.github.scimkit.core.internal.dialect.PatchRequestReader;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.MembershipResult;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.tenant.ScimMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * PATCH (RFC 7644 §3.5.2): applies every operation to a copy of the resource, then stores the
 * result and the member deltas in one unit of work, so that a failing operation changes nothing.
 * Operations on a group's {@code members} become deltas and never load the other members.
 */
public final class PatchCommand {

  private final EngineServices services;

  /**
   * Creates the command.
   *
   * @param services the engine's collaborators
   */
  public PatchCommand(EngineServices services) {
    this.services = services;
  }

  /**
   * Modifies a resource.
   *
   * @param session the request's session
   * @param support the kind
   * @param id the resource
   * @param request the PatchOp request body
   * @param ifMatch the client's expected version, if any
   * @return the committed outcome
   * @throws ScimException when the request is invalid, an operation fails, a value is taken, the
   *     version is stale, or the hook vetoes
   */
  public Outcome execute(Session session, ResourceSupport support, String id, GenericScimResource request, OptionalLong ifMatch)
      throws ScimException {
    List<NormalizedPatchOperation> operations =
        new PatchRequestReader(support.schema(), session.tolerances()).read(request.getObjectNode());
    if (operations.size() > services.config().maxPatchOperations()) {
      throw BadRequestException.invalidValue("Too many PATCH operations: " + operations.size()
          + " (the limit is " + services.config().maxPatchOperations() + ")");
    }
    List<PatchOperation> attributeOperations = new ArrayList<>();
    List<MemberChanges.Delta> deltas = new ArrayList<>();
    for (NormalizedPatchOperation operation : operations) {
      if (support.hasMembers() && MemberChanges.targetsMembers(operation)) {
        deltas.add(MemberChanges.fromPatch(operation, services.config().maxMembersPerOperation()));
      } else {
        rejectReadOnly(support, operation);
        if (session.settings().mode() == ScimMode.STRICT && replacesWholeComplex(support, operation)) {
          // Interop profile §6.5.2.1: the value takes the attribute's place; omitted sub-attributes go.
          attributeOperations.add(NormalizedPatchOperation.remove(operation.path()).toPatchOperation());
        }
        attributeOperations.add(operation.toPatchOperation());
      }
    }
    Modification modification = new Modification(services, session, support, WriteOperation.PATCH);
    return modification.run(id, ifMatch, (stores, current, now, events) -> {
      ResourceRecord record = current;
      if (!attributeOperations.isEmpty()) {
        record = applyAttributes(session, support, modification, stores, current, attributeOperations, now, events);
      }
      for (MemberChanges.Delta delta : deltas) {
        MembershipResult result = apply(stores, id, delta, now);
        events.membership(result);
        record = result.group();
      }
      return record;
    });
  }

  private ResourceRecord applyAttributes(
      Session session,
      ResourceSupport support,
      Modification modification,
      TenantStores stores,
      ResourceRecord current,
      List<PatchOperation> operations,
      Instant now,
      ChangeEvents events)
      throws ScimException {
    ObjectNode before = support.mapping().render(current).getObjectNode();
    services.checks().checkModify(support, operations, before, session.settings().mode());
    ObjectNode after = before.deepCopy();
    for (PatchOperation operation : operations) {
      operation.apply(after);
    }
    services.checks().checkInput(support, after);
    Attributes mapped = support.mapping().read(new GenericScimResource(after), session.settings().mode());
    return modification.storeAttributes(stores, current, mapped, now, events);
  }

  private static MembershipResult apply(TenantStores stores, String groupId, MemberChanges.Delta delta, Instant now)
      throws ScimException {
    GroupStore groups = stores.groups();
    MembershipChange change = MembershipChange.of(groupId, delta.memberIds(), now);
    return switch (delta.action()) {
      case ADD -> {
        MemberChanges.requireUsers(stores, delta.memberIds());
        yield groups.addMembers(change);
      }
      case REMOVE -> groups.removeMembers(change);
      case REPLACE -> {
        MemberChanges.requireUsers(stores, delta.memberIds());
        yield groups.replaceMembers(change);
      }
    };
  }

  /** Whether the operation replaces a whole singular complex attribute, such as {@code name}. */
  private static boolean replacesWholeComplex(ResourceSupport support, NormalizedPatchOperation operation) {
    if (operation.op() != NormalizedPatchOperation.Kind.REPLACE || operation.path().size() != 1
        || operation.path().getElement(0).getValueFilter() != null) {
      return false;
    }
    Optional<AttributeDefinition> definition = support.schema().find(operation.path());
    return definition.isPresent() && definition.get().getType() == AttributeDefinition.Type.COMPLEX
        && !definition.get().isMultiValued();
  }

  /** A path that names a read-only attribute is a client error (RFC 7644 §3.5.2). */
  private static void rejectReadOnly(ResourceSupport support, NormalizedPatchOperation operation)
      throws BadRequestException {
    Optional<AttributeDefinition> definition = support.schema().find(operation.path());
    if (definition.isPresent() && definition.get().getMutability() == AttributeDefinition.Mutability.READ_ONLY) {
      throw BadRequestException.mutability("Attribute " + operation.path() + " is read-only");
    }
  }
}
