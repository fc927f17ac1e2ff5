package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.server.utils.SchemaChecker;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.tenant.ScimMode;
import java.util.List;

/**
 * Holds bodies and PATCH results to the input rule and to the kind's schemas, with the SDK's
 * {@link SchemaChecker}: undefined attributes are allowed in lenient mode only.
 */
public final class SchemaChecks {

  private final int maxValuesPerAttribute;

  /**
   * Creates the checks.
   *
   * @param config the engine configuration, for {@link EngineConfig#maxValuesPerAttribute()}
   */
  public SchemaChecks(EngineConfig config) {
    this.maxValuesPerAttribute = config.maxValuesPerAttribute();
  }

  /**
   * Holds a resource body, or a PATCH's result, to the input rule ({@link InputRule}): no
   * control characters or unpaired surrogates, no blank required strings, no more values than
   * {@link EngineConfig#maxValuesPerAttribute()}.
   *
   * @param support the kind
   * @param body the resource
   * @throws BadRequestException {@code invalidValue} naming the attribute that breaks the rule
   */
  public void checkInput(ResourceSupport support, JsonNode body) throws BadRequestException {
    new InputRule(maxValuesPerAttribute).checkResource(body, support.mapping().schemas().get(0).getAttributes());
  }

  /**
   * Checks a normalised body against the kind's schemas: types, required attributes, and in
   * strict mode undefined attributes.
   *
   * @param support the kind
   * @param body the normalised body, without {@code members}
   * @param mode the tenant's mode
   * @throws ScimException when the body breaks the schema
   */
  public void checkBody(ResourceSupport support, ObjectNode body, ScimMode mode) throws ScimException {
    SchemaIssues.raise(checker(support, mode).checkCreate(withoutMembers(body)));
  }

  /**
   * Checks a normalised PUT body against the kind's schemas and the current resource: what
   * {@link #checkBody} checks (a required attribute without a value is {@code invalidValue}), and
   * that no immutable value changes ({@code mutability}).
   *
   * @param support the kind
   * @param body the normalised body, without {@code members}
   * @param current the resource as stored, rendered
   * @param mode the tenant's mode
   * @throws ScimException when the body breaks the schema or changes an immutable value
   */
  public void checkReplacement(ResourceSupport support, ObjectNode body, ObjectNode current, ScimMode mode)
      throws ScimException {
    ObjectNode copy = withoutMembers(body);
    SchemaChecker checker = checker(support, mode);
    SchemaIssues.requireValues(checker.checkCreate(copy));
    SchemaIssues.raise(checker.checkReplace(copy, current));
  }

  /**
   * Checks PATCH operations against the kind's schemas and the current resource.
   *
   * @param support the kind
   * @param operations the attribute operations
   * @param current the resource as stored, rendered
   * @param mode the tenant's mode
   * @throws ScimException when an operation breaks the schema
   */
  public void checkModify(ResourceSupport support, List<PatchOperation> operations, ObjectNode current, ScimMode mode)
      throws ScimException {
    checker(support, mode).checkModify(operations, current.deepCopy()).throwSchemaExceptions();
  }

  private static ObjectNode withoutMembers(ObjectNode body) {
    ObjectNode copy = body.deepCopy();
    copy.remove(MemberChanges.MEMBERS);
    return copy;
  }

  private static SchemaChecker checker(ResourceSupport support, ScimMode mode) {
    SchemaChecker checker = mode == ScimMode.LENIENT
        ? support.mapping().newSuggestedValuesSchemaChecker() : support.mapping().newSchemaChecker();
    if (mode == ScimMode.LENIENT) {
      checker.enable(SchemaChecker.Option.ALLOW_UNDEFINED_ATTRIBUTES);
      checker.enable(SchemaChecker.Option.ALLOW_UNDEFINED_SUB_ATTRIBUTES);
    }
    return checker;
  }
}
