package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import io.github.scimkit.core.bulk.BulkOperation;
import io.github.scimkit.core.bulk.BulkOperationResult;
import io.github.scimkit.core.bulk.BulkRequest;
import io.github.scimkit.core.bulk.BulkResponse;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * POST /Bulk (RFC 7644 §3.7): reads the BulkRequest message, hands it to the engine, which orders
 * the operations and resolves bulkIds, and writes the BulkResponse with each operation's location.
 */
public final class BulkEndpoint {

  private static final String BULK_REQUEST_URN = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  private static final String BULK_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  private static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";

  /** POST /Bulk. */
  public Response bulk(ScimRequest request) throws ScimException {
    ObjectNode body = request.runtime().json()
        .readObject(request.http().getEntityStream(), request.runtime().engine().config().maxBulkPayloadBytes());
    BulkResponse response = request.runtime().engine().bulk(request.context(), read(body));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.putArray("schemas").add(BULK_RESPONSE_URN);
    ArrayNode operations = out.putArray("Operations");
    for (BulkOperationResult result : response.operations()) {
      ObjectNode operation = operations.addObject();
      operation.put("method", result.method());
      result.bulkId().ifPresent(bulkId -> operation.put("bulkId", bulkId));
      if (result.resourceType().isPresent() && result.id().isPresent() && !result.failed()) {
        operation.put("location", request.location(
            request.runtime().engine().resourceType(result.resourceType().get()).endpoint(), result.id().get()));
      }
      result.version().ifPresent(version -> operation.put("version", version));
      operation.put("status", Integer.toString(result.status()));
      result.error().ifPresent(error -> operation.set("response", error(error)));
    }
    return Response.ok(request.runtime().json().bytes(out), ScimJson.SCIM_JSON).build();
  }

  private static ObjectNode error(ErrorResponse error) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.putArray("schemas").add(ERROR_URN);
    node.put("status", Integer.toString(error.getStatus()));
    if (error.getScimType() != null) {
      node.put("scimType", error.getScimType());
    }
    node.put("detail", error.getDetail() == null ? "" : error.getDetail());
    return node;
  }

  private static BulkRequest read(ObjectNode body) throws BadRequestException {
    JsonNode schemas = body.get("schemas");
    boolean declared = false;
    if (schemas != null && schemas.isArray()) {
      for (JsonNode schema : schemas) {
        declared |= BULK_REQUEST_URN.equalsIgnoreCase(schema.asText());
      }
    }
    if (!declared) {
      throw BadRequestException.invalidSyntax("A bulk request lists " + BULK_REQUEST_URN + " in schemas");
    }
    JsonNode operations = body.get("Operations");
    if (operations == null || !operations.isArray()) {
      throw BadRequestException.invalidSyntax("A bulk request needs an 'Operations' array");
    }
    List<BulkOperation> read = new ArrayList<>();
    for (JsonNode operation : operations) {
      if (!operation.isObject()) {
        throw BadRequestException.invalidSyntax("Each bulk operation is an object");
      }
      read.add(new BulkOperation(
          requiredText(operation, "method"),
          text(operation, "bulkId"),
          requiredText(operation, "path"),
          text(operation, "version"),
          operation.hasNonNull("data") && operation.get("data").isObject()
              ? Optional.of(new GenericScimResource((ObjectNode) operation.get("data").deepCopy()))
              : Optional.empty()));
    }
    JsonNode failOnErrors = body.get("failOnErrors");
    if (failOnErrors != null && !failOnErrors.isNull() && !failOnErrors.isIntegralNumber()) {
      throw BadRequestException.invalidValue("failOnErrors must be an integer");
    }
    return new BulkRequest(read,
        failOnErrors == null || failOnErrors.isNull() ? Optional.empty() : Optional.of(failOnErrors.asInt()));
  }

  private static String requiredText(JsonNode operation, String name) throws BadRequestException {
    return text(operation, name).orElseThrow(
        () -> BadRequestException.invalidSyntax("Each bulk operation needs a string '" + name + "'"));
  }

  private static Optional<String> text(JsonNode operation, String name) {
    JsonNode value = operation.get(name);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}
