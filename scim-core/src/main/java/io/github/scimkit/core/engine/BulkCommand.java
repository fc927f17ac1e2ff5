package io.github.scimkit.core.engine;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.bulk.BulkRequest;
import io.github.scimkit.core.bulk.BulkResponse;
import io.github.scimkit.core.internal.engine.BulkExecutor;
import io.github.scimkit.core.internal.engine.BulkPlanner;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.resource.ResourceView;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Bulk (RFC 7644 §3.7): checks the request's limits, orders its operations by their bulkId
 * references and runs each as one call of the engine, so one unit of work, audited and published
 * like a single request.
 */
final class BulkCommand {

  private final int maxOperations;

  BulkCommand(int maxOperations) {
    this.maxOperations = maxOperations;
  }

  /**
   * Runs a bulk request.
   *
   * @param engine the engine each operation calls
   * @param context who asks, for which tenant
   * @param request the operations and {@code failOnErrors}
   * @return one result per operation that ran or failed
   * @throws ScimException 413 for too many operations, 400 for a {@code failOnErrors} below 1
   */
  BulkResponse execute(ScimEngine engine, RequestContext context, BulkRequest request) throws ScimException {
    Objects.requireNonNull(request, "request");
    if (request.operations().size() > maxOperations) {
      throw new ScimException(413, null, "The bulk request has " + request.operations().size()
          + " operations; the service provider accepts at most " + maxOperations + " (maxOperations)");
    }
    if (request.failOnErrors().isPresent() && request.failOnErrors().get() < 1) {
      throw BadRequestException.invalidValue("failOnErrors must be at least 1, not " + request.failOnErrors().get());
    }
    List<ResourceType> types = engine.resourceTypes();
    Function<String, ResourceKind> kinds = endpoint -> types.stream()
        .filter(type -> type.endpoint().equalsIgnoreCase(endpoint)).map(ResourceType::kind).findFirst().orElse(null);
    return BulkExecutor.run(BulkPlanner.plan(request.operations(), kinds), request.failOnErrors(),
        new EngineOperations(engine, context), context.correlationId());
  }

  /** Each bulk operation as one engine call in the bulk request's context. */
  private record EngineOperations(ScimEngine engine, RequestContext context) implements BulkExecutor.Operations {

    @Override
    public ResourceView create(ResourceKind kind, GenericScimResource body) throws ScimException {
      return engine.create(context, kind, body);
    }

    @Override
    public ResourceView replace(ResourceKind kind, String id, GenericScimResource body, OptionalLong ifMatch)
        throws ScimException {
      return engine.replace(context, kind, id, body, ifMatch);
    }

    @Override
    public ResourceView patch(ResourceKind kind, String id, GenericScimResource body, OptionalLong ifMatch)
        throws ScimException {
      return engine.patch(context, kind, id, body, ifMatch);
    }

    @Override
    public void delete(ResourceKind kind, String id, OptionalLong ifMatch) throws ScimException {
      engine.delete(context, kind, id, ifMatch);
    }

    @Override
    public String createGroupMember(GenericScimResource body) throws ScimException {
      return engine.groupMembers().create(context, body).id();
    }

    @Override
    public void deleteGroupMember(String id) throws ScimException {
      engine.groupMembers().delete(context, id);
    }
  }
}
