package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.ResourceRecord;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * PUT: replaces what the mapping owns. Host-owned attributes stay; a body without {@code active}
 * leaves it as it is; a group body without {@code members} leaves them, and {@code members: []}
 * clears them, as one replace delta.
 */
public final class ReplaceCommand {

  private final EngineServices services;

  /**
   * Creates the command.
   *
   * @param services the engine's collaborators
   */
  public ReplaceCommand(EngineServices services) {
    this.services = services;
  }

  /**
   * Replaces a resource.
   *
   * @param session the request's session
   * @param support the kind
   * @param id the resource
   * @param body the request body
   * @param ifMatch the client's expected version, if any
   * @return the committed outcome
   * @throws ScimException when the resource is unknown, the body is invalid, a value is taken, the
   *     version is stale, or the hook vetoes
   */
  public Outcome execute(Session session, ResourceSupport support, String id, GenericScimResource body, OptionalLong ifMatch)
      throws ScimException {
    ObjectNode normalized = BodyReader.normalize(services, support, session, body);
    JsonNode memberNode = normalized.remove(MemberChanges.MEMBERS);
    Optional<Set<String>> members = memberNode == null || !support.hasMembers()
        ? Optional.empty()
        : Optional.of(MemberChanges.idsOf(memberNode, services.config().maxMembersPerOperation()));
    Modification modification = new Modification(services, session, support, WriteOperation.REPLACE);
    return modification.run(id, ifMatch, (stores, current, now, events) -> {
      ObjectNode desired = normalized.deepCopy();
      support.keepOmitted(current, desired);
      services.checks().checkReplacement(support, desired, support.mapping().render(current).getObjectNode(),
          session.settings().mode());
      Attributes mapped = support.mapping().read(new GenericScimResource(desired), session.settings().mode());
      ResourceRecord record = modification.storeAttributes(stores, current, mapped, now, events);
      if (members.isPresent()) {
        MemberChanges.requireUsers(stores, members.get());
        var result = stores.groups().replaceMembers(MembershipChange.of(id, members.get(), now));
        record = result.group();
        events.membership(result);
      }
      return record;
    });
  }
}
