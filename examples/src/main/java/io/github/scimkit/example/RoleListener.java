package io.github.scimkit.example;

import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.event.LifecycleListener;
import java.util.List;
import java.util.Objects;

/**
 * Re-evaluates members' roles ({@link MemberRoles}) after the SCIM changes that can move them: a
 * user created or its {@code roles} changed, members added to or removed from a group, a group
 * created, renamed or deleted (the last three only when the organization has group-to-role rules),
 * and a user deleted (its role row goes). The engine's transactional outbox delivers each event at
 * least once, also after a crash; the evaluation reads the current state, so a repeat changes
 * nothing.
 */
final class RoleListener implements LifecycleListener {

  private final MemberRoles roles;

  RoleListener(MemberRoles roles) {
    this.roles = Objects.requireNonNull(roles, "roles");
  }

  @Override
  public void onEvent(LifecycleEvent event) {
    String org = event.tenantId();
    if (event instanceof LifecycleEvent.UserCreated || event instanceof LifecycleEvent.UserDeleted) {
      roles.reevaluate(org, List.of(event.resourceId()));
    } else if (event instanceof LifecycleEvent.UserUpdated updated) {
      if (!updated.before().attributes().getAll("roles").equals(updated.after().attributes().getAll("roles"))) {
        roles.reevaluate(org, List.of(event.resourceId()));
      }
    } else if (event instanceof LifecycleEvent.MembersAdded added) {
      roles.reevaluate(org, added.memberIds());
    } else if (event instanceof LifecycleEvent.MembersRemoved removed) {
      roles.reevaluate(org, removed.memberIds());
    } else if (event instanceof LifecycleEvent.GroupUpdated updated) {
      if (!Objects.equals(Directory.string(updated.before().attributes(), "displayName"),
          Directory.string(updated.after().attributes(), "displayName")) && roles.hasRules(org)) {
        roles.reevaluateAll(org);
      }
    } else if ((event instanceof LifecycleEvent.GroupCreated || event instanceof LifecycleEvent.GroupDeleted)
        && roles.hasRules(org)) {
      roles.reevaluateAll(org);
    }
  }
}
