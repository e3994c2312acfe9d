package jp.tetsuzuki.processes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.tetsuzuki.processes.engine.ModelContentCheck.DefinitionKey;
import jp.tetsuzuki.processes.engine.ModelContentCheck.Finding;
import jp.tetsuzuki.processes.engine.ModelContentCheck.Kind;
import jp.tetsuzuki.processes.engine.ModelContentCheck.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** What a designer may put into a deployment, resource by resource. */
class ModelContentCheckTest {

  private final ModelContentCheck check = new ModelContentCheck(ExpressionAllowList.forModels());

  @Test
  void everyPackagedModelDecisionTableAndFormPasses() throws IOException {
    List<String> checked = new ArrayList<>();
    for (String pattern : List.of("classpath*:bpmn/**/*.bpmn", "classpath*:dmn/**/*.dmn", "classpath*:forms/**/*.form")) {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          Report report = check.inspect(resource.getFilename(), in.readAllBytes());
          assertThat(report.findings()).as(resource.getDescription()).isEmpty();
          assertThat(report.keys()).as(resource.getDescription()).isNotEmpty();
          checked.add(resource.getFilename());
        }
      }
    }
    assertThat(checked).contains("administrative-procedure.bpmn", "approval-route.bpmn", "approval-route-rules.dmn",
        "Task_Review.form");
  }

  @Test
  void theAttackModelIsRefusedWithItsElementId() {
    Report report = bpmn("""
        <bpmn:serviceTask id="Task_Escalate" camunda:expression="${execution.getProcessEngineServices().getIdentityService().createMembership('designer','camunda-admin')}"/>
        """);
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.mainElementId()).isEqualTo("Task_Escalate");
      assertThat(f.message()).contains("expression").contains("execution.getProcessEngineServices");
      assertThat(f.line()).isPositive();
    });
  }

  @Test
  void scriptsClassesConnectorsAndOtherLanguagesAreAllListed() {
    Report report = bpmn("""
        <bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>println 'x'</bpmn:script></bpmn:scriptTask>
        <bpmn:serviceTask id="Task_Class" camunda:class="com.example.Evil"/>
        <bpmn:sendTask id="Task_Send" camunda:class="com.example.Evil"/>
        <bpmn:endEvent id="Event_Message"><bpmn:messageEventDefinition camunda:class="com.example.Evil"/></bpmn:endEvent>
        <bpmn:callActivity id="Call_Mapping" calledElement="x" camunda:variableMappingClass="com.example.Evil"/>
        <bpmn:userTask id="Task_Listener" camunda:formRef="f">
          <bpmn:extensionElements>
            <camunda:taskListener event="create" class="com.example.Evil"/>
            <camunda:executionListener event="start"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:executionListener>
            <camunda:inputOutput><camunda:inputParameter name="a"><camunda:script scriptFormat="groovy" resource="deployment://x.groovy"/></camunda:inputParameter></camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:serviceTask id="Task_Connector"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:sequenceFlow id="Flow_Script" sourceRef="a" targetRef="b"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:serviceTask id="Task_Bean" camunda:delegateExpression="${someSpringBean}" camunda:expression="${someSpringBean.method()}"/>
        <bpmn:userTask id="Task_Assignee" camunda:formRef="f" camunda:assignee="${identityService.createUserQuery().singleResult().id}"/>
        <bpmn:intermediateCatchEvent id="Event_Timer"><bpmn:timerEventDefinition><bpmn:timeDuration>${execution.processEngine.managementService}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        """);
    assertThat(report.findings()).extracting(Finding::mainElementId).contains("Task_Script", "Task_Class", "Task_Send",
        "Event_Message", "Call_Mapping", "Task_Listener", "Task_Connector", "Flow_Script", "Task_Bean", "Task_Assignee",
        "Event_Timer");
    assertThat(report.findings()).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("variableMappingClass"))
        .anySatisfy(m -> assertThat(m).contains("スクリプト").contains("scripts"))
        .anySatisfy(m -> assertThat(m).contains("connector"))
        .anySatisfy(m -> assertThat(m).contains("someSpringBean.method"));
  }

  @Test
  void embeddedAndExternalFormsAreRefusedCamundaFormsPass() {
    // found in review: camunda:formKey runs the designer's HTML in staff's browsers and escapes the field allow-list
    Report report = bpmn("""
        <bpmn:userTask id="Task_Embedded" camunda:formKey="embedded:deployment:evil.html"/>
        <bpmn:startEvent id="Event_External" camunda:formKey="https://evil.example/form"/>
        <bpmn:userTask id="Task_Form" camunda:formRef="f" camunda:formRefBinding="latest"/>
        """);
    assertThat(report.findings()).extracting(Finding::mainElementId).contains("Task_Embedded", "Event_External")
        .doesNotContain("Task_Form");
    assertThat(report.findings()).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("camunda:formRef").contains("formKey"));
  }

  @Test
  void anExpressionSplitByACommentIsStillSeenAsTheEngineReadsIt() {
    Report report = bpmn("""
        <bpmn:sequenceFlow id="Flow_Split" sourceRef="a" targetRef="b"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">$<!-- hidden -->{execution.getProcessEngineServices() != null}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="Flow_Entity" sourceRef="a" targetRef="b"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">&#36;{execution.getProcessEngine() != null}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="Flow_Cdata" sourceRef="a" targetRef="b"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[${execution.getProcessEngine() != null}]]></bpmn:conditionExpression></bpmn:sequenceFlow>
        """);
    assertThat(report.findings()).extracting(Finding::mainElementId).contains("Flow_Split", "Flow_Entity", "Flow_Cdata");
  }

  @Test
  void aDoctypeIsRefusedAsBadInput() {
    Report report = check.inspect("x.bpmn", """
        <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(report.findings()).singleElement().extracting(Finding::message).asString().contains("DOCTYPE");
  }

  @Test
  void decisionsMustBeFeelWithoutExternalFunctions() {
    Report report = check.inspect("rules.dmn", """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Rules" name="r" namespace="x">
          <decision id="decision-juel" name="d">
            <decisionTable id="Table_1">
              <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="juel"><text>${execution.getProcessEngine()}</text></inputExpression></input>
              <input id="Input_2"><inputExpression id="InputExpression_2" typeRef="string" expressionLanguage="groovy"><text>1</text></inputExpression></input>
              <output id="Output_1" name="o" typeRef="string"/>
              <rule id="Rule_1">
                <inputEntry id="Entry_1"><text>-</text></inputEntry>
                <inputEntry id="Entry_2"><text>"external"</text></inputEntry>
                <outputEntry id="Out_1"><text>function(x) external { java: { class: "java.lang.Runtime", method signature: "getRuntime()" } }</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
          <decision id="decision-feel" name="ok"><literalExpression id="Literal_1" expressionLanguage="feel"><text>amount > 10</text></literalExpression></decision>
        </definitions>
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(report.findings()).extracting(Finding::mainElementId)
        .containsExactlyInAnyOrder("InputExpression_1", "InputExpression_1", "InputExpression_2", "Out_1");
    assertThat(report.keys()).contains(new DefinitionKey(Kind.DECISION, "decision-juel"),
        new DefinitionKey(Kind.DECISION, "decision-feel"), new DefinitionKey(Kind.DECISION_REQUIREMENTS, "Definitions_Rules"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"script.js", "evil.groovy", "form.html", "case.cmmn", "case.cmmn11.xml", "diagram.svg", "x.py"})
  void otherResourceTypesAreRefused(String name) {
    assertThat(check.inspect(name, "1".getBytes(StandardCharsets.UTF_8)).findings()).isNotEmpty();
  }

  @Test
  void formsNeedAnIdAndValidJson() {
    assertThat(check.inspect("a.form", "{\"id\":\"my-form\",\"components\":[]}".getBytes(StandardCharsets.UTF_8)).keys())
        .containsExactly(new DefinitionKey(Kind.FORM, "my-form"));
    assertThat(check.inspect("b.form", "{\"components\":[]}".getBytes(StandardCharsets.UTF_8)).findings()).isNotEmpty();
    assertThat(check.inspect("c.form", "{not json".getBytes(StandardCharsets.UTF_8)).findings()).isNotEmpty();
  }

  @Test
  void aTenantsModelMayReferOnlyToItsOwnTenantsDefinitions() {
    String calls = """
        <bpmn:callActivity id="Call_Literal" calledElement="x" camunda:calledElementTenantId="%s"/>
        <bpmn:businessRuleTask id="Rule_Variable" camunda:decisionRef="d" camunda:decisionRefTenantId="%s"/>
        """;
    assertThat(bpmn(calls.formatted("demo-ku", "${execution.tenantId}"), "demo-ku").findings()).isEmpty();
    assertThat(bpmn(calls.formatted("demo-shi", "${tenantId}"), "demo-ku").findings())
        .extracting(Finding::mainElementId).containsExactly("Call_Literal", "Rule_Variable");
    // shared models (platform designers) may name any tenant
    assertThat(bpmn(calls.formatted("demo-shi", "${tenantId}"), null).findings()).isEmpty();
  }

  @Test
  void processKeysAreCollected() {
    assertThat(bpmn("<bpmn:startEvent id=\"Event_Start\"/>").keys())
        .containsExactly(new DefinitionKey(Kind.PROCESS, "content-check"));
  }

  private Report bpmn(String body) {
    return bpmn(body, null);
  }

  private Report bpmn(String body, String tenantId) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_Check" targetNamespace="https://tetsuzuki.jp/bpmn">
          <bpmn:process id="content-check" isExecutable="true" camunda:historyTimeToLive="1">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(body);
    return check.inspect("content-check.bpmn", xml.getBytes(StandardCharsets.UTF_8), tenantId);
  }
}
