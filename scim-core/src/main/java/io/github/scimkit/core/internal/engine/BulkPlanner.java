package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.MethodNotAllowedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.bulk.BulkOperation;
import io.github.scimkit.core.resource.EntityTags;
import io.github.scimkit.core.resource.ResourceKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the operations of a bulk request and puts them in an order in which every {@code bulkId:}
 * reference can be resolved (RFC 7644 §3.7.2).
 *
 * <p>Each operation becomes a {@link Step}. A step that cannot run is planned with its error:
 *
 * <ul>
 *   <li>a method other than POST, PUT, PATCH or DELETE, or one that does not fit the path (POST on
 *       a resource, DELETE on a collection): 405;
 *   <li>a path that is not {@code /Users}, {@code /Groups}, {@code /GroupMembers} or one of their
 *       resources: 400 {@code invalidPath}; PUT or PATCH of a GroupMember: 405;
 *   <li>no {@code data} for POST, PUT or PATCH: 400 {@code invalidSyntax};
 *   <li>a {@code bulkId} that more than one POST uses: 400 {@code invalidValue} for each of them;
 *   <li>a reference to a bulkId that no POST of the request defines (or that several do): 409
 *       {@code invalidValue};
 *   <li>a step in a cycle of references (a POST whose data names its own bulkId, two groups that
 *       name each other as members): 409 {@code invalidValue} for every step of the cycle. RFC
 *       7644 §3.7.1 lets a service provider stop at 409 here instead of resolving the cycle; groups
 *       in this engine hold only users, so a cycle could not succeed anyway.
 * </ul>
 *
 * <p>The order is topological: a POST comes before every step that references its bulkId; steps
 * that do not depend on each other keep the order of the request. A step that depends on one that
 * fails is still planned, and fails with 409 when its reference turns out to be unresolvable.
 */
public final class BulkPlanner {

  /** What starts a reference to another operation's new resource. */
  public static final String BULK_ID_PREFIX = "bulkId:";

  private BulkPlanner() {}

  /** The methods a bulk operation may use. */
  public enum Method {
    /** Create. */
    POST,
    /** Replace. */
    PUT,
    /** Modify. */
    PATCH,
    /** Delete. */
    DELETE
  }

  /**
   * One operation, read and checked.
   *
   * @param index the 0-based position in the request
   * @param operation the operation as sent
   * @param method the method in upper case, as the result reports it
   * @param parsedMethod the method, or {@code null} when it is not one of the four
   * @param kind the resource type the path names, or {@code null} when it names none
   * @param pathId the id in the path, possibly a {@code bulkId:} reference; {@code null} for a
   *     collection
   * @param references the bulkIds the path and data reference, in order of appearance
   * @param failure the error the step fails with without running, or {@code null}
   * @param groupMember whether the path names {@code /GroupMembers}, whose operations have no
   *     {@code kind}: only POST and DELETE
   */
  public record Step(
      int index,
      BulkOperation operation,
      String method,
      Method parsedMethod,
      ResourceKind kind,
      String pathId,
      Set<String> references,
      ScimException failure,
      boolean groupMember) {

    Step withFailure(ScimException error) {
      return new Step(index, operation, method, parsedMethod, kind, pathId, references, error, groupMember);
    }

    /**
     * Returns the bulkId a successful run of this step defines.
     *
     * @return the bulkId, or empty for anything but a POST with a bulkId
     */
    public Optional<String> defines() {
      return parsedMethod == Method.POST ? operation.bulkId().filter(id -> !id.isEmpty()) : Optional.empty();
    }
  }

