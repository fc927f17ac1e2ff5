package io.github.scimkit.core.event;

import io.github.scimkit.core.store.ResourceRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened to a tenant's users or groups, reported after commit. Only effective
 * changes are reported: re-adding a present member reports nothing.
 */
public sealed interface LifecycleEvent {

  /**
   * Returns the tenant.
   *
   * @return the tenant id
   */
  String tenantId();

  /**
   * Returns the id of the user or group concerned.
   *
   * @return the resource id
   */
  String resourceId();

  /**
   * Returns the correlation id of the request that caused the event.
   *
   * @return the correlation id
   */
  String correlationId();

  /**
   * Returns when the change was made.
   *
   * @return the time
   */
  Instant occurredAt();

  /**
   * A user was created.
   *
   * @param tenantId the tenant
   * @param resourceId the user
   * @param correlationId the request's correlation id
   * @param occurredAt when
   * @param user the new record
   */
  record UserCreated(String tenantId, String resourceId, String correlationId, Instant occurredAt, ResourceRecord user)
      implements LifecycleEvent {}

  /**
   * A user's attributes changed.
   *
   * @param tenantId the tenant
   * @param resourceId the user
   * @param correlationId the request's correlation id
   * @param occurredAt when
   * @param before the record before
   * @param after the record after
   */
  record UserUpdated(
      String tenantId, String resourceId, String correlationId, Instant occurredAt, ResourceRecord before, ResourceRecord after)
      implements LifecycleEvent {}

  /**
   * A user's {@code active} went from true to false.
   *
   * @param tenantId the tenant
   * @param resourceId the user
   * @param correlationId the request's correlation id
   * @param occurredAt when
   */
  record UserDeactivated(String tenantId, String resourceId, String correlationId, Instant occurredAt)
      implements LifecycleEvent {}

  /**
   * A user's {@code active} went from false to true.
   *
   * @param tenantId the tenant
   * @param resourceId the user
   * @param correlationId the request's correlation id
   * @param occurredAt when
   */
  record UserReactivated(String tenantId, String resourceId, String correlationId, Instant occurredAt)
      implements LifecycleEvent {}

  /**
   * A user was deleted.
   *
   * @param tenantId the tenant
   * @param resourceId the user
   * @param correlationId the request's correlation id
   * @param occurredAt when
   */
  record UserDeleted(String tenantId, String resourceId, String correlationId, Instant occurredAt)
      implements LifecycleEvent {}

  /**
   * A group was created.
   *
   * @param tenantId the tenant
   * @param resourceId the group
   * @param correlationId the request's correlation id
   * @param occurredAt when
   * @param group the new record
   */
  record GroupCreated(String tenantId, String resourceId, String correlationId, Instant occurredAt, ResourceRecord group)
      implements LifecycleEvent {}

  /**
   * A group's attributes changed.
   *
   * @param tenantId the tenant
   * @param resourceId the group
   * @param correlationId the request's correlation id
   * @param occurredAt when
   * @param before the record before
   * @param after the record after
   */
  record GroupUpdated(
      String tenantId, String resourceId, String correlationId, Instant occurredAt, ResourceRecord before, ResourceRecord after)
      implements LifecycleEvent {}

  /**
   * A group was deleted.
   *
   * @param tenantId the tenant
   * @param resourceId the group
   * @param correlationId the request's correlation id
   * @param occurredAt when
   */
  record GroupDeleted(String tenantId, String resourceId, String correlationId, Instant occurredAt)
      implements LifecycleEvent {}

  /**
   * Users became members of a group.
   *
   * @param tenantId the tenant
   * @param resourceId the group
   * @param correlationId the request's correlation id
   * @param occurredAt when
   * @param memberIds the users added, none of whom was a member before
   */
  record MembersAdded(String tenantId, String resourceId, String correlationId, Instant occurredAt, Set<String> memberIds)
      implements LifecycleEvent {

    /** Copies the ids. */
    public MembersAdded {
      memberIds = Set.copyOf(Objects.requireNonNull(memberIds, "memberIds"));
    }
  }

  /**
   * Users stopped being members of a group.
   *
   * @param tenantId the tenant
   * @param resourceId the group
   * @param correlationId the request's correlation id
   * @param occurredAt when
   * @param memberIds the users removed, each of whom was a member before
   */
  record MembersRemoved(String tenantId, String resourceId, String correlationId, Instant occurredAt, Set<String> memberIds)
      implements LifecycleEvent {

    /** Copies the ids. */
    public MembersRemoved {
      memberIds = Set.copyOf(Objects.requireNonNull(memberIds, "memberIds"));
    }
  }
}
