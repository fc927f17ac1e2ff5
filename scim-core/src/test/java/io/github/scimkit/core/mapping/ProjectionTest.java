package io.github.scimkit.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import io.github.scimkit.core.projection.Projection;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The projection over real mappings; here, beside the test mappings that declare a password. */
class ProjectionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ResourceMapping users = ScimMapping.defaults().users();

  private static GenericScimResource resource(String json) throws Exception {
    return new GenericScimResource((ObjectNode) JSON.readTree(json));
  }

  @Test
  void theDefaultProjectionLeavesAResourceWithoutHiddenAttributesAsItIs() throws Exception {
    String json = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"u1\","
        + "\"userName\":\"bjensen\",\"name\":{\"givenName\":\"Barbara\"},\"emails\":[{\"value\":\"b@x.example\"}],"
        + "\"meta\":{\"resourceType\":\"User\"}}";
    GenericScimResource user = resource(json);

    Projection.defaults(users).apply(user);

    assertThat(user.getObjectNode()).isEqualTo(JSON.readTree(json));
  }

  @Test
  void theDefaultProjectionStillRemovesAReturnedNeverAttributeWhateverItsCase() throws Exception {
    for (String name : new String[] {"password", "PASSWORD"}) {
      GenericScimResource user = resource("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
          + "\"id\":\"u1\",\"userName\":\"bjensen\",\"" + name + "\":\"secret\"}");

      Projection.of(CustomMappings.usersWithPassword(), Optional.empty(), Optional.empty()).apply(user);

      assertThat(user.getObjectNode().has(name)).as(name).isFalse();
      assertThat(user.getObjectNode().path("userName").asText()).isEqualTo("bjensen");
    }
  }

  @Test
  void projectionParametersStillTrim() throws Exception {
    GenericScimResource excluded = resource("{\"id\":\"u1\",\"userName\":\"bjensen\",\"displayName\":\"Babs\"}");
    Projection.of(users, Optional.empty(), Optional.of("displayName")).apply(excluded);
    assertThat(excluded.getObjectNode().has("displayName")).isFalse();

    GenericScimResource included = resource("{\"id\":\"u1\",\"userName\":\"bjensen\",\"displayName\":\"Babs\"}");
    Projection.of(users, Optional.of("userName"), Optional.empty()).apply(included);
    assertThat(included.getObjectNode().has("displayName")).isFalse();
    assertThat(included.getObjectNode().path("id").asText()).isEqualTo("u1");
  }
}
