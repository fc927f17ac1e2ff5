package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.event.PendingWrite;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.RecordUpdate;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What PUT and PATCH share, written once: a unit of work, re-run on concurrent changes, that
 * reads the current record once for update and checks the expected version; and the write of
 * the new attributes, through the hook, when they differ from the stored ones.
 */
final class Modification {

  /** The part of a modification that differs between PUT and PATCH. */
  @FunctionalInterface
  interface Change {
    /**
     * Changes the current record in the unit of work.
     *
     * @param stores the tenant's stores, in the unit of work
     * @param current the record as stored, read once for update
     * @param now the time of the change
     * @param events where the changes are recorded
     * @return the record as it now is
     * @throws ScimException when the change fails
     */
    ResourceRecord apply(TenantStores stores, ResourceRecord current, Instant now, ChangeEvents events)
        throws ScimException;
  }

  private final EngineServices services;
  private final Session session;
  private final ResourceSupport support;
  private final WriteOperation operation;

  Modification(EngineServices services, Session session, ResourceSupport support, WriteOperation operation) {
    this.services = services;
    this.session = session;
    this.support = support;
    this.operation = operation;
  }

  /**
   * Runs a change of one record in a unit of work, re-run on concurrent changes when no version
   * is expected.
   */
  Outcome run(String id, OptionalLong ifMatch, Change change) throws ScimException {
    return ConcurrentChanges.run(ifMatch, services.config().maxPatchRetries(), () ->
        session.stores().inTransaction(stores -> {
          Instant now = services.now();
          ChangeEvents events = new ChangeEvents(session, support, now);
          ResourceRecord record = change.apply(stores, current(stores, support, id, ifMatch), now, events);
          return services.outcome(stores, record, events.events());
        }));
  }

  /** Reads a record for update and checks the expected version: 404 or 412 otherwise. */
  static ResourceRecord current(TenantStores stores, ResourceSupport support, String id, OptionalLong ifMatch)
      throws ScimException {
    ResourceRecord current = support.findForUpdate(stores, id)
        .orElseThrow(() -> new ResourceNotFoundException("No resource with id " + id));
    ConcurrentChanges.check(ifMatch, current.version());
    return current;
  }

  /**
   * Writes the mapped attributes, merged with the host-owned ones, through the hook; nothing when
   * they equal the stored attributes.
   *
   * @return the record as it now is
   */
  ResourceRecord storeAttributes(
      TenantStores stores, ResourceRecord current, Attributes mapped, Instant now, ChangeEvents events)
      throws ScimException {
    Attributes merged = support.merge(current, mapped);
    if (merged.equals(current.attributes())) {
      return current;
    }
    Attributes hooked = services.hook().beforeWrite(new PendingWrite(
        session.context().tenantId(), support.kind(), operation, current.id(),
        Optional.of(current), Optional.of(merged), stores));
    ResourceRecord record = support.store(stores).replace(new RecordUpdate(
        current.id(), OptionalLong.of(current.version()), now, hooked, support.mapping().uniqueAttributes()));
    events.updated(current, record);
    return record;
  }
}
