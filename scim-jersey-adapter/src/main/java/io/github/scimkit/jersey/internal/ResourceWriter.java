package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.engine.ResourceType;
import io.github.scimkit.core.mapping.ScimUrns;
import io.github.scimkit.core.projection.Projection;
import io.github.scimkit.core.resource.GroupMemberView;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.resource.UserGroup;
import io.github.scimkit.core.store.ResourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes resources as JSON: sets {@code meta.location}, adds a user's {@code groups}, fills the
 * enterprise {@code manager.displayName} and counts a group's members (each looked up once per
 * page by {@link #lookUp}, before the response starts, so that a failing store still gets a SCIM
 * error), applies the projection, adds a group's {@code membersMetadata} and streams its members
 * from the store page by page, never holding them all. Without a projection to apply, a
 * resource goes from its record straight to the generator, with no tree in between; only the
 * values of merged virtual elements (such as {@code emails}) and the {@code groups} list are
 * built as nodes.
 */
public final class ResourceWriter {

  private static final String MEMBERS = "members";
  private static final String GROUPS = "groups";
  private static final Path MANAGER_DISPLAY =
      Path.root(ScimUrns.ENTERPRISE_USER).attribute("manager").attribute("displayName");
  private static final String MANAGER_VALUE_RULE = ScimUrns.ENTERPRISE_USER + ":manager.value";
  private static final String MANAGER_DISPLAY_RULE = ScimUrns.ENTERPRISE_USER + ":manager.displayName";
  private static final List<String> METADATA_SCHEMAS = List.of(GroupMemberView.GROUP_EXTENSION);

  private final ScimRequest request;
  private final Projection projection;
  private final boolean membersMetadata;
  private boolean memberCount;
  /** What {@link #lookUp} found; {@code null} before it ran. */
  private Lookups lookups;

  /**
   * The values a page shows that its records do not hold, each read with one engine call, and
   * whether groups' members are streamed when the projection returns them.
   */
  private record Lookups(Map<String, List<UserGroup>> groups, Map<String, String> managerNames,
      Map<String, Long> memberCounts, boolean members) {
    static final Lookups NONE = new Lookups(Map.of(), Map.of(), Map.of(), false);
  }

  /**
   * Creates a writer for one request.
   *
   * @param request the request
   * @param projection the attributes to return
   */
  public ResourceWriter(ScimRequest request, Projection projection) {
    this.request = request;
    this.projection = projection;
    this.membersMetadata = request.runtime().engine().groupMembers().enabled() && returnsMetadata();
  }

  /**
   * Makes Groups' {@code membersMetadata} carry {@code memberCount}, one count query per group:
   * for single-resource responses, not for lists.
   *
   * @return this writer
   */
  public ResourceWriter withMemberCount() {
    this.memberCount = true;
    return this;
  }

  /**
   * Returns a resource's address.
   *
   * @param view the resource
   * @return the absolute address
   */
  public String location(ResourceView view) {
    return request.location(type(view).endpoint(), view.id());
  }

  private ResourceType type(ResourceView view) {
    return request.runtime().engine().resourceType(view.kind());
  }

  private String endpoint(ResourceKind kind) {
    return request.runtime().engine().resourceType(kind).endpoint();
  }

  /**
   * Looks up what the views show beyond their records: the {@code groups} of the users, the
   * display names of their managers (one engine call each, left out when the projection does not
   * return them) and, {@link #withMemberCount() when asked}, each group's member count. {@link
   * #write} uses them, and needs this or {@link #skipLookUps} first.
   *
   * @param views the resources about to be written
   * @throws ScimException when a lookup fails
   */
  public void lookUp(List<ResourceView> views) throws ScimException {
    Set<String> users = new HashSet<>();
    Set<String> managers = new HashSet<>();
    Map<String, Long> counts = new HashMap<>();
    for (ResourceView view : views) {
      ResourceType type = type(view);
      if (type.showsGroups()) {
        users.add(view.id());
      }
      managerId(view).ifPresent(managers::add);
      if (memberCount && membersMetadata && type.hasMembers()) {
        counts.put(view.id(), request.runtime().engine().groupMembers().memberCount(request.context(), view.id()));
      }
    }
    lookups = new Lookups(groupsOf(users), managerNames(managers), counts, true);
  }

  /**
   * Writes the views without what {@link #lookUp} would add and without groups' members (no
   * {@code groups}, no {@code memberCount}, no {@code members}, the manager's name as stored): for
   * the response to a write that is saved although a lookup after it failed.
   */
  public void skipLookUps() {
    lookups = Lookups.NONE;
  }

  private Map<String, String> managerNames(Set<String> managers) throws ScimException {
    if (managers.isEmpty() || !projection.returns(MANAGER_DISPLAY)) {
      return Map.of();
    }
    return request.runtime().engine().managerNames(request.context(), managers);
  }

  private Map<String, List<UserGroup>> groupsOf(Set<String> users) throws ScimException {
    if (users.isEmpty() || !projection.returns(GROUPS)) {
      return Map.of();
    }
    return request.runtime().engine().groupsOf(request.context(), users);
  }

  /**
   * The id in a user's enterprise {@code manager.value}, read from the record attribute the
   * mapping binds to that path; none when no rule binds it.
   */
  private Optional<String> managerId(ResourceView view) {
    return type(view).mapping().recordAttribute(MANAGER_VALUE_RULE).flatMap(view.record().attributes()::getString);
  }

