package io.github.scimkit.core.event;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.Attributes;

/**
 * Host code that runs inside each write's unit of work, before the record is stored: it may set
 * host-owned attributes (an app's member status derived from {@code active}, say) or veto the
 * write by throwing a SCIM error, which rolls the whole unit of work back.
 */
@FunctionalInterface
public interface WriteHook {

  /** A hook that changes nothing. */
  WriteHook NONE = write -> write.after().orElse(Attributes.empty());

  /**
   * Inspects a write and returns the attributes to store.
   *
   * @param write the write about to be stored
   * @return the attributes to store: {@code write.after()}, possibly with host-owned attributes
   *     set; ignored for a delete
   * @throws ScimException to veto the write; the client receives this error
   */
  Attributes beforeWrite(PendingWrite write) throws ScimException;
}
