package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.event.PendingWrite;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.ResourceRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** POST: creates a user, or a group with its members, in one unit of work. */
public final class CreateCommand {

  private final EngineServices services;

  /**
   * Creates the command.
   *
   * @param services the engine's collaborators
   */
  public CreateCommand(EngineServices services) {
    this.services = services;
  }

  /**
   * Creates a resource.
   *
   * @param session the request's session
   * @param support the kind to create
   * @param body the request body
   * @return the committed outcome
   * @throws ScimException when the body is invalid, a value is taken, or the hook vetoes
   */
  public Outcome execute(Session session, ResourceSupport support, GenericScimResource body) throws ScimException {
    BodyReader.Body read = BodyReader.read(services, support, session, body);
    String id = services.config().idGenerator().get();
    Instant now = services.now();
    Set<String> members = read.members().orElse(Set.of());
    return session.stores().inTransaction(stores -> {
      ChangeEvents events = new ChangeEvents(session, support, now);
      Attributes attributes = services.hook().beforeWrite(new PendingWrite(
          session.context().tenantId(), support.kind(), WriteOperation.CREATE, id,
          Optional.empty(), Optional.of(read.attributes()), stores));
      ResourceRecord record = support.store(stores).create(
          new NewRecord(id, now, attributes, support.mapping().uniqueAttributes()));
      events.created(record);
      if (!members.isEmpty()) {
        MemberChanges.requireUsers(stores, members);
        var result = stores.groups().addMembers(MembershipChange.of(id, members, now));
        record = result.group();
        events.membership(result);
      }
      return services.outcome(stores, record, events.events());
    });
  }
}
