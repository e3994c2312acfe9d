package jp.tetsuzuki.workers.rpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every screen step of one bot run, in order. Each step is logged when it happens (so a crash leaves the trail in the
 * log) and the whole trail goes back to the process as JSON (so the case's history shows what the bot did).
 */
public final class AuditTrail {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Called after each step, e.g. to extend the external task's lock. */
  @FunctionalInterface
  public interface StepListener {
    void stepDone(AuditStep step);
  }

  private final String caseNumber;
  private final Clock clock;
  private final StepListener listener;
  private final List<AuditStep> steps = new ArrayList<>();

  AuditTrail(String caseNumber, Clock clock, StepListener listener) {
    this.caseNumber = caseNumber;
    this.clock = clock;
    this.listener = listener;
  }

  void record(String screen, String action, String outcome) {
    AuditStep step = new AuditStep(clock.instant(), screen, action, outcome);
    steps.add(step);
    log.info("legacy-entry case={} step={} screen={} action={} outcome={}", caseNumber, steps.size(), screen, action,
        outcome);
    listener.stepDone(step);
  }

  public List<AuditStep> steps() {
    return List.copyOf(steps);
  }

  /** {@code [{"at":"2025-04-01T00:00:00Z","screen":"ログイン","action":"…","outcome":"…"}]} */
  public String toJson() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (AuditStep step : steps) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("at", step.at().toString());
      row.put("screen", step.screen());
      row.put("action", step.action());
      row.put("outcome", step.outcome());
      rows.add(row);
    }
    try {
      return JSON.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit trail not serializable", e);
    }
  }
}
