package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.event.PendingWrite;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.RecordDeletion;
import io.github.scimkit.core.store.ResourceRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** DELETE: removes a resource, and a user's memberships with it, in one unit of work. */
public final class DeleteCommand {

  private final EngineServices services;

  /**
   * Creates the command.
   *
   * @param services the engine's collaborators
   */
  public DeleteCommand(EngineServices services) {
    this.services = services;
  }

  /**
   * Deletes a resource.
   *
   * @param session the request's session
   * @param support the kind
   * @param id the resource
   * @param ifMatch the client's expected version, if any
   * @return the committed outcome, with no record
   * @throws ScimException when the resource is unknown, the version is stale, or the hook vetoes
   */
  public Outcome execute(Session session, ResourceSupport support, String id, OptionalLong ifMatch) throws ScimException {
    return session.stores().inTransaction(stores -> {
      Instant now = services.now();
      ChangeEvents events = new ChangeEvents(session, support, now);
      ResourceRecord current = support.findForUpdate(stores, id)
          .orElseThrow(() -> new ResourceNotFoundException("No resource with id " + id));
      ConcurrentChanges.check(ifMatch, current.version());
      services.hook().beforeWrite(new PendingWrite(
          session.context().tenantId(), support.kind(), WriteOperation.DELETE, id,
          Optional.of(current), Optional.empty(), stores));
      ChangeEvents memberships = new ChangeEvents(session, session.support(ResourceKind.GROUP), now);
      if (support.kind() == ResourceKind.USER) {
        List<String> groupIds;
        try (Stream<String> groups = stores.groups().groupsOf(id)) {
          groupIds = groups.toList();
        }
        for (String groupId : groupIds) {
          memberships.membership(stores.groups().removeMembers(MembershipChange.of(groupId, Set.of(id), now)));
        }
      }
      support.store(stores).delete(new RecordDeletion(id, OptionalLong.of(current.version())));
      events.deleted(id);
      return services.outcome(stores, null,
          Stream.concat(memberships.events().stream(), events.events().stream()).toList());
    });
  }
}
