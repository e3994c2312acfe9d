package jp.tetsuzuki.processes.childcare.points;

import java.util.List;
import java.util.Map;

/**
 * Evaluates one decision of one tenant's points table (DMN): the engine adapter evaluates the tenant's latest
 * deployed version, tests evaluate the packaged file.
 */
public interface PointsDecisions {

  /**
   * The matched rules' outputs, in table order.
   *
   * @throws PointsTableMissingException when the tenant has no such decision (no table for that fiscal year)
   */
  List<Map<String, Object>> evaluate(String tenantId, String decisionKey, Map<String, Object> inputs);
}
