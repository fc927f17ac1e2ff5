package io.github.scimkit.core.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The engine's limits, defaults and injectable clock and id generator. Build one with {@link
 * #builder()}; {@link #defaults()} suits most hosts.
 *
 * @param defaultPageSize results per page when a request names no count
 * @param maxPageSize the most results one page returns; larger counts are cut down to it
 * @param maxFilterLength the longest filter accepted, in characters
 * @param maxPatchOperations the most operations one PATCH request may carry
 * @param maxMembersPerOperation the most member values one operation or body may carry
 * @param maxPatchRetries how often a PATCH without If-Match is re-applied after meeting a
 *     concurrent change before it fails with 409
 * @param userPatchResponse what a successful PATCH of a user answers
 * @param groupPatchResponse what a successful PATCH of a group answers
 * @param clock the source of {@code meta.created} and {@code meta.lastModified}
 * @param idGenerator the source of new resource ids
 * @param cursorKey the key that signs RFC 9865 cursors; share one across every instance of a
 *     deployment. Empty (the default) makes each engine draw a random key when it is built, so
 *     its cursors are worthless to other instances and after a restart
 * @param cursorTimeout how long a cursor stays valid after it was issued (default 10 minutes);
 *     older ones fail with {@code expiredCursor}
 * @param maxBulkOperations the most operations one bulk request may carry (default 1000); more
 *     fail with 413
 * @param maxBulkPayloadBytes the largest bulk request body, in bytes (default 1 MiB); the HTTP
 *     layer enforces it, since only it sees the body's size, and publishes it in the service
 *     provider configuration
 * @param maxValuesPerAttribute the most values one multi-valued attribute of a resource may hold
 *     (default 1000; a group's {@code members} are bounded by {@code maxMembersPerOperation}
 *     instead); a body or PATCH result with more fails with 400 {@code invalidValue}
 * @param groupMembers whether the GroupMember resource of draft-zollner-scim-group-members is
 *     served (default {@code true}): {@code /GroupMembers}, its discovery entries and Groups'
 *     {@code membersMetadata}
 */
