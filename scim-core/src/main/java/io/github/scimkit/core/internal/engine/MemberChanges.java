package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.OrFilter;
import io.github.scimkit.core.internal.dialect.NormalizedPatchOperation;
import io.github.scimkit.core.store.TenantStores;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the member parts of group requests into membership deltas, so that a member change never
 * loads the group's other members.
 */
public final class MemberChanges {

  /** The group attribute that holds members. */
  public static final String MEMBERS = "members";

  /** What a delta does to the group's members. */
  public enum Action {
    /** Adds the ids. */
    ADD,
    /** Removes the ids. */
    REMOVE,
    /** Makes the ids the only members. */
    REPLACE
  }

  /**
   * One membership delta.
   *
   * @param action what to do
   * @param memberIds the user ids
   */
  public record Delta(Action action, Set<String> memberIds) {

    /** Copies the ids. */
    public Delta {
      memberIds = Set.copyOf(memberIds);
    }
  }

  private MemberChanges() {}

  /**
   * Tells whether a PATCH operation targets a group's members.
   *
   * @param operation the operation
   * @return {@code true} for {@code members} paths
   */
  public static boolean targetsMembers(NormalizedPatchOperation operation) {
    Path path = operation.path();
    return path.size() > 0
        && MEMBERS.equalsIgnoreCase(path.getElement(0).getAttribute())
        && (path.getSchemaUrn() == null || path.getSchemaUrn().toLowerCase(Locale.ROOT).endsWith(":group"));
  }

  /**
   * Turns a member PATCH operation into a delta.
   *
   * @param operation an operation whose path targets {@code members}
   * @param maxMembers the most member values one operation may carry
   * @return the delta
   * @throws BadRequestException when the operation cannot be carried out as a delta
   */
  public static Delta fromPatch(NormalizedPatchOperation operation, int maxMembers) throws BadRequestException {
    Path path = operation.path();
    if (path.size() > 1) {
      throw BadRequestException.invalidPath("Member sub-attributes cannot be changed: " + path);
    }
    Filter filter = path.getElement(0).getValueFilter();
    return switch (operation.op()) {
      case ADD -> new Delta(Action.ADD, filter == null
          ? idsOf(operation.value(), maxMembers) : idsOf(filter));
      case REMOVE -> filter == null ? new Delta(Action.REPLACE, Set.of()) : new Delta(Action.REMOVE, idsOf(filter));
      case REPLACE -> {
        if (filter != null) {
          throw BadRequestException.invalidPath("Replace members without a value filter: " + path);
        }
        yield new Delta(Action.REPLACE, idsOf(operation.value(), maxMembers));
      }
    };
  }

  /**
   * Reads the member ids of a {@code members} array in a POST or PUT body.
   *
   * @param members the array, or a missing node
   * @param maxMembers the most members a body may carry
   * @return the ids, in order, without duplicates
   * @throws BadRequestException when an element has no string {@code value}, or there are too
   *     many
   */
  public static Set<String> idsOf(JsonNode members, int maxMembers) throws BadRequestException {
    Set<String> ids = new LinkedHashSet<>();
    if (members == null || members.isMissingNode() || members.isNull()) {
      return ids;
    }
    if (!members.isArray()) {
      throw BadRequestException.invalidValue("'members' must be an array of objects with a 'value'");
    }
    if (members.size() > maxMembers) {
      throw BadRequestException.invalidValue(
          "Too many members in one operation: " + members.size() + " (the limit is " + maxMembers + ")");
    }
    for (JsonNode member : members) {
      JsonNode value = member.isObject() ? member.get("value") : null;
      if (value == null || !value.isTextual() || value.asText().isEmpty()) {
        throw BadRequestException.invalidValue("Every member needs a 'value' holding a user id");
      }
      InputRule.checkId(value.asText(), MEMBERS + ".value");
      ids.add(value.asText());
    }
    return ids;
  }

  private static Set<String> idsOf(Filter filter) throws BadRequestException {
    Set<String> ids = new LinkedHashSet<>();
    collect(filter, ids);
    return ids;
  }

  private static void collect(Filter filter, Set<String> ids) throws BadRequestException {
    if (filter instanceof OrFilter or) {
      for (Filter operand : or.getCombinedFilters()) {
        collect(operand, ids);
      }
      return;
    }
    if (filter instanceof EqualFilter equal
        && "value".equalsIgnoreCase(equal.getAttributePath().toString())
        && equal.getComparisonValue() != null
        && equal.getComparisonValue().isTextual()) {
      InputRule.checkId(equal.getComparisonValue().asText(), MEMBERS + ".value");
      ids.add(equal.getComparisonValue().asText());
      return;
    }
    throw BadRequestException.invalidFilter(
        "Members can be selected only by value, as in members[value eq \"id\"]: " + filter);
  }

  /**
   * Checks that every id is a user of the tenant, with one {@link
   * io.github.scimkit.core.store.UserStore#existingIds} call for all of them.
   *
   * @param stores the tenant's stores, in the unit of work
   * @param ids the ids to check
   * @throws ScimException {@code invalidValue} naming the first unknown ids
   */
  public static void requireUsers(TenantStores stores, Set<String> ids) throws ScimException {
    if (ids.isEmpty()) {
      return;
    }
    Set<String> existing = stores.users().existingIds(ids);
    List<String> unknown = ids.stream().filter(id -> !existing.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw BadRequestException.invalidValue("Members must be users of this tenant; unknown: "
          + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
          + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : ""));
    }
  }
}
