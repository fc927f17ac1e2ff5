package io.github.scimkit.core.internal.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import java.util.Objects;

/**
 * One PATCH operation after normalisation: a canonical op, a canonical attribute path, and for
 * {@code add} and {@code replace} a value shaped after the schema. No-path operations have been
 * split into one operation per attribute, so the path is never the resource root.
 *
 * @param op what the operation does
 * @param path the attribute the operation targets, spelt as the schema spells it
 * @param value the value of an {@code add} or {@code replace}; {@code null} for {@code remove}.
 *     The record keeps its own copy and hands out copies.
 */
public record NormalizedPatchOperation(Kind op, Path path, JsonNode value) {

  /** The three PATCH operations of RFC 7644 §3.5.2. */
  public enum Kind {
    /** Adds values. */
    ADD(PatchOpType.ADD),
    /** Replaces values. */
    REPLACE(PatchOpType.REPLACE),
    /** Removes values. */
    REMOVE(PatchOpType.REMOVE);

    private final PatchOpType sdkType;

    Kind(PatchOpType sdkType) {
      this.sdkType = sdkType;
    }

    /**
     * Returns the SDK's name for this operation.
     *
     * @return the SDK type
     */
    public PatchOpType sdkType() {
      return sdkType;
    }
  }

  /** Checks the fields and copies the value. */
  public NormalizedPatchOperation {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(path, "path");
    if (path.isRoot()) {
      throw new IllegalArgumentException("path must name an attribute");
    }
    if ((op == Kind.REMOVE) != (value == null)) {
      throw new IllegalArgumentException("remove has no value; add and replace have one");
    }
    value = value == null ? null : value.deepCopy();
  }

  /**
   * Returns a remove operation.
   *
   * @param path the attribute to remove values of
   * @return the operation
   */
  public static NormalizedPatchOperation remove(Path path) {
    return new NormalizedPatchOperation(Kind.REMOVE, path, null);
  }

  /**
   * Returns a copy of the value.
   *
   * @return the value, or {@code null} for {@code remove}
   */
  @Override
  public JsonNode value() {
    return value == null ? null : value.deepCopy();
  }

  /**
   * Returns the SDK operation that applies this one with {@link PatchOperation#apply}.
   *
   * @return the SDK operation
   * @throws IllegalArgumentException if the SDK refuses the value, such as an empty object
   */
  public PatchOperation toPatchOperation() {
    return op == Kind.REMOVE
        ? PatchOperation.remove(path)
        : PatchOperation.create(op.sdkType(), path, value);
  }

  @Override
  public String toString() {
    return op.name().toLowerCase(java.util.Locale.ROOT) + " " + path
        + (value == null ? "" : " " + value);
  }
}
