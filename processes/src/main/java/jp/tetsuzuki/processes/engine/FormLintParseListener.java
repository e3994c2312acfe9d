package jp.tetsuzuki.processes.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Deploy-time part of the model lint: a user task without a form would leave staff with a bare variable editor, so
 * a deployment containing one is refused with a message the designer can act on (the build-time lint checks more).
 */
class FormLintParseListener extends AbstractBpmnParseListener {

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    String formRef = userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    String formKey = userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey");
    if (isBlank(formRef) && isBlank(formKey)) {
      throw new ProcessEngineException("ユーザータスク「" + nameOf(userTaskElement) + "」(" + activity.getId()
          + ") にフォームが設定されていません。camunda:formRef で forms のフォームを指定してください。 / user task '"
          + activity.getId() + "' has no form (camunda:formRef)");
    }
  }

  private static String nameOf(Element element) {
    String name = element.attribute("name");
    return isBlank(name) ? element.attribute("id") : name;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
