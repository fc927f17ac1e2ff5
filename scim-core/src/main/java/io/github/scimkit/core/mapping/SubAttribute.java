package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import java.util.List;
import java.util.Objects;

/**
 * A sub-attribute of a complex attribute that a rule keeps whole, such as {@code emails.type}.
 * In the record, the complex value carries the sub-value under {@link #name()}.
 *
 * @param name the sub-attribute name, as SCIM spells it
 * @param type its type; never complex
 * @param caseExact whether its strings compare case-exactly
 * @param mutability whether clients may write it
 * @param canonicalValues the values published for it, such as {@code work} and {@code home}
 */
public record SubAttribute(
    String name, Type type, boolean caseExact, Mutability mutability, List<String> canonicalValues) {

  /** Checks and copies the fields. */
  public SubAttribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mutability, "mutability");
    canonicalValues = List.copyOf(canonicalValues);
    if (type == Type.COMPLEX) {
      throw new MappingException(name, "a sub-attribute cannot be complex");
    }
  }

  /**
   * Returns a read-write, case-insensitive sub-attribute without canonical values.
   *
   * @param name the sub-attribute name
   * @param type its type
   * @return the sub-attribute
   */
  public static SubAttribute of(String name, Type type) {
    return new SubAttribute(name, type, false, Mutability.READ_WRITE, List.of());
  }

  /**
   * Returns a copy with canonical values.
   *
   * @param values the canonical values
   * @return the sub-attribute
   */
  public SubAttribute withCanonicalValues(String... values) {
    return new SubAttribute(name, type, caseExact, mutability, List.of(values));
  }
}
