package jp.tetsuzuki.integrations.port;

import java.util.Map;

/** What routes need from the engine; the platform implements it. */
public interface ProcessGateway {

  /**
   * Starts a case of the model {@code processKey} for the municipality {@code tenantId}.
   *
   * @return the process instance id
   * @throws IllegalArgumentException when the tenant or the model is unknown
   */
  String start(String processKey, String tenantId, String businessKey, Map<String, Object> variables);

  /** Whether a case of the model already carries this business key (to start nothing twice). */
  boolean existsWithBusinessKey(String processKey, String businessKey);
}
