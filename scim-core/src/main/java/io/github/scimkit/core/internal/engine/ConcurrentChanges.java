package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.resource.EntityTags;
import java.util.OptionalLong;

/**
 * Runs a read-modify-write that guards its write with the version it read. With an If-Match
 * version, a stale write fails at once (412). Without one, the attempt reads the record with
 * {@link io.github.scimkit.core.store.RecordStore#getForUpdate}, so with the built-in stores it
 * waits for concurrent writers of the record and never meets a change; with a store that does not
 * lock, it is re-read and re-applied up to the configured number of times, then fails with 409.
 */
public final class ConcurrentChanges {

  /** A unit of work that may meet a concurrent change. */
  @FunctionalInterface
  public interface Attempt {
    /**
     * Runs once.
     *
     * @return the outcome
     * @throws ScimException on failure; a {@link PreconditionFailedException} means a concurrent
     *     change
     */
    Outcome run() throws ScimException;
  }

  private ConcurrentChanges() {}

  /**
   * Runs an attempt, retrying on concurrent changes when no If-Match version was given.
   *
   * @param ifMatch the client's expected version, if any
   * @param retries how often to retry without one
   * @param attempt the work
   * @return the outcome
   * @throws ScimException the attempt's failure, or 409 after the retries
   */
  public static Outcome run(OptionalLong ifMatch, int retries, Attempt attempt) throws ScimException {
    if (ifMatch.isPresent()) {
      return attempt.run();
    }
    for (int tries = 0; ; tries++) {
      try {
        return attempt.run();
      } catch (PreconditionFailedException e) {
        if (tries >= retries) {
          throw new ResourceConflictException(
              "The resource kept changing while this request was applied; try again", null, e);
        }
      }
    }
  }

  /**
   * Checks a client's expected version against the stored one.
   *
   * @param ifMatch the expected version, if any
   * @param actual the stored version
   * @throws PreconditionFailedException when they differ
   */
  public static void check(OptionalLong ifMatch, long actual) throws PreconditionFailedException {
    if (ifMatch.isPresent() && ifMatch.getAsLong() != actual) {
      throw new PreconditionFailedException("The resource has changed: its version is " + EntityTags.of(actual));
    }
  }
}
