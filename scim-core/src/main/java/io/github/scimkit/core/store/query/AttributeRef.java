package io.github.scimkit.core.store.query;

import java.util.Objects;
import java.util.Optional;

/**
 * Names what a condition or sort looks at: a record attribute, or one sub-attribute of a complex
 * attribute (for example {@code emails} / {@code value}).
 *
 * <p>The record fields {@code id}, {@code created} and {@code lastModified} are addressed by
 * their names, like attributes.
 *
 * @param name the record attribute name
 * @param subAttribute the sub-attribute of a complex value, or {@code null} for the attribute
 *     itself
 */
public record AttributeRef(String name, String subAttribute) {

  /** The record id. */
  public static final AttributeRef ID = new AttributeRef("id", null);

  /** The record's creation time. */
  public static final AttributeRef CREATED = new AttributeRef("created", null);

  /** The record's last modification time. */
  public static final AttributeRef LAST_MODIFIED = new AttributeRef("lastModified", null);

  /** Checks the fields. */
  public AttributeRef {
    Objects.requireNonNull(name, "name");
  }

  /**
   * Returns a reference to an attribute.
   *
   * @param name the record attribute name
   * @return the reference
   */
  public static AttributeRef of(String name) {
    return new AttributeRef(name, null);
  }

  /**
   * Returns a reference to a sub-attribute of a complex attribute.
   *
   * @param name the record attribute name
   * @param subAttribute the sub-attribute name
   * @return the reference
   */
  public static AttributeRef of(String name, String subAttribute) {
    return new AttributeRef(name, Objects.requireNonNull(subAttribute, "subAttribute"));
  }

  /**
   * Returns the sub-attribute, if this reference names one.
   *
   * @return the sub-attribute name
   */
  public Optional<String> sub() {
    return Optional.ofNullable(subAttribute);
  }

  @Override
  public String toString() {
    return subAttribute == null ? name : name + "." + subAttribute;
  }
}