public record EngineConfig(
    int defaultPageSize,
    int maxPageSize,
    int maxFilterLength,
    int maxPatchOperations,
    int maxMembersPerOperation,
    int maxPatchRetries,
    PatchResponse userPatchResponse,
    PatchResponse groupPatchResponse,
    Clock clock,
    Supplier<String> idGenerator,
    Optional<CursorKey> cursorKey,
    Duration cursorTimeout,
    int maxBulkOperations,
    int maxBulkPayloadBytes,
    int maxValuesPerAttribute,
    boolean groupMembers) {

  /** Checks the fields. */
  public EngineConfig {
    positive("defaultPageSize", defaultPageSize);
    positive("maxPageSize", maxPageSize);
    positive("maxFilterLength", maxFilterLength);
    positive("maxPatchOperations", maxPatchOperations);
    positive("maxMembersPerOperation", maxMembersPerOperation);
    positive("maxValuesPerAttribute", maxValuesPerAttribute);
    if (maxPatchRetries < 0) {
      throw new IllegalArgumentException("maxPatchRetries must not be negative");
    }
    if (defaultPageSize > maxPageSize) {
      throw new IllegalArgumentException("defaultPageSize must not exceed maxPageSize");
    }
    Objects.requireNonNull(userPatchResponse, "userPatchResponse");
    Objects.requireNonNull(groupPatchResponse, "groupPatchResponse");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(idGenerator, "idGenerator");
    Objects.requireNonNull(cursorKey, "cursorKey");
    Objects.requireNonNull(cursorTimeout, "cursorTimeout");
    if (cursorTimeout.isNegative() || cursorTimeout.isZero()) {
      throw new IllegalArgumentException("cursorTimeout must be positive: " + cursorTimeout);
    }
    positive("maxBulkOperations", maxBulkOperations);
    positive("maxBulkPayloadBytes", maxBulkPayloadBytes);
  }

  /**
   * Returns the default configuration.
   *
   * @return the defaults
   */
  public static EngineConfig defaults() {
    return builder().build();
  }

  /**
   * Returns a builder preset with the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder preset with this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.defaultPageSize = defaultPageSize;
    builder.maxPageSize = maxPageSize;
    builder.maxFilterLength = maxFilterLength;
    builder.maxPatchOperations = maxPatchOperations;
    builder.maxMembersPerOperation = maxMembersPerOperation;
    builder.maxPatchRetries = maxPatchRetries;
    builder.userPatchResponse = userPatchResponse;
    builder.groupPatchResponse = groupPatchResponse;
    builder.clock = clock;
    builder.idGenerator = idGenerator;
    builder.cursorKey = cursorKey.orElse(null);
    builder.cursorTimeout = cursorTimeout;
    builder.maxBulkOperations = maxBulkOperations;
    builder.maxBulkPayloadBytes = maxBulkPayloadBytes;
    builder.maxValuesPerAttribute = maxValuesPerAttribute;
    builder.groupMembers = groupMembers;
    return builder;
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }

  /** Builds an {@link EngineConfig}; starts from the defaults. */
  public static final class Builder {
    private int defaultPageSize = 100;
    private int maxPageSize = 1000;
    private int maxFilterLength = 4096;
    private int maxPatchOperations = 1000;
    private int maxMembersPerOperation = 10_000;
    private int maxValuesPerAttribute = 1000;
    private int maxPatchRetries = 3;
    private PatchResponse userPatchResponse = PatchResponse.RESOURCE;
    private PatchResponse groupPatchResponse = PatchResponse.NO_CONTENT;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> idGenerator = () -> UUID.randomUUID().toString();
    private CursorKey cursorKey;
    private Duration cursorTimeout = Duration.ofMinutes(10);
    private int maxBulkOperations = 1000;
    private int maxBulkPayloadBytes = 1024 * 1024;
    private boolean groupMembers = true;

    private Builder() {}

    /**
     * Sets the page size used when a request names no count (default 100).
     *
     * @param value the page size
     * @return this builder
     */
    public Builder defaultPageSize(int value) {
      this.defaultPageSize = value;
      return this;
    }

    /**
     * Sets the largest page (default 1000).
     *
     * @param value the page size
     * @return this builder
     */
    public Builder maxPageSize(int value) {
      this.maxPageSize = value;
      return this;
    }

    /**
     * Sets the longest filter accepted (default 4096 characters).
     *
     * @param value the length
     * @return this builder
     */
    public Builder maxFilterLength(int value) {
      this.maxFilterLength = value;
      return this;
    }

    /**
     * Sets the most operations per PATCH (default 1000).
     *
     * @param value the count
     * @return this builder
     */
    public Builder maxPatchOperations(int value) {
      this.maxPatchOperations = value;
      return this;
    }

    /**
     * Sets the most member values per operation or body (default 10,000).
     *
     * @param value the count
     * @return this builder
     */
    public Builder maxMembersPerOperation(int value) {
      this.maxMembersPerOperation = value;
      return this;
    }

    /**
     * Sets how often a PATCH without If-Match is retried after a concurrent change (default 3).
     *
     * @param value the number of retries
     * @return this builder
     */
    public Builder maxPatchRetries(int value) {
      this.maxPatchRetries = value;
      return this;
    }

    /**
     * Sets what a user PATCH answers (default {@link PatchResponse#RESOURCE}).
     *
     * @param value the response
     * @return this builder
     */
    public Builder userPatchResponse(PatchResponse value) {
      this.userPatchResponse = value;
      return this;
    }

    /**
     * Sets what a group PATCH answers (default {@link PatchResponse#NO_CONTENT}).
     *
     * @param value the response
     * @return this builder
     */
    public Builder groupPatchResponse(PatchResponse value) {
      this.groupPatchResponse = value;
      return this;
    }

    /**
     * Sets the clock (default the system UTC clock).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * Sets the id generator (default random UUIDs).
     *
     * @param value the generator
     * @return this builder
     */
    public Builder idGenerator(Supplier<String> value) {
      this.idGenerator = value;
      return this;
    }

    /**
     * Sets the key that signs cursors (default: a random key per engine). A deployment with more
     * than one instance sets the same key on all of them.
     *
     * @param value the key, or {@code null} for a random key per engine
     * @return this builder
     */
    public Builder cursorKey(CursorKey value) {
      this.cursorKey = value;
      return this;
    }

    /**
     * Sets how long a cursor stays valid after it was issued (default 10 minutes).
     *
     * @param value the timeout, positive
     * @return this builder
     */
    public Builder cursorTimeout(Duration value) {
      this.cursorTimeout = value;
      return this;
    }

    /**
     * Sets the most operations per bulk request (default 1000).
     *
     * @param value the count
     * @return this builder
     */
    public Builder maxBulkOperations(int value) {
      this.maxBulkOperations = value;
      return this;
    }

    /**
     * Sets the largest bulk request body in bytes (default 1 MiB), for the HTTP layer to enforce.
     *
     * @param value the size in bytes
     * @return this builder
     */
    public Builder maxBulkPayloadBytes(int value) {
      this.maxBulkPayloadBytes = value;
      return this;
    }

    /**
     * Sets the most values one multi-valued attribute of a resource may hold (default 1000).
     *
     * @param value the count
     * @return this builder
     */
    public Builder maxValuesPerAttribute(int value) {
      this.maxValuesPerAttribute = value;
      return this;
    }

    /**
     * Sets whether the GroupMember resource is served (default {@code true}); {@code false}
     * leaves out {@code /GroupMembers}, its discovery entries and Groups' {@code membersMetadata}.
     *
     * @param value whether to serve it
     * @return this builder
     */
    public Builder groupMembers(boolean value) {
      this.groupMembers = value;
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException when a value is out of range
     */
    public EngineConfig build() {
      return new EngineConfig(
          defaultPageSize,
          maxPageSize,
          maxFilterLength,
          maxPatchOperations,
          maxMembersPerOperation,
          maxPatchRetries,
          userPatchResponse,
          groupPatchResponse,
          clock,
          idGenerator,
          Optional.ofNullable(cursorKey),
          cursorTimeout,
          maxBulkOperations,
          maxBulkPayloadBytes,
          maxValuesPerAttribute,
          groupMembers);
    }
  }
}
