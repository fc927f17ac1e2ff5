package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.event.PendingWrite;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.store.RecordDeletion;
import io.github.scimkit.core.store.ResourceRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** DELETE: removes a resource, and what its kind removes with it (a user's memberships), in one unit of work. */
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
      ResourceRecord current = Modification.current(stores, support, id, ifMatch);
      services.hook().beforeWrite(new PendingWrite(
          session.context().tenantId(), support.kind(), WriteOperation.DELETE, id,
          Optional.of(current), Optional.empty(), stores));
      ChangeEvents memberships = new ChangeEvents(session, support, now);
      support.beforeDelete(stores, id, now, memberships);
      support.store(stores).delete(new RecordDeletion(id, OptionalLong.of(current.version())));
      events.deleted(id);
      return services.outcome(stores, null,
          Stream.concat(memberships.events().stream(), events.events().stream()).toList());
    });
  }
}
