package jp.tetsuzuki.processes.childcare.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.processes.childcare.points.PointsDecisions;
import jp.tetsuzuki.processes.childcare.points.PointsTableMissingException;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import jp.tetsuzuki.processes.identity.AsPlatform;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import java.util.function.Supplier;

/** Evaluates the tenant's latest deployed version of a points decision (its own deployment, not another tenant's). */
public class EnginePointsDecisions implements PointsDecisions {

  private final Supplier<DecisionService> decisions;
  private final Supplier<RepositoryService> repository;
  private final Supplier<IdentityService> identity;

  public EnginePointsDecisions(Supplier<DecisionService> decisions, Supplier<RepositoryService> repository,
      Supplier<IdentityService> identity) {
    this.decisions = decisions;
    this.repository = repository;
    this.identity = identity;
  }

  @Override
  public List<Map<String, Object>> evaluate(String tenantId, String decisionKey, Map<String, Object> inputs) {
    // the platform's own evaluation: the staff member whose completion scores the case holds no decision grant
    return AsPlatform.call(identity.get(), () -> evaluateAsPlatform(tenantId, decisionKey, inputs));
  }

  private List<Map<String, Object>> evaluateAsPlatform(String tenantId, String decisionKey,
      Map<String, Object> inputs) {
    if (repository.get().createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).tenantIdIn(tenantId)
        .count() == 0) {
      String year = decisionKey.replaceAll("\\D", "");
      throw new PointsTableMissingException(tenantId, year.isEmpty() ? 0 : Integer.parseInt(year));
    }
    DmnDecisionResult result = decisions.get().evaluateDecisionByKey(decisionKey).decisionDefinitionTenantId(tenantId)
        .variables(new java.util.HashMap<>(inputs)).evaluate();
    List<Map<String, Object>> rows = new ArrayList<>();
    result.forEach(row -> rows.add(row.getEntryMap()));
    return rows;
  }
}
