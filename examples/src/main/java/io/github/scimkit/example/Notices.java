package io.github.scimkit.example;

import io.github.scimkit.core.tenant.ApiKeys;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the host tells people: invitations (a single-use acceptance link) and notices, queued in
 * the example's outbox table, where a real application would send e-mail.
 */
public final class Notices {

  private final HostDatabase host;
  private final Organizations organizations;
  private final Supplier<String> baseUrl;
  private final Clock clock;

  Notices(HostDatabase host, Organizations organizations, Supplier<String> baseUrl, Clock clock) {
    this.host = Objects.requireNonNull(host, "host");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Lists an organization's outbox, oldest first.
   *
   * @param id the organization
   * @return the messages
   */
  public List<HostDatabase.OutboxMessage> outbox(String id) {
    organizations.row(id);
    return host.outbox(id);
  }

  /**
   * Sends a member an invitation: an acceptance link with a new single-use token, in the outbox;
   * the invitation and its message are written together.
   *
   * @param id the organization
   * @param memberId the member
   * @param email the address to send it to
   */
  void invite(String id, String memberId, String email) {
    String token = organizations.randomToken();
    String link = baseUrl.get() + "/invitations/" + token + "/accept";
    host.insertInvitation(ApiKeys.hash(token), new HostDatabase.OutboxMessage(0, id, "invitation", memberId,
        email, "You are invited to join " + organizations.row(id).name() + ". Follow the link to accept.", link,
        clock.instant()));
  }

  boolean hasInvitation(String id, String memberId) {
    return host.hasInvitation(id, memberId);
  }

  void notify(String id, String kind, String memberId, String email, String message) {
    host.addToOutbox(id, kind, memberId, email, message, null, clock.instant());
  }

  void forget(String id, String memberId) {
    host.deleteInvitationsOf(id, memberId);
  }

  Optional<String> lastRecipient(String id, String memberId) {
    List<HostDatabase.OutboxMessage> messages = host.outbox(id);
    for (int i = messages.size() - 1; i >= 0; i--) {
      HostDatabase.OutboxMessage message = messages.get(i);
      if (memberId.equals(message.memberId()) && message.recipient() != null) {
        return Optional.of(message.recipient());
      }
    }
    return Optional.empty();
  }
}