  /**
   * Plans a bulk request's operations.
   *
   * @param operations the operations in request order
   * @param kinds the resource kind an endpoint name (such as {@code Users}) names, ignoring case,
   *     or null for a name no kind has
   * @return every operation as a step, in the order to run them
   */
  public static List<Step> plan(List<BulkOperation> operations, Function<String, ResourceKind> kinds) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      steps.add(read(i, operations.get(i), kinds));
    }
    Map<String, Integer> definers = definers(steps);
    List<Set<Integer>> dependencies = dependencies(steps, definers);
    failCycles(steps, dependencies);
    return order(steps, dependencies);
  }

  /**
   * Reads the version a client expects from an If-Match style value.
   *
   * @param version {@code W/"3"}, {@code "3"}, {@code 3} or {@code *}
   * @return the version; empty for {@code *} (any version); a value no record has for a tag this
   *     engine never issues, so that the operation fails with 412 as a mismatched If-Match would
   */
  public static OptionalLong expectedVersion(Optional<String> version) {
    return EntityTags.parse(version.orElse(null));
  }

  private static Step read(int index, BulkOperation operation, Function<String, ResourceKind> kinds) {
    String method = operation.method().strip().toUpperCase(Locale.ROOT);
    Method parsed = parseMethod(method);
    ResourceKind kind = null;
    String pathId = null;
    ScimException failure = null;
    String path = operation.path().strip();
    String[] segments = (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
    boolean groupMember = false;
    if (segments.length <= 2) {
      kind = kinds.apply(segments[0]);
      groupMember = kind == null && segments[0].equalsIgnoreCase("GroupMembers");
      pathId = segments.length == 2 ? segments[1] : null;
    }
    if ((kind == null && !groupMember) || (pathId != null && pathId.isEmpty())) {
      failure = new BadRequestException(
          "The path '" + operation.path() + "' is not /Users, /Groups, /Users/{id} or /Groups/{id}",
          BadRequestException.INVALID_PATH);
      kind = null;
      pathId = null;
      groupMember = false;
    } else if (parsed == null) {
      failure = new MethodNotAllowedException(
          "The method '" + operation.method() + "' is not one of POST, PUT, PATCH and DELETE");
    } else if (groupMember && (parsed == Method.PUT || parsed == Method.PATCH)) {
      failure = new MethodNotAllowedException("A GroupMember is only created (POST) and deleted (DELETE)");
    } else if ((parsed == Method.POST) != (pathId == null)) {
      failure = new MethodNotAllowedException(parsed == Method.POST
          ? "POST needs a resource type's path, such as /Users, not " + operation.path()
          : method + " needs a resource's path, such as /Users/{id}, not " + operation.path());
    } else if (parsed != Method.DELETE && operation.data().isEmpty()) {
      failure = new BadRequestException(method + " needs 'data'", BadRequestException.INVALID_SYNTAX);
    }
    Set<String> references = new LinkedHashSet<>();
    if (failure == null) {
      reference(pathId, references);
      operation.data().map(GenericScimResource::getObjectNode).ifPresent(data -> collect(data, references));
    }
    return new Step(index, operation, method, parsed, kind, pathId, references, failure, groupMember);
  }

  private static Method parseMethod(String method) {
    for (Method candidate : Method.values()) {
      if (candidate.name().equals(method)) {
        return candidate;
      }
    }
    return null;
  }

  private static void collect(JsonNode node, Set<String> references) {
    if (node.isTextual()) {
      reference(node.textValue(), references);
    } else if (node.isContainerNode()) {
      node.forEach(child -> collect(child, references));
    }
  }

  private static void reference(String text, Set<String> references) {
    if (text != null && text.startsWith(BULK_ID_PREFIX)) {
      references.add(text.substring(BULK_ID_PREFIX.length()));
    }
  }

  /** Maps each bulkId to the one runnable POST that defines it; fails POSTs that share one. */
  private static Map<String, Integer> definers(List<Step> steps) {
    Map<String, List<Integer>> byBulkId = new HashMap<>();
    for (Step step : steps) {
      if (step.failure() == null) {
        step.defines().ifPresent(bulkId -> byBulkId.computeIfAbsent(bulkId, key -> new ArrayList<>()).add(step.index()));
      }
    }
    Map<String, Integer> definers = new HashMap<>();
    byBulkId.forEach((bulkId, indexes) -> {
      if (indexes.size() == 1) {
        definers.put(bulkId, indexes.get(0));
      } else {
        for (int index : indexes) {
          steps.set(index, steps.get(index).withFailure(BadRequestException.invalidValue(
              "The bulkId '" + bulkId + "' is used by " + indexes.size() + " POST operations; it must be unique")));
        }
      }
    });
    return definers;
  }

  private static List<Set<Integer>> dependencies(List<Step> steps, Map<String, Integer> definers) {
    List<Set<Integer>> dependencies = new ArrayList<>();
    for (Step step : steps) {
      Set<Integer> needs = new TreeSet<>();
      if (step.failure() == null) {
        for (String bulkId : step.references()) {
          Integer definer = definers.get(bulkId);
          if (definer == null) {
            steps.set(step.index(), step.withFailure(unresolvable(bulkId,
                "no single POST operation of this request has that bulkId")));
            needs.clear();
            break;
          }
          needs.add(definer);
        }
      }
      dependencies.add(needs);
    }
    return dependencies;
  }

  /** Fails every step on a cycle (Tarjan's strongly connected components) and cuts its edges. */
  private static void failCycles(List<Step> steps, List<Set<Integer>> dependencies) {
    new Tarjan(dependencies).components().forEach(component -> {
      boolean cyclic = component.size() > 1 || dependencies.get(component.get(0)).contains(component.get(0));
      if (cyclic) {
        String members = component.stream().sorted()
            .map(index -> steps.get(index).defines().map(id -> "bulkId:" + id).orElse("operation " + index))
            .collect(Collectors.joining(", "));
        for (int index : component) {
          steps.set(index, steps.get(index).withFailure(new ResourceConflictException(
              "Circular bulkId references (" + members + ") cannot be resolved; create the resources "
                  + "first and link them in later operations", BadRequestException.INVALID_VALUE)));
          dependencies.get(index).clear();
        }
      }
    });
  }

  /** Kahn's algorithm, taking the earliest ready step of the request each time. */
  private static List<Step> order(List<Step> steps, List<Set<Integer>> dependencies) {
    int[] waiting = new int[steps.size()];
    List<List<Integer>> dependents = new ArrayList<>();
    steps.forEach(step -> dependents.add(new ArrayList<>()));
    for (int i = 0; i < steps.size(); i++) {
      waiting[i] = dependencies.get(i).size();
      for (int needed : dependencies.get(i)) {
        dependents.get(needed).add(i);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < steps.size(); i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    List<Step> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      int next = ready.poll();
      order.add(steps.get(next));
      for (int dependent : dependents.get(next)) {
        if (--waiting[dependent] == 0) {
          ready.add(dependent);
        }
      }
    }
    if (order.size() != steps.size()) {
      throw new IllegalStateException("A cycle survived planning");
    }
    return order;
  }

  /**
   * Returns the error of a reference that cannot be resolved.
   *
   * @param bulkId the bulkId referenced
   * @param why the reason
   * @return a 409 with {@code scimType} {@code invalidValue}
   */
  static ScimException unresolvable(String bulkId, String why) {
    return new ResourceConflictException(
        "The reference bulkId:" + bulkId + " cannot be resolved: " + why, BadRequestException.INVALID_VALUE);
  }

  /** Tarjan's algorithm, iterative so that long chains of references cannot overflow the stack. */
  private static final class Tarjan {
    private final List<List<Integer>> edges;
    private final int[] number;
    private final int[] low;
    private final boolean[] onStack;
    private final Deque<Integer> stack = new ArrayDeque<>();
    private final List<List<Integer>> components = new ArrayList<>();
    private int counter;

    Tarjan(List<Set<Integer>> edges) {
      this.edges = edges.stream().map(List::copyOf).toList();
      this.number = new int[edges.size()];
      this.low = new int[edges.size()];
      this.onStack = new boolean[edges.size()];
    }

    List<List<Integer>> components() {
      for (int start = 0; start < edges.size(); start++) {
        if (number[start] == 0) {
          visit(start);
        }
      }
      return components;
    }

    private void visit(int start) {
      Deque<int[]> frames = new ArrayDeque<>();
      enter(start);
      frames.push(new int[] {start, 0});
      while (!frames.isEmpty()) {
        int[] frame = frames.peek();
        int node = frame[0];
        List<Integer> next = edges.get(node);
        if (frame[1] < next.size()) {
          int target = next.get(frame[1]++);
          if (number[target] == 0) {
            enter(target);
            frames.push(new int[] {target, 0});
          } else if (onStack[target]) {
            low[node] = Math.min(low[node], number[target]);
          }
          continue;
        }
        frames.pop();
        if (!frames.isEmpty()) {
          int parent = frames.peek()[0];
          low[parent] = Math.min(low[parent], low[node]);
        }
        if (low[node] == number[node]) {
          List<Integer> component = new ArrayList<>();
          int member;
          do {
            member = stack.pop();
            onStack[member] = false;
            component.add(member);
          } while (member != node);
          components.add(component);
        }
      }
    }

    private void enter(int node) {
      number[node] = ++counter;
      low[node] = counter;
      stack.push(node);
      onStack[node] = true;
    }
  }
}
