package io.github.scimkit.core.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default audit sink: one {@code key=value} line per write on the {@code scimkit.audit}
 * logger, at INFO for successes and WARN for failures.
 */
public final class LoggingAuditSink implements AuditSink {

  private static final Logger LOG = LoggerFactory.getLogger("scimkit.audit");

  @Override
  public void record(AuditRecord record) {
    String line = String.format(
        "audit tenant=%s principal=%s correlationId=%s resource=%s operation=%s id=%s status=%d outcome=%s",
        record.tenantId(),
        record.principal(),
        record.correlationId(),
        record.kind(),
        record.operation(),
        record.resourceId().orElse("-"),
        record.status(),
        record.succeeded() ? "success" : "failure");
    if (record.succeeded()) {
      LOG.info(line);
    } else {
      LOG.warn(line);
    }
  }
}
