package io.github.scimkit.core.tenant;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps tenants' API keys, as hashes only. Implementations are thread-safe, and a change is
 * visible to the next lookup at once: nothing may cache a key past its rotation.
 */
public interface ApiKeyStore {

  /**
   * Adds a key beside the tenant's existing ones.
   *
   * @param key the key record
   * @throws ScimException when the store fails
   */
  void add(ApiKeyRecord key) throws ScimException;

  /**
   * Makes a key the tenant's only key, atomically: from the moment this returns, only it works.
   *
   * @param key the new key record
   * @throws ScimException when the store fails
   */
  void replaceAll(ApiKeyRecord key) throws ScimException;

  /**
   * Removes every key of a tenant.
   *
   * @param tenantId the tenant
   * @throws ScimException when the store fails
   */
  void removeAll(String tenantId) throws ScimException;

  /**
   * Finds a key by its hash.
   *
   * @param hash the hash of a presented key
   * @return the key record, or empty when no key has that hash
   * @throws ScimException when the store fails
   */
  Optional<ApiKeyRecord> findByHash(String hash) throws ScimException;

  /**
   * Lists a tenant's keys, oldest first.
   *
   * @param tenantId the tenant
   * @return the key records
   * @throws ScimException when the store fails
   */
  List<ApiKeyRecord> keysOf(String tenantId) throws ScimException;
}
