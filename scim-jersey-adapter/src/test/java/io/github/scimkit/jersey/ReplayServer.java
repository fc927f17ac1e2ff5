package io.github.scimkit.jersey;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryApiKeyStore;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import io.github.scimkit.core.tenant.ApiKeys;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The server the IdP replays talk to: a real Grizzly server on a random port with ScimFeature over
 * in-memory stores, as {@link TestServer}, but whose engine a test may build with its own mapping
 * (Entra's replay adds the enterprise extension). Also reads the stores back for the replays'
 * final-state checks.
 */
final class ReplayServer implements AutoCloseable {

  final InMemoryStoreProvider stores = new InMemoryStoreProvider();
  private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
  private final HttpServer server;
  private final URI root;

  ReplayServer() {
    this(builder -> builder);
  }

  ReplayServer(UnaryOperator<ScimEngine.Builder> engine) {
    ScimEngine built = engine.apply(ScimEngine.builder().stores(stores).auditSink(record -> { })).build();
    ResourceConfig config = new ResourceConfig()
        .register(ScimFeature.builder(built, new ApiKeyAuthenticator(keys)).basePath("scim/v2/{tenant}").build());
    server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, true);
    root = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
  }

  /** Creates a tenant on an IdP profile (lenient) and returns an API key for it. */
  String tenant(String id, String profile) {
    stores.createTenant(id, TenantSettings.defaults().withIdpProfile(profile));
    try {
      ApiKeys.IssuedKey issued = new ApiKeys().issue(id, Instant.now());
      keys.replaceAll(issued.record());
      return issued.key();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tenant's SCIM base, ending with {@code /}. */
  URI base(String tenant) {
    return root.resolve("scim/v2/" + tenant + "/");
  }

  /** Puts the tenant on an IdP profile, lenient. */
  void useProfile(String tenant, String profile) {
    stores.updateSettings(tenant, TenantSettings.defaults().withIdpProfile(profile));
  }

  /** Puts the tenant on the generic profile, strict: the interop profile, no tolerances. */
  void useStrictGeneric(String tenant) {
    stores.updateSettings(tenant, TenantSettings.defaults().withMode(ScimMode.STRICT));
  }

  /**
   * Creates a tenant on an IdP profile and replays a conversation on it, sending each step first
   * under strict generic mode (see {@link Conversation#probeStrict}).
   */
  Conversation.Transcript probeStrict(String tenant, String profile, Conversation conversation) {
    String key = tenant(tenant, profile);
    return conversation.probeStrict(base(tenant), key,
        () -> useStrictGeneric(tenant), () -> useProfile(tenant, profile), () -> fingerprint(tenant));
  }

  private TenantStores stores(String tenant) {
    return stores.tenant(tenant).orElseThrow();
  }

  /** A user's stored attributes, or empty when there is no such user. */
  Optional<Attributes> user(String tenant, String id) {
    try {
      return stores(tenant).users().get(id).map(ResourceRecord::attributes);
    } catch (ScimException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A group's stored attributes, or empty when there is no such group. */
  Optional<Attributes> group(String tenant, String id) {
    try {
      return stores(tenant).groups().get(id).map(ResourceRecord::attributes);
    } catch (ScimException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every stored user. */
  List<ResourceRecord> users(String tenant) {
    return all(stores(tenant).users());
  }

  /** Every stored group. */
  List<ResourceRecord> groups(String tenant) {
    return all(stores(tenant).groups());
  }

  /** A group's member ids, ascending. */
  List<String> members(String tenant, String groupId) {
    try (ResultPage<String> page = stores(tenant).groups().members(new MemberQuery(groupId, PageRequest.offset(0, 10_000)))) {
      return page.items().toList();
    } catch (ScimException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The ids of the groups a user is in. */
  List<String> groupsOf(String tenant, String userId) {
    try (Stream<String> ids = stores(tenant).groups().groupsOf(userId)) {
      return ids.toList();
    } catch (ScimException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A text that changes whenever anything the tenant stores changes. */
  String fingerprint(String tenant) {
    StringBuilder text = new StringBuilder();
    for (ResourceRecord user : users(tenant)) {
      text.append("user ").append(user.id()).append(" v").append(user.version()).append(user.attributes()).append('\n');
    }
    for (ResourceRecord group : groups(tenant)) {
      text.append("group ").append(group.id()).append(" v").append(group.version()).append(group.attributes())
          .append(" members=").append(members(tenant, group.id())).append('\n');
    }
    return text.toString();
  }

  private static List<ResourceRecord> all(RecordStore store) {
    try (ResultPage<ResourceRecord> page =
             store.search(new StoreQuery(Condition.all(), Sort.BY_ID, PageRequest.offset(0, 10_000)))) {
      return page.items().toList();
    } catch (ScimException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
