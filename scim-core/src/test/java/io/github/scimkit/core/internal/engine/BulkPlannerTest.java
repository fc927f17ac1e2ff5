package io.github.scimkit.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.github.scimkit.core.bulk.BulkOperation;
import io.github.scimkit.core.resource.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BulkPlanner")
class BulkPlannerTest {

  private static final Function<String, ResourceKind> KINDS = endpoint -> switch (endpoint.toLowerCase()) {
    case "users" -> ResourceKind.USER;
    case "groups" -> ResourceKind.GROUP;
    default -> null;
  };

  private static BulkOperation group(String bulkId, String... references) {
    ObjectNode node = JsonUtils.getJsonNodeFactory().objectNode();
    node.put("displayName", bulkId);
    references(node, references);
    return BulkOperation.post(bulkId, "/Groups", new GenericScimResource(node));
  }

  private static void references(ObjectNode node, String... references) {
    var members = node.putArray("members");
    for (String reference : references) {
      members.addObject().put("value", "bulkId:" + reference);
    }
  }

  private static List<Integer> order(List<BulkPlanner.Step> steps) {
    return steps.stream().map(BulkPlanner.Step::index).toList();
  }

  @Test
  @DisplayName("independent operations keep the request order")
  void keepsOrder() {
    List<BulkPlanner.Step> steps = BulkPlanner.plan(List.of(group("a"), group("b"), group("c")), KINDS);

    assertThat(order(steps)).containsExactly(0, 1, 2);
    assertThat(steps).allSatisfy(step -> assertThat(step.failure()).isNull());
  }

  @Test
  @DisplayName("a POST moves just ahead of the first operation that needs it")
  void movesDefinersForward() {
    List<BulkPlanner.Step> steps = BulkPlanner.plan(List.of(
        group("x"), group("a", "c"), group("b"), group("c")), KINDS);

    assertThat(order(steps)).containsExactly(0, 2, 3, 1);
  }

  @Test
  @DisplayName("a chain of 5000 references listed backwards is ordered without deep recursion")
  void longChain() {
    List<BulkOperation> operations = new ArrayList<>();
    int length = 5000;
    for (int i = 0; i < length; i++) {
      operations.add(i + 1 < length ? group("g" + i, "g" + (i + 1)) : group("g" + i));
    }
    List<Integer> order = order(BulkPlanner.plan(operations, KINDS));

    assertThat(order.get(0)).isEqualTo(length - 1);
    assertThat(order.get(length - 1)).isZero();
  }

  @Test
  @DisplayName("every member of a three-step cycle fails with 409; a step outside it that needs it comes after it")
  void threeCycle() {
    List<BulkPlanner.Step> steps = BulkPlanner.plan(List.of(
        group("d", "a"), group("a", "b"), group("b", "c"), group("c", "a"), group("e")), KINDS);

    assertThat(order(steps)).containsExactly(1, 0, 2, 3, 4);
    assertThat(steps).filteredOn(step -> step.index() >= 1 && step.index() <= 3)
        .allSatisfy(step -> assertThat(step.failure().getScimError().getStatus()).isEqualTo(409));
    assertThat(steps).filteredOn(step -> step.index() == 0 || step.index() == 4)
        .allSatisfy(step -> assertThat(step.failure()).isNull());
  }

  @Test
  @DisplayName("references are found anywhere in data and in the path")
  void findsReferences() {
    ObjectNode patch = JsonUtils.getJsonNodeFactory().objectNode();
    patch.putArray("Operations").addObject().put("op", "add").put("path", "manager.value").put("value", "bulkId:m");
    BulkOperation operation = BulkOperation.patch("/Users/bulkId:u", null, new GenericScimResource(patch));

    BulkPlanner.Step step = BulkPlanner.plan(List.of(operation, group("u"), group("m")), KINDS).get(2);

    assertThat(step.index()).isZero();
    assertThat(step.references()).containsExactly("u", "m");
    assertThat(step.pathId()).isEqualTo("bulkId:u");
  }

  @Test
  @DisplayName("versions are read from weak and strong tags; * means any; other text never matches")
  void versions() {
    assertThat(BulkPlanner.expectedVersion(Optional.of("W/\"3\""))).hasValue(3);
    assertThat(BulkPlanner.expectedVersion(Optional.of("\"4\""))).hasValue(4);
    assertThat(BulkPlanner.expectedVersion(Optional.of("5"))).hasValue(5);
    assertThat(BulkPlanner.expectedVersion(Optional.of("*"))).isEmpty();
    assertThat(BulkPlanner.expectedVersion(Optional.empty())).isEmpty();
    assertThat(BulkPlanner.expectedVersion(Optional.of("W/\"abc\""))).isEqualTo(OptionalLong.of(-1));
  }
}
