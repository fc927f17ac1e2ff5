package io.github.scimkit.spring.boot;

import com.unboundid.scim2.common.exceptions.ScimException;
import org.springframework.stereotype.Component;

/** The application code docs/embedding.md quotes for the starter: onboarding a tenant. */
@Component
class Onboarding {
  private final ScimTenants tenants;

  Onboarding(ScimTenants tenants) {
    this.tenants = tenants;
  }

  String enableScim(String organizationId) throws ScimException {
    tenants.create(organizationId);              // 409 ResourceConflictException when it exists
    return tenants.issueKey(organizationId);     // show once; only its hash is kept
  }
}
