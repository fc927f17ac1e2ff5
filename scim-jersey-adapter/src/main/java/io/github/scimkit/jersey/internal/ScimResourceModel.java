package io.github.scimkit.jersey.internal;

import io.github.scimkit.core.engine.ResourceType;
import io.github.scimkit.core.resource.ResourceKind;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Adds the SCIM endpoints to the host's Jersey application under the configured base path. The
 * endpoints are built in code, so the path and its tenant segment are the host's choice.
 */
public final class ScimResourceModel implements ModelProcessor {

  private static final String PATCH = "PATCH";

  private final ScimRuntime runtime;

  /**
   * Creates the model processor.
   *
   * @param runtime the adapter's shared parts
   */
  public ScimResourceModel(ScimRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
    ResourceModel.Builder builder = new ResourceModel.Builder(model, false);
    String base = runtime.settings().basePath();
    for (ResourceType type : runtime.engine().resourceTypes()) {
      resources(builder, base, type);
    }
    discovery(builder, base);
    Resource.Builder bulk = Resource.builder(base + "/Bulk");
    bulk.addMethod(HttpMethod.POST).handledBy(ScimHandler.factory(runtime, "Bulk").apply(new BulkEndpoint()::bulk));
    builder.addResource(bulk.build());
    Resource.Builder rootSearch = Resource.builder(base + "/.search");
    rootSearch.addMethod(HttpMethod.POST)
        .handledBy(ScimHandler.factory(runtime, "Root").apply(new RootSearchEndpoint()::search));
    builder.addResource(rootSearch.build());
    me(builder, base);
    builder.addResource(health());
    return builder.build();
  }

  @Override
  public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
    return model;
  }

  private void resources(ResourceModel.Builder model, String base, ResourceType type) {
    String name = type.endpoint();
    Function<Endpoint, ScimHandler> handler = ScimHandler.factory(runtime, name);
    ResourceEndpoints endpoints = new ResourceEndpoints(type.kind());
    Resource.Builder collection = Resource.builder(base + "/" + name);
    collection.addMethod(HttpMethod.GET).handledBy(handler.apply(endpoints::list));
    collection.addMethod(HttpMethod.POST).handledBy(handler.apply(endpoints::create));
    collection.addChildResource(".search").addMethod(HttpMethod.POST).handledBy(handler.apply(endpoints::search));
    Resource.Builder one = collection.addChildResource("{id}");
    one.addMethod(HttpMethod.GET).handledBy(handler.apply(endpoints::get));
    one.addMethod(HttpMethod.PUT).handledBy(handler.apply(endpoints::replace));
    one.addMethod(PATCH).handledBy(handler.apply(endpoints::patch));
    one.addMethod(HttpMethod.DELETE).handledBy(handler.apply(endpoints::delete));
    model.addResource(collection.build());
  }

  private void me(ResourceModel.Builder model, String base) {
    Function<Endpoint, ScimHandler> handler = ScimHandler.factory(runtime, "Me");
    ResourceEndpoints users = new ResourceEndpoints(ResourceKind.USER);
    Resource.Builder me = Resource.builder(base + "/Me");
    me.addMethod(HttpMethod.GET).handledBy(handler.apply(users::get));
    me.addMethod(HttpMethod.PUT).handledBy(handler.apply(users::replace));
    me.addMethod(PATCH).handledBy(handler.apply(users::patch));
    me.addMethod(HttpMethod.DELETE).handledBy(handler.apply(users::delete));
    model.addResource(me.build());
  }

  private void discovery(ResourceModel.Builder model, String base) {
    DiscoveryEndpoints endpoints = new DiscoveryEndpoints();
    get(model, base + "/ServiceProviderConfig", "ServiceProviderConfig", endpoints::serviceProviderConfig);
    get(model, base + "/ResourceTypes", "ResourceTypes", endpoints::resourceTypes);
    get(model, base + "/ResourceTypes/{id}", "ResourceTypes", endpoints::resourceType);
    get(model, base + "/Schemas", "Schemas", endpoints::schemas);
    get(model, base + "/Schemas/{id}", "Schemas", endpoints::schema);
  }

  private void get(ResourceModel.Builder model, String path, String name, Endpoint endpoint) {
    Resource.Builder resource = Resource.builder(path);
    resource.addMethod(HttpMethod.GET).handledBy(ScimHandler.factory(runtime, name).apply(endpoint));
    model.addResource(resource.build());
  }

  private Resource health() {
    Resource.Builder health = Resource.builder(runtime.settings().rootPath() + "/health");
    health.addMethod(HttpMethod.GET).handledBy(new HealthInflector(runtime));
    return health.build();
  }

}
