package io.github.scimkit.core.internal.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.common.utils.SchemaUtils;

/** The SDK's User and Group schemas, and JSON parsing for tests. */
final class Schemas {

  static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  static final ResourceSchema USER;
  static final ResourceSchema GROUP;

  static {
    try {
      USER =
          ResourceSchema.of(
              SchemaUtils.getSchema(UserResource.class),
              SchemaUtils.getSchema(EnterpriseUserExtension.class));
      GROUP = ResourceSchema.of(SchemaUtils.getSchema(GroupResource.class));
    } catch (java.beans.IntrospectionException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Schemas() {}

  /** Parses JSON written with single quotes. */
  static ObjectNode json(String singleQuoted) {
    try {
      return (ObjectNode) JsonUtils.getObjectReader().readTree(singleQuoted.replace('\'', '"'));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
