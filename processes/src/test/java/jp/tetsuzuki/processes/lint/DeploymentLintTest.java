package jp.tetsuzuki.processes.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A designer deploying from the Modeler: a user task without a form is refused with a readable reason. */
@PlatformTest
class DeploymentLintTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;

  @Test
  void userTaskWithoutAFormIsRefusedAndOneWithAFormIsDeployed() {
    String key = "lint-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response refused = deploy(key, "");
    assertThat(refused.status()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("フォームが設定されていません").contains("Task_Check");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();

    Http.Response deployed = deploy(key, " camunda:formRef=\"connectivity-check-confirm\" camunda:formRefBinding=\"latest\"");
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isOne();
    repository.deleteDeployment(deployed.json().get("id").asText(), true);
  }

  private Http.Response deploy(String key, String formAttribute) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Lint" targetNamespace="https://tetsuzuki.jp/bpmn">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Event_Started"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Started" targetRef="Task_Check"/>
            <bpmn:userTask id="Task_Check" name="確認"%s/>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Check" targetRef="Event_Done"/>
            <bpmn:endEvent id="Event_Done"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, formAttribute);
    String boundary = "----tetsuzuki" + UUID.randomUUID();
    // designers deploy for a tenant they belong to (shared models: platform designers only)
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nlint\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenant-id\"\r\n\r\ndemo-ku\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key + ".bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    return Http.as("designer", port).post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        body.getBytes(StandardCharsets.UTF_8));
  }
}
