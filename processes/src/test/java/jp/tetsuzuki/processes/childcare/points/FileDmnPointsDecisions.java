package jp.tetsuzuki.processes.childcare.points;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/** Evaluates the packaged tables {@code dmn/tenants/<tenant>/childcare-points-fy<year>.dmn} with the plain DMN engine. */
final class FileDmnPointsDecisions implements PointsDecisions {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> cache = new HashMap<>();

  @Override
  public List<Map<String, Object>> evaluate(String tenantId, String decisionKey, Map<String, Object> inputs) {
    String year = decisionKey.substring(decisionKey.lastIndexOf("fy") + 2);
    String file = "/dmn/tenants/" + tenantId + "/childcare-points-fy" + year + ".dmn";
    DmnDecision decision = cache.computeIfAbsent(tenantId + "/" + decisionKey, k -> {
      try (InputStream in = FileDmnPointsDecisions.class.getResourceAsStream(file)) {
        if (in == null) {
          return null;
        }
        return DMN.parseDecision(decisionKey, in);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    if (decision == null) {
      throw new PointsTableMissingException(tenantId, Integer.parseInt(year));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    DMN.evaluateDecisionTable(decision, Variables.fromMap(new HashMap<>(inputs)))
        .forEach(row -> rows.add(row.getEntryMap()));
    return rows;
  }
}
