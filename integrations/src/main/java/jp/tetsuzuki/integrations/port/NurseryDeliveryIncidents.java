package jp.tetsuzuki.integrations.port;

/**
 * How the outbox route makes a message it gave up on visible on its case; the platform implements it (an entry in
 * the application's history and an incident on its running case).
 */
public interface NurseryDeliveryIncidents {

  /**
   * The message {@code outboxId} ({@code kind} offer or enrollment) of application {@code applicationId} of
   * {@code tenantId} could not be delivered and will not be retried by itself.
   *
   * @param reason why, in English for operators (never personal data)
   */
  void deliveryFailed(String tenantId, String applicationId, String outboxId, String kind, String reason);
}
