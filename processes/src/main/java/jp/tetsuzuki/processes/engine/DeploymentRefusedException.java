package jp.tetsuzuki.processes.engine;

import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment whose content a designer may not deploy. A {@link ParseException}, so the engine REST answers
 * HTTP 400 with the problems per resource ({@code details.<resource>.errors[]}: message, line, column, element id)
 * — the same shape the Modeler shows for BPMN parse errors.
 */
public class DeploymentRefusedException extends ParseException {

  private static final long serialVersionUID = 1L;

  public DeploymentRefusedException(List<ModelContentCheck.Report> refused) {
    super(message(refused), refused.get(0).resourceName(), problems(refused.get(0)), List.of());
    resorceReports.clear();
    for (ModelContentCheck.Report report : refused) {
      resorceReports.add(new ResourceReportImpl(report.resourceName(), problems(report), List.of()));
    }
  }

  private static List<Problem> problems(ModelContentCheck.Report report) {
    return List.copyOf(report.findings());
  }

  private static String message(List<ModelContentCheck.Report> refused) {
    int count = refused.stream().mapToInt(r -> r.findings().size()).sum();
    StringBuilder text = new StringBuilder("デプロイを拒否しました（問題 " + count + " 件）。 / deployment refused (" + count
        + " problem" + (count == 1 ? "" : "s") + "):");
    for (ModelContentCheck.Report report : refused) {
      for (ModelContentCheck.Finding finding : report.findings()) {
        text.append("\n- ").append(report.resourceName());
        if (finding.mainElementId() != null) {
          text.append(" [").append(finding.mainElementId()).append(']');
        }
        if (finding.line() > 0) {
          text.append(" (").append(finding.line()).append(':').append(finding.column()).append(')');
        }
        text.append(": ").append(finding.message());
      }
    }
    return text.toString();
  }
}
