package jp.tetsuzuki.processes.childcare.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.processes.childcare.points.PointsDecisions;
import jp.tetsuzuki.processes.childcare.points.PointsTableMissingException;
import jp.tetsuzuki.processes.childcare.points.HouseholdPoints;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** Evaluates the tenant's latest deployed version of a points decision (its own deployment, not another tenant's). */
@Component
public class EnginePointsDecisions implements PointsDecisions {

  private final DecisionService decisions;
  private final RepositoryService repository;

  public EnginePointsDecisions(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  @Override
  public List<Map<String, Object>> evaluate(String tenantId, String decisionKey, Map<String, Object> inputs) {
    if (repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).tenantIdIn(tenantId)
        .count() == 0) {
      String year = decisionKey.replaceAll("\\D", "");
      throw new PointsTableMissingException(tenantId, year.isEmpty() ? 0 : Integer.parseInt(year));
    }
    DmnDecisionResult result = decisions.evaluateDecisionByKey(decisionKey).decisionDefinitionTenantId(tenantId)
        .variables(new java.util.HashMap<>(inputs)).evaluate();
    List<Map<String, Object>> rows = new ArrayList<>();
    result.forEach(row -> rows.add(row.getEntryMap()));
    return rows;
  }

  /** The household points service over this tenant-aware evaluation. */
  public HouseholdPoints householdPoints() {
    return new HouseholdPoints(this);
  }
}
