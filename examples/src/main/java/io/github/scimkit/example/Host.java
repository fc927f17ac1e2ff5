package io.github.scimkit.example;

import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.profile.IdpProfiles;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The host application's services over one {@link Storage}: what the admin API, the invitation
 * links and the lifecycle listener call.
 *
 * @param organizations organizations, SCIM settings and keys, the admin token
 * @param members members and groups, accept and confirm
 * @param notices invitations and notices (the outbox table)
 * @param roles members' roles and the group-to-role rules
 * @param directory what SCIM provisioned, as the host reads it
 */
record Host(Organizations organizations, Members members, Notices notices, MemberRoles roles, Directory directory) {

  static Host create(Storage storage, ScimMapping mapping, IdpProfiles profiles, Supplier<String> baseUrl, Clock clock) {
    Directory directory = new Directory(storage);
    Organizations organizations = new Organizations(storage, directory, profiles, baseUrl, clock);
    Notices notices = new Notices(storage.host, organizations, baseUrl, clock);
    MemberRoles roles = new MemberRoles(storage.host, organizations, directory);
    Members members = new Members(storage.host, organizations, directory, notices, roles,
        mapping.users().uniqueAttributes(), clock);
    return new Host(organizations, members, notices, roles, directory);
  }
}
