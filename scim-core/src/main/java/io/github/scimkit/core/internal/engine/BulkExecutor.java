package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.exceptions.ServerErrorException;
import io.github.scimkit.core.bulk.BulkOperationResult;
import io.github.scimkit.core.bulk.BulkResponse;
import io.github.scimkit.core.resource.EntityTags;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.resource.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs planned bulk steps one by one, each as its own engine call and so its own unit of work:
 * a failed step leaves the ones before it in place (RFC 7644 §3.7 makes no request atomic).
 *
 * <p>Before a step runs, every {@code bulkId:} reference in its path and data is replaced by the
 * id its POST created. A reference whose POST failed fails the step with 409 {@code invalidValue}.
 * When {@code failOnErrors} errors have occurred, the remaining steps are neither run nor
 * reported.
 */
public final class BulkExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(BulkExecutor.class);

  /** The engine calls a step turns into. */
  public interface Operations {
    /**
     * Creates a resource (POST).
     *
     * @param kind users or groups
     * @param body the resource
     * @return the new resource
     * @throws ScimException as the engine's create does
     */
    ResourceView create(ResourceKind kind, GenericScimResource body) throws ScimException;

    /**
     * Replaces a resource (PUT).
     *
     * @param kind users or groups
     * @param id the resource
     * @param body the replacement
     * @param ifMatch the expected version
     * @return the resource as it now is
     * @throws ScimException as the engine's replace does
     */
    ResourceView replace(ResourceKind kind, String id, GenericScimResource body, OptionalLong ifMatch)
        throws ScimException;

    /**
     * Modifies a resource (PATCH).
     *
     * @param kind users or groups
     * @param id the resource
     * @param body the PatchOp message
     * @param ifMatch the expected version
     * @return the resource as it now is
     * @throws ScimException as the engine's patch does
     */
    ResourceView patch(ResourceKind kind, String id, GenericScimResource body, OptionalLong ifMatch)
        throws ScimException;

    /**
     * Deletes a resource (DELETE).
     *
     * @param kind users or groups
     * @param id the resource
     * @param ifMatch the expected version
     * @throws ScimException as the engine's delete does
     */
    void delete(ResourceKind kind, String id, OptionalLong ifMatch) throws ScimException;

    /**
     * Creates a GroupMember (POST /GroupMembers).
     *
     * @param body the GroupMember
     * @return the new membership's id
     * @throws ScimException as the GroupMember create does
     */
    String createGroupMember(GenericScimResource body) throws ScimException;

    /**
     * Deletes a GroupMember (DELETE /GroupMembers/{id}).
     *
     * @param id the membership's id
     * @throws ScimException as the GroupMember delete does
     */
    void deleteGroupMember(String id) throws ScimException;
  }

  private final Operations operations;
  private final Map<String, String> created = new HashMap<>();

  private BulkExecutor(Operations operations) {
    this.operations = operations;
  }

  /**
   * Runs the steps in the given order.
   *
   * @param steps the steps, in the order {@link BulkPlanner#plan} gave
   * @param failOnErrors how many errors end the run, or empty for none
   * @param operations the engine calls
   * @param correlationId the request's correlation id, for the log
   * @return the results of the steps that ran or failed, in request order
   */
  public static BulkResponse run(
      List<BulkPlanner.Step> steps, Optional<Integer> failOnErrors, Operations operations, String correlationId) {
    BulkExecutor executor = new BulkExecutor(operations);
    BulkOperationResult[] results = new BulkOperationResult[steps.size()];
    int errors = 0;
    for (BulkPlanner.Step step : steps) {
      BulkOperationResult result = executor.run(step, correlationId);
      results[step.index()] = result;
      if (result.failed() && ++errors >= failOnErrors.orElse(Integer.MAX_VALUE)) {
        break;
      }
    }
    List<BulkOperationResult> listed = new ArrayList<>();
    for (BulkOperationResult result : results) {
      if (result != null) {
        listed.add(result);
      }
    }
    return new BulkResponse(listed);
  }

  private BulkOperationResult run(BulkPlanner.Step step, String correlationId) {
    String pathId = step.pathId() == null ? null : resolve(step.pathId());
    if (step.failure() != null) {
      return failure(step, pathId, step.failure());
    }
    for (String bulkId : step.references()) {
      if (!created.containsKey(bulkId)) {
        return failure(step, pathId, BulkPlanner.unresolvable(bulkId, "the operation that creates it failed"));
      }
    }
    OptionalLong ifMatch = BulkPlanner.expectedVersion(step.operation().version());
    GenericScimResource data = step.operation().data().map(this::substitute).orElse(null);
    try {
      switch (step.parsedMethod()) {
        case POST -> {
          if (step.groupMember()) {
            String id = operations.createGroupMember(data);
            step.defines().ifPresent(bulkId -> created.put(bulkId, id));
            return success(step, id, null, 201);
          }
          ResourceView view = operations.create(step.kind(), data);
          step.defines().ifPresent(bulkId -> created.put(bulkId, view.id()));
          return success(step, view.id(), view, 201);
        }
        case PUT -> {
          return success(step, pathId, operations.replace(step.kind(), pathId, data, ifMatch), 200);
        }
        case PATCH -> {
          return success(step, pathId, operations.patch(step.kind(), pathId, data, ifMatch), 200);
        }
        case DELETE -> {
          if (step.groupMember()) {
            operations.deleteGroupMember(pathId);
          } else {
            operations.delete(step.kind(), pathId, ifMatch);
          }
          return success(step, pathId, null, 204);
        }
        default -> throw new IllegalStateException("Unplanned method " + step.parsedMethod());
      }
    } catch (ScimException e) {
      return failure(step, pathId, e);
    } catch (RuntimeException e) {
      LOG.error("Bulk operation {} ({} {}) failed unexpectedly [correlationId={}]",
          step.index(), step.method(), step.operation().path(), correlationId, e);
      return failure(step, pathId, new ServerErrorException("The operation failed on the server"));
    }
  }

  /** Returns the id a path names, with a resolved reference replaced; a bare reference stays. */
  private String resolve(String pathId) {
    if (pathId.startsWith(BulkPlanner.BULK_ID_PREFIX)) {
      return created.get(pathId.substring(BulkPlanner.BULK_ID_PREFIX.length()));
    }
    return pathId;
  }

  private GenericScimResource substitute(GenericScimResource data) {
    ObjectNode copy = data.getObjectNode().deepCopy();
    replaceIn(copy);
    return new GenericScimResource(copy);
  }

  private void replaceIn(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String name : object.properties().stream().map(Map.Entry::getKey).toList()) {
        JsonNode value = object.get(name);
        Optional<String> id = createdId(value);
        if (id.isPresent()) {
          object.set(name, TextNode.valueOf(id.get()));
        } else {
          replaceIn(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        Optional<String> id = createdId(array.get(i));
        if (id.isPresent()) {
          array.set(i, TextNode.valueOf(id.get()));
        } else {
          replaceIn(array.get(i));
        }
      }
    }
  }

  private Optional<String> createdId(JsonNode node) {
    if (node.isTextual() && node.textValue().startsWith(BulkPlanner.BULK_ID_PREFIX)) {
      return Optional.ofNullable(created.get(node.textValue().substring(BulkPlanner.BULK_ID_PREFIX.length())));
    }
    return Optional.empty();
  }

  private static BulkOperationResult success(BulkPlanner.Step step, String id, ResourceView view, int status) {
    return result(step, id, status, Optional.empty(), Optional.ofNullable(view));
  }

  private static BulkOperationResult failure(BulkPlanner.Step step, String id, ScimException error) {
    return result(step, id, error.getScimError().getStatus(), Optional.of(error.getScimError()), Optional.empty());
  }

  private static BulkOperationResult result(BulkPlanner.Step step, String id, int status,
      Optional<ErrorResponse> error, Optional<ResourceView> view) {
    return new BulkOperationResult(step.index(), step.method(), step.operation().bulkId(),
        Optional.ofNullable(step.kind()), Optional.ofNullable(id),
        view.map(resource -> EntityTags.of(resource.version())), status, error, view);
  }
}
