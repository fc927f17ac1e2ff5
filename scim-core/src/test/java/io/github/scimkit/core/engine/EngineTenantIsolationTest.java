package io.github.scimkit.core.engine;

import io.github.scimkit.core.request.RequestContext;

import static io.github.scimkit.core.engine.ScimBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tenants are isolated")
class EngineTenantIsolationTest {

  private static final RequestContext TENANT_A = new RequestContext("a", "key-a", "corr-a");
  private static final RequestContext TENANT_B = new RequestContext("b", "key-b", "corr-b");

  private ScimEngine engine;
  private String groupOfA;
  private String userOfB;

  @BeforeEach
  void setUp() throws ScimException {
    InMemoryStoreProvider provider = new InMemoryStoreProvider();
    provider.createTenant("a");
    provider.createTenant("b");
    engine = ScimEngine.builder().stores(provider).auditSink(audit -> { }).build();
    groupOfA = engine.create(TENANT_A, ResourceKind.GROUP, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Eng'}")).id();
    userOfB = engine.create(TENANT_B, ResourceKind.USER, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'bob'}")).id();
  }

  @Test
  @DisplayName("a group PATCH in tenant A naming a user of tenant B fails with 400 invalidValue and changes nothing")
  void foreignMember() throws ScimException {
    assertThatThrownBy(() -> engine.patch(TENANT_A, ResourceKind.GROUP, groupOfA, json(
            "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':[{'op':'add','path':'members','value':[{'value':'" + userOfB + "'}]}]}"),
            OptionalLong.empty()))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo("invalidValue"));
    try (Stream<String> members = engine.members(TENANT_A, groupOfA)) {
      assertThat(members).isEmpty();
    }
    assertThat(engine.get(TENANT_A, ResourceKind.GROUP, groupOfA).version()).isEqualTo(1);
    assertThat(engine.get(TENANT_B, ResourceKind.USER, userOfB).version()).isEqualTo(1);
    try (SearchResults groupsOfB = engine.search(TENANT_B, ResourceKind.GROUP, SearchParameters.all())) {
      assertThat(groupsOfB.totalResults()).isZero();
    }
  }

  @Test
  @DisplayName("reading tenant B's user through tenant A answers 404")
  void foreignRead() {
    assertThatThrownBy(() -> engine.get(TENANT_A, ResourceKind.USER, userOfB))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
