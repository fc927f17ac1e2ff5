package io.github.scimkit.core.event;

/**
 * Receives an audit record for every write, successful or not. The default, {@link
 * LoggingAuditSink}, writes one structured log line. A sink that throws is logged and ignored.
 */
@FunctionalInterface
public interface AuditSink {

  /**
   * Records one write.
   *
   * @param record the audit record
   */
  void record(AuditRecord record);
}