  /**
   * The view with its manager's current display name in the record attribute the mapping binds
   * to {@code manager.displayName}: the engine looks names up only when a rule binds it.
   */
  private ResourceView withManagerName(ResourceView view, String name) {
    ResourceRecord record = view.record();
    return type(view).mapping().recordAttribute(MANAGER_DISPLAY_RULE)
        .map(attribute -> new ResourceView(view.kind(), new ResourceRecord(record.id(), record.version(),
            record.created(), record.lastModified(), record.attributes().with(attribute, name)), view.form()))
        .orElse(view);
  }

  /**
   * Writes one resource with what {@link #lookUp} found: straight from its record when the
   * projection trims nothing, else through its tree, which the projection trims.
   *
   * @param generator where to write
   * @param view the resource
   * @throws IOException when writing fails
   */
  public void write(JsonGenerator generator, ResourceView view) throws IOException {
    if (lookups == null) {
      throw new IllegalStateException("lookUp or skipLookUps must run before write");
    }
    ResourceType type = type(view);
    List<UserGroup> userGroups = lookups.groups().getOrDefault(view.id(), List.of());
    Optional<String> managerName = managerId(view).map(lookups.managerNames()::get);
    ResourceView shown = managerName.isPresent() ? withManagerName(view, managerName.get()) : view;
    boolean metadata = type.hasMembers() && membersMetadata;
    generator.writeStartObject();
    if (projection.trimsNothing()) {
      shown.writeFields(location(view), metadata ? METADATA_SCHEMAS : List.of(), generator);
      if (!userGroups.isEmpty()) {
        generator.writeFieldName(GROUPS);
        generator.writeTree(groupsArray(userGroups));
      }
    } else {
      GenericScimResource resource = shown.resource();
      ObjectNode node = resource.getObjectNode();
      ((ObjectNode) node.path("meta")).put("location", location(view));
      if (!userGroups.isEmpty()) {
        node.set(GROUPS, groupsArray(userGroups));
      }
      projection.apply(resource);
      if (metadata && node.get("schemas") instanceof ArrayNode schemas) {
        schemas.addAll(METADATA_SCHEMAS.stream().map(JsonNodeFactory.instance::textNode).toList());
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        generator.writeFieldName(field.getKey());
        generator.writeTree(field.getValue());
      }
    }
    if (metadata) {
      writeMembersMetadata(generator, view.id());
    }
    if (type.hasMembers() && projection.returns(MEMBERS) && lookups.members()) {
      writeMembers(generator, view.id());
    }
    generator.writeEndObject();
  }

  private ArrayNode groupsArray(List<UserGroup> userGroups) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (UserGroup group : userGroups) {
      ObjectNode element = array.addObject().put("value", group.value())
          .put("$ref", request.location(endpoint(ResourceKind.GROUP), group.value()));
      if (group.display() != null) {
        element.put("display", group.display());
      }
      element.put("type", UserGroup.DIRECT);
    }
    return array;
  }

  /**
   * Writes the read-only {@code membersMetadata} extension (draft-zollner-scim-group-members-01 §5),
   * whose URN the caller listed in {@code schemas}; the caller checks that GroupMembers are on and
   * the projection lets it through.
   */
  private void writeMembersMetadata(JsonGenerator generator, String groupId) throws IOException {
    generator.writeObjectFieldStart(GroupMemberView.GROUP_EXTENSION);
    generator.writeObjectFieldStart("membersMetadata");
    generator.writeStringField("policy", "inline");
    generator.writeStringField("ref", request.filtered(GroupMemberEndpoints.ENDPOINT, "group.value", groupId));
    Long count = lookups.memberCounts().get(groupId);
    if (count != null) {
      generator.writeNumberField("memberCount", count);
    }
    generator.writeArrayFieldStart("allowedMemberTypes");
    generator.writeString(GroupMemberView.MEMBER_TYPE);
    generator.writeEndArray();
    generator.writeEndObject();
    generator.writeEndObject();
  }

  /** Whether {@code attributes} and {@code excludedAttributes} let {@code membersMetadata} through. */
  private boolean returnsMetadata() {
    Optional<String> attributes = request.query("attributes").map(ResourceWriter::lower);
    Optional<String> excluded = request.query("excludedAttributes").map(ResourceWriter::lower);
    return attributes.map(ResourceWriter::namesMetadata).orElse(true)
        && !excluded.map(ResourceWriter::namesMetadata).orElse(false);
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static boolean namesMetadata(String paths) {
    return paths.contains("membersmetadata") || paths.contains(lower(GroupMemberView.GROUP_EXTENSION));
  }

  private void writeMembers(JsonGenerator generator, String groupId) throws IOException {
    Stream<String> members;
    try {
      members = request.runtime().engine().members(request.context(), groupId);
    } catch (ScimException e) {
      throw new IOException("Reading the members of group " + groupId + " failed", e);
    }
    try (members) {
      Iterator<String> ids = members.iterator();
      if (!ids.hasNext()) {
        return;
      }
      generator.writeArrayFieldStart(MEMBERS);
      while (ids.hasNext()) {
        String id = ids.next();
        generator.writeStartObject();
        generator.writeStringField("value", id);
        generator.writeStringField("$ref", request.location(endpoint(ResourceKind.USER), id));
        generator.writeStringField("type", "User");
        generator.writeEndObject();
      }
      generator.writeEndArray();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
