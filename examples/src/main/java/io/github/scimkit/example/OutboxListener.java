package io.github.scimkit.example;

import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.event.LifecycleListener;
import io.github.scimkit.core.store.ResourceRecord;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns committed SCIM changes into outbox messages and log lines. The member status itself was
 * already set by {@link MemberLifecycleHook} in the change's unit of work; this listener only
 * tells people about it. The engine's transactional outbox delivers each event at least once, in
 * order per member, and again after a crash, so a created member always gets its invitation: an
 * invitation is written with its message in one transaction, and not again when the member has
 * one (a notice may repeat after a crash):
 *
 * <ul>
 *   <li>a user created {@code Invited} gets an invitation with an acceptance link;
 *   <li>a revoked member gets a notice, and a restored one another (with an invitation, if it was
 *       created revoked and so never invited);
 *   <li>a deleted member gets a removal notice and its unused invitations are dropped.
 * </ul>
 */
final class OutboxListener implements LifecycleListener {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxListener.class);

  private final Notices notices;
  private final Directory directory;

  OutboxListener(Notices notices, Directory directory) {
    this.notices = Objects.requireNonNull(notices, "notices");
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public void onEvent(LifecycleEvent event) {
    LOG.info("{} {} in {} (request {})", event.getClass().getSimpleName(), event.resourceId(), event.tenantId(),
        event.correlationId());
    String org = event.tenantId();
    String member = event.resourceId();
    if (event instanceof LifecycleEvent.UserCreated created) {
      MemberStatus status = MemberLifecycleHook.statusOf(created.user().attributes());
      if (status == MemberStatus.INVITED && !notices.hasInvitation(org, member)) {
        notices.invite(org, member, Directory.email(created.user().attributes()));
      }
    } else if (event instanceof LifecycleEvent.UserDeactivated) {
      notices.notify(org, "revoked", member, email(org, member),
          "Your access to the organization was revoked by its identity provider.");
    } else if (event instanceof LifecycleEvent.UserReactivated) {
      directory.user(org, member).ifPresent(user -> {
        MemberStatus status = MemberLifecycleHook.statusOf(user.attributes());
        String email = Directory.email(user.attributes());
        notices.notify(org, "restored", member, email,
            "Your access to the organization was restored (" + status.label() + ").");
        if (status == MemberStatus.INVITED && !notices.hasInvitation(org, member)) {
          notices.invite(org, member, email);
        }
      });
    } else if (event instanceof LifecycleEvent.UserDeleted) {
      notices.notify(org, "removed", member, notices.lastRecipient(org, member).orElse(null),
          "You were removed from the organization by its identity provider.");
      notices.forget(org, member);
    }
  }

  private String email(String org, String member) {
    return directory.user(org, member).map(ResourceRecord::attributes).map(Directory::email).orElse(null);
  }
}
