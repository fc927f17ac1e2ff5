package io.github.scimkit.jersey.container;

import io.github.scimkit.jersey.internal.ErrorBodies;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCIM Error a container sends for a request it refused, logged with a new correlation id.
 *
 * @param status the HTTP status
 * @param correlationId the id of the log line, for the {@code X-Correlation-Id} header
 * @param body the SCIM Error body
 */
record ContainerError(int status, String correlationId, byte[] body) {

  private static final Logger LOG = LoggerFactory.getLogger("scimkit.http");

  /**
   * Logs a refusal and renders its answer.
   *
   * @param status the status the container chose
   * @param container the container's name, for the log
   * @param reason the container's own reason, for the log only
   * @return the error
   */
  static ContainerError refused(int status, String container, String reason) {
    String correlationId = UUID.randomUUID().toString();
    if (status == 500) {
      LOG.error("{} failed a request correlationId={} status={} reason={}", container, correlationId, status, reason);
    } else {
      LOG.info("{} refused a request correlationId={} status={} reason={}", container, correlationId, status, reason);
    }
    return new ContainerError(status, correlationId, ErrorBodies.of(status, null, ErrorBodies.detail(status, correlationId)));
  }
}
