package io.github.scimkit.core.mapping;

/**
 * The published name and description of a schema extension.
 *
 * @param name the published name
 * @param description the published description
 */
record SchemaInfo(String name, String description) {

  /** The name and description of an extension the host did not name: the last part of its URN. */
  static SchemaInfo defaultFor(String urn) {
    String local = urn.equalsIgnoreCase(ScimUrns.ENTERPRISE_USER) ? "EnterpriseUser"
        : urn.substring(urn.lastIndexOf(':') + 1);
    return new SchemaInfo(local, local + " extension");
  }
}
