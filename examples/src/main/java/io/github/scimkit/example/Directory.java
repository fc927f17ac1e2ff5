package io.github.scimkit.example;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.StoreQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads what SCIM provisioned into an organization (its ScimKit tenant): users, groups and
 * memberships, page by page, and the few attributes the host looks at.
 */
final class Directory {

  private static final int PAGE = 500;

  private final Storage storage;

  Directory(Storage storage) {
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  /** Returns an organization's stores; 404 when it has no tenant. */
  TenantStores stores(String id) {
    try {
      return storage.stores.tenant(id).orElseThrow(() -> ExampleException.notFound("No tenant " + id));
    } catch (ScimException e) {
      throw new IllegalStateException("Could not open tenant " + id, e);
    }
  }

  /** Returns every user ({@code users}) or every group of a tenant. */
  List<ResourceRecord> all(TenantStores stores, boolean users) {
    List<ResourceRecord> records = new ArrayList<>();
    try {
      for (long offset = 0; ; offset += PAGE) {
        List<ResourceRecord> page;
        try (ResultPage<ResourceRecord> result =
            (users ? stores.users() : stores.groups()).search(StoreQuery.of(Condition.all(), offset, PAGE))) {
          page = result.items().toList();
        }
        records.addAll(page);
        if (page.size() < PAGE) {
          return records;
        }
      }
    } catch (ScimException e) {
      throw new IllegalStateException("Could not list the records of " + stores.tenantId(), e);
    }
  }

  /** Returns the ids of a group's members. */
  List<String> memberIds(TenantStores stores, String groupId) {
    List<String> ids = new ArrayList<>();
    try {
      for (long offset = 0; ; offset += PAGE) {
        List<String> page;
        try (ResultPage<String> result = stores.groups().members(new MemberQuery(groupId, PageRequest.offset(offset, PAGE)))) {
          page = result.items().toList();
        }
        ids.addAll(page);
        if (page.size() < PAGE) {
          return ids;
        }
      }
    } catch (ScimException e) {
      throw new IllegalStateException("Could not list the members of " + groupId, e);
    }
  }

  /** Returns the display names of the groups each of the given members belongs to, in one store round trip. */
  Map<String, List<String>> groupNamesOf(TenantStores stores, Set<String> memberIds) {
    try {
      Map<String, List<String>> names = new HashMap<>();
      stores.groups().groupsOfMembers(memberIds).forEach((member, groups) -> names.put(member,
          groups.stream().map(group -> string(group.attributes(), "displayName")).filter(Objects::nonNull).toList()));
      return names;
    } catch (ScimException e) {
      throw new IllegalStateException("Could not read the groups of " + memberIds.size() + " members", e);
    }
  }

  /** Returns one user, if the organization has it. */
  Optional<ResourceRecord> user(String id, String memberId) {
    try {
      return stores(id).users().get(memberId);
    } catch (ScimException e) {
      throw new IllegalStateException("Could not read member " + memberId, e);
    }
  }

  /**
   * Returns the e-mail address ScimKit derived for a user ({@code email}), else the first of {@code emails}.
   *
   * @param attributes the user's attributes
   * @return the address, or null
   */
  static String email(Attributes attributes) {
    Optional<String> derived = attributes.getString("email");
    if (derived.isPresent()) {
      return derived.get();
    }
    return attributes.getAll("emails").stream()
        .flatMap(value -> value instanceof ComplexValue complex
            ? complex.get("value").filter(String.class::isInstance).map(String.class::cast).stream()
            : Stream.empty())
        .findFirst().orElse(null);
  }

  /** Returns a single-valued text attribute, or null. */
  static String string(Attributes attributes, String name) {
    return attributes.getString(name).orElse(null);
  }
}
