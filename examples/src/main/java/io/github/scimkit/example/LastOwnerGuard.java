package io.github.scimkit.example;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.event.PendingWrite;
import io.github.scimkit.core.event.WriteHook;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.Attributes;
import java.util.Objects;

/**
 * Refuses a SCIM {@code DELETE} of an organization's last Owner (400, {@code scimType: mutability}),
 * as Bitwarden refuses to leave an organization without an owner; every other write goes on to the
 * wrapped hook. Make another member Owner (in the admin API or through provisioning) first.
 */
final class LastOwnerGuard implements WriteHook {

  private final MemberRoles roles;
  private final WriteHook next;

  LastOwnerGuard(MemberRoles roles, WriteHook next) {
    this.roles = Objects.requireNonNull(roles, "roles");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public Attributes beforeWrite(PendingWrite write) throws ScimException {
    if (write.kind() == ResourceKind.USER && write.operation() == WriteOperation.DELETE
        && roles.isLastOwner(write.tenantId(), write.resourceId())) {
      throw BadRequestException.mutability("This member is the organization's last Owner and cannot be removed"
          + " by provisioning; make another member Owner first");
    }
    return next.beforeWrite(write);
  }
}
