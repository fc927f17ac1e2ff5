package io.github.scimkit.core.store;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.query.StoreQuery;
import java.util.Optional;

/**
 * Keeps one tenant's records of one resource type. {@link UserStore} and {@link GroupStore} are
 * its two kinds.
 *
 * <p>Implementations are thread-safe. Writes are atomic on their own and, inside a {@link
 * UnitOfWork}, together with the unit's other writes. Every write raises the record's version.
 */
public interface RecordStore {

  /**
   * Creates a record with version 1.
   *
   * @param record the new record's id, creation time, attributes and unique attributes
   * @return the stored record
   * @throws com.unboundid.scim2.common.exceptions.ResourceConflictException with scimType {@code
   *     uniqueness} when the id or a unique attribute value is taken, even by a writer racing
   *     this one
   * @throws ScimException when the store fails
   */
  ResourceRecord create(NewRecord record) throws ScimException;

  /**
   * Returns a record.
   *
   * @param id the id, compared case-exactly
   * @return the record, or empty when there is none
   * @throws ScimException when the store fails
   */
  Optional<ResourceRecord> get(String id) throws ScimException;

  /**
   * Returns a record that the calling unit of work is about to change. Inside a {@link
   * UnitOfWork} a store that can holds other writers of the record off until the unit ends (a
   * row lock, or the tenant's write lock), so that a read-modify-write without If-Match waits its
   * turn instead of failing for a concurrent change. The default only reads; the engine then
   * falls back to re-reading and re-applying a few times.
   *
   * @param id the id, compared case-exactly
   * @return the record, or empty when there is none
   * @throws ScimException when the store fails, or 503 when the wait outlasts the store's budget
   */
  default Optional<ResourceRecord> getForUpdate(String id) throws ScimException {
    return get(id);
  }

  /**
   * Replaces a record's attributes and raises its version by one.
   *
   * @param update the id, the expected version if any, the new attributes and unique attributes
   * @return the stored record
   * @throws com.unboundid.scim2.common.exceptions.ResourceNotFoundException when there is no such
   *     record
   * @throws com.unboundid.scim2.common.exceptions.PreconditionFailedException when an expected
   *     version is given and the record has another one
   * @throws com.unboundid.scim2.common.exceptions.ResourceConflictException with scimType {@code
   *     uniqueness} when a unique attribute value is taken by another record
   * @throws ScimException when the store fails
   */
  ResourceRecord replace(RecordUpdate update) throws ScimException;

  /**
   * Deletes a record, freeing its unique values for reuse.
   *
   * @param deletion the id and the expected version if any
   * @throws com.unboundid.scim2.common.exceptions.ResourceNotFoundException when there is no such
   *     record
   * @throws com.unboundid.scim2.common.exceptions.PreconditionFailedException when an expected
   *     version is given and the record has another one
   * @throws ScimException when the store fails
   */
  void delete(RecordDeletion deletion) throws ScimException;

  /**
   * Searches the records. The page streams: close it.
   *
   * @param query the condition, sort and page
   * @return the page of matching records
   * @throws com.unboundid.scim2.common.exceptions.BadRequestException with scimType {@code
   *     invalidCursor} (RFC 9865) when a keyset token is not one this store issued for the query
   * @throws ScimException when the store fails
   */
  ResultPage<ResourceRecord> search(StoreQuery query) throws ScimException;
}
