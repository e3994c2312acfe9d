package jp.tetsuzuki.processes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.processes.engine.ModelBeans;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Issue 8 item 4 as the attacker tried it: {@code designer} deploys models through {@code /engine-rest} that call
 * engine or Spring beans, deploys shared models, or deploys to tenants of others.
 */
@PlatformTest
class DeploymentGuardHttpTest {

  private static final String PLATFORM_DESIGNER = "tz-guard-platform-designer";
  private static final String PLATFORM_DESIGNER_PASSWORD = "Kyotsu-Sekkei-42!";
  private static final String OTHER_TENANT = "tz-guard-other";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ApplicationContext context;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeWhatWasDeployed() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void designerCannotMakeThemselvesAdministratorThroughAServiceTaskExpression() {
    String key = key("escalate");
    Http.Response refused = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", process(key, """
        <bpmn:serviceTask id="Task_Escalate" camunda:expression="${execution.getProcessEngineServices().getIdentityService().createMembership('designer','camunda-admin')}"/>
        """)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("デプロイを拒否しました").contains("deployment refused")
        .contains("Task_Escalate").contains("execution.getProcessEngineServices");
    JsonNode errors = refused.json().get("details").get(key + ".bpmn").get("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("mainElementId").asText()).isEqualTo("Task_Escalate");
    assertNothingDeployed(key);
    // and the case cannot be started either, so the membership is never created
    Http.Response start = designer().postJson("/engine-rest/process-definition/key/" + key + "/tenant-id/demo-ku/start",
        Map.of("variables", Map.of("tenantId", Map.of("value", "demo-ku"))));
    assertThat(start.status()).isEqualTo(404);
    assertThat(identity.createUserQuery().userId("designer").memberOfGroup(Roles.ADMINISTRATORS).count()).isZero();
  }

  @Test
  void scriptTasksJavaClassesAndSpringBeansAreRefusedWithEveryProblemListed() {
    String key = key("reach");
    Http.Response refused = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", process(key, """
        <bpmn:scriptTask id="Task_Script" scriptFormat="javascript"><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>
        <bpmn:serviceTask id="Task_Class" camunda:class="org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior"/>
        <bpmn:serviceTask id="Task_Bean" camunda:expression="${repositoryService.createDeploymentQuery().list()}"/>
        <bpmn:serviceTask id="Task_Listener" camunda:expression="${procedureActivities != null}">
          <bpmn:extensionElements><camunda:executionListener event="start" expression="${identityService.deleteUser('admin')}"/></bpmn:extensionElements>
        </bpmn:serviceTask>
        """)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode errors = refused.json().get("details").get(key + ".bpmn").get("errors");
    List<String> elements = new ArrayList<>();
    errors.forEach(e -> elements.add(e.get("mainElementId").asText()));
    assertThat(elements).contains("Task_Script", "Task_Class", "Task_Bean", "Task_Listener");
    assertThat(refused.body()).contains("スクリプト").contains("Java クラス").contains("repositoryService.createDeploymentQuery");
    assertNothingDeployed(key);
  }

  @Test
  void eachAttackAloneIsRefused() {
    for (String task : List.of(
        "<bpmn:scriptTask id=\"Task_X\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>",
        "<bpmn:serviceTask id=\"Task_X\" camunda:class=\"com.example.Anything\"/>",
        "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${someSpringBean.method()}\"/>")) {
      String key = key("alone");
      Http.Response refused = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", process(key, task)));
      assertThat(refused.status()).as(task + " → " + refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("Task_X");
      assertNothingDeployed(key);
    }
  }

  @Test
  void designerMayNotDeploySharedModelsNorToTenantsTheyDoNotBelongTo() {
    ensureTenant(OTHER_TENANT);
    String key = key("harmless");
    Http.Response shared = deploy(designer(), null, Map.of(key + ".bpmn", process(key, "")));
    assertThat(shared.status()).as(shared.body()).isEqualTo(403);
    assertThat(shared.body()).contains(Roles.PLATFORM_DESIGNERS).contains("共有モデル");

    Http.Response foreign = deploy(designer(), OTHER_TENANT, Map.of(key + ".bpmn", process(key, "")));
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
    assertThat(foreign.body()).contains(OTHER_TENANT).contains("所属していない");
    assertNothingDeployed(key);
  }

  @Test
  void designerCannotRedeployOrShadowTheSharedModelsForTheirTenant() throws IOException {
    Http.Response shadow = deploy(designer(), "demo-ku",
        Map.of("administrative-procedure.bpmn", packaged("bpmn/administrative-procedure.bpmn")));
    assertThat(shadow.status()).as(shadow.body()).isEqualTo(403);
    assertThat(shadow.body()).contains("administrative-procedure").contains("共有モデル");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("administrative-procedure")
        .tenantIdIn("demo-ku").count()).isZero();

    Http.Response shared = deploy(designer(), null,
        Map.of("administrative-procedure.bpmn", packaged("bpmn/administrative-procedure.bpmn")));
    assertThat(shared.status()).as(shared.body()).isEqualTo(403);
  }

  @Test
  void designerCannotRedeployASharedDeployment() {
    String shared = repository.createProcessDefinitionQuery().processDefinitionKey("connectivity-check")
        .withoutTenantId().latestVersion().singleResult().getDeploymentId();
    Http.Response redeploy = designer().postJson("/engine-rest/deployment/" + shared + "/redeploy", Map.of());
    assertThat(redeploy.status()).as(redeploy.body()).isEqualTo(403);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("connectivity-check").withoutTenantId()
        .latestVersion().singleResult().getDeploymentId()).isEqualTo(shared);
  }

  @Test
  void designerCannotCallDefinitionsOfAnotherTenant() {
    String key = key("cross");
    Http.Response refused = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", process(key, """
        <bpmn:callActivity id="Call_Other" calledElement="administrative-procedure" camunda:calledElementTenantId="demo-shi"/>
        """)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("Call_Other").contains("calledElementTenantId");
    assertNothingDeployed(key);
  }

  @Test
  void designerDeploysAHarmlessModelForTheirTenant() {
    String key = key("harmless");
    Http.Response deployed = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", process(key, """
        <bpmn:serviceTask id="Task_Register" camunda:expression="${procedureActivities.registerArrival(execution)}"/>
        <bpmn:exclusiveGateway id="Gateway_Amount" default="Flow_Low"/>
        <bpmn:endEvent id="Event_Done"/>
        <bpmn:sequenceFlow id="Flow_Low" sourceRef="Gateway_Amount" targetRef="Event_Done"/>
        <bpmn:sequenceFlow id="Flow_High" sourceRef="Gateway_Amount" targetRef="Task_Register"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${amount &gt; 100000 &amp;&amp; execution.getVariable('kind') == 'procedure'}</bpmn:conditionExpression></bpmn:sequenceFlow>
        """)));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    deployments.add(deployed.json().get("id").asText());
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).tenantIdIn("demo-ku").count())
        .isOne();
  }

  @Test
  void designerDeploysOurOwnPackagedModelsDecisionTablesAndFormsForTheirTenant() throws IOException {
    // the route table is a tenant model: deployed as is
    Http.Response table = deploy(designer(), "demo-ku",
        Map.of("approval-route-rules.dmn", packaged("dmn/tenants/demo-ku/approval-route-rules.dmn")));
    assertThat(table.status()).as(table.body()).isEqualTo(200);
    deployments.add(table.json().get("id").asText());

    // the shared models and forms, as a tenant's own copies under new keys: their content passes the check
    String prefix = key("copy") + "-";
    Map<String, byte[]> copies = new LinkedHashMap<>();
    for (String pattern : List.of("classpath*:bpmn/**/*.bpmn", "classpath*:forms/**/*.form")) {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        String text = read(resource);
        String name = resource.getFilename();
        if (name.endsWith(".bpmn")) {
          // the process ids, and every reference to them (diagram planes, call activities)
          java.util.regex.Matcher ids = java.util.regex.Pattern.compile("<bpmn:process id=\"([^\"]+)\"").matcher(text);
          List<String> processIds = new ArrayList<>();
          while (ids.find()) {
            processIds.add(ids.group(1));
          }
          for (String id : processIds) {
            text = text.replace("\"" + id + "\"", "\"" + prefix + id + "\"");
          }
          // a tenant's model may refer only to its own tenant's definitions: the shared approval-route reads the
          // tenant from the variable tenantId, a tenant's copy from the execution
          text = text.replace("TenantId=\"${tenantId}\"", "TenantId=\"${execution.tenantId}\"");
        } else {
          ObjectNode form = (ObjectNode) JSON.readTree(text);
          form.put("id", prefix + form.get("id").asText());
          text = JSON.writeValueAsString(form);
          name = resource.getURL().getPath().replaceAll(".*/forms/", "").replace('/', '-');
        }
        copies.put(name, text.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(copies).containsKeys("administrative-procedure.bpmn", "approval-route.bpmn");
    Http.Response deployed = deploy(designer(), "demo-ku", copies);
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    deployments.add(deployed.json().get("id").asText());
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(prefix + "administrative-procedure")
        .tenantIdIn("demo-ku").count()).isOne();
  }

  @Test
  void platformDesignersDeploySharedModelsAndMayReuseTheirKeysForATenant() {
    Http platformDesigner = platformDesigner();
    String key = key("shared");
    Http.Response shared = deploy(platformDesigner, null, Map.of(key + ".bpmn", process(key, "")));
    assertThat(shared.status()).as(shared.body()).isEqualTo(200);
    deployments.add(shared.json().get("id").asText());

    Http.Response shadowByDesigner = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", process(key, "")));
    assertThat(shadowByDesigner.status()).as(shadowByDesigner.body()).isEqualTo(403);
    assertThat(shadowByDesigner.body()).contains(key);

    Http.Response tenantVersion = deploy(platformDesigner, "demo-ku", Map.of(key + ".bpmn", process(key, "")));
    assertThat(tenantVersion.status()).as(tenantVersion.body()).isEqualTo(200);
    deployments.add(tenantVersion.json().get("id").asText());

    // the content check holds for platform designers as well
    String scripted = key("shared-script");
    Http.Response script = deploy(platformDesigner, null, Map.of(scripted + ".bpmn", process(scripted,
        "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>")));
    assertThat(script.status()).as(script.body()).isEqualTo(400);
    assertNothingDeployed(scripted);
  }

  @Test
  void aFormThatExistsNowhereIsRefusedForUserTasksAndStartEvents() {
    String key = key("noform");
    Http.Response refused = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", withForms(key,
        "tz-no-such-start-form", "tz-no-such-task-form", "latest")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("tz-no-such-task-form", "見つかりません",
        "テナント「demo-ku」", "exists neither in this deployment");
    JsonNode errors = refused.json().get("details").get(key + ".bpmn").get("errors");
    List<String> elements = new ArrayList<>();
    errors.forEach(e -> elements.add(e.get("mainElementId").asText()));
    assertThat(elements).containsExactlyInAnyOrder("Event_Started", "Task_Check");
    assertNothingDeployed(key);

    // administrators may deploy any content, but not a model whose form does not exist
    Http.Response byAdmin = deploy(Http.as("admin", port), null, Map.of(key + ".bpmn", withForms(key,
        null, "tz-no-such-task-form", "latest")));
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(400);
    assertThat(byAdmin.body()).contains("Task_Check").contains("共有の");
    assertNothingDeployed(key);
  }

  @Test
  void designersCannotPickTheFormByAnExpression() {
    // review F5: an expression formRef escapes the deploy-time check that the form exists
    String key = key("exprform");
    Http.Response refused = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", withForms(key, null,
        "${formKeyVar}", "latest")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("式ではなくフォーム ID", "${formKeyVar}",
        "must name a form id, not an expression");
    JsonNode errors = refused.json().get("details").get(key + ".bpmn").get("errors");
    List<String> elements = new ArrayList<>();
    errors.forEach(e -> elements.add(e.get("mainElementId").asText()));
    assertThat(elements).containsExactly("Task_Check");
    assertNothingDeployed(key);

    // administrators may (the form is then theirs to guarantee)
    Http.Response byAdmin = deploy(Http.as("admin", port), null, Map.of(key + ".bpmn", withForms(key, null,
        "${formKeyVar}", "latest")));
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
    deployments.add(byAdmin.json().get("id").asText());
  }

  @Test
  void aFormOfTheDeploymentOfTheTenantOrSharedIsFound() {
    String key = key("forms");
    String form = key + "-confirm";
    // in the same deployment
    Http.Response together = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", withForms(key, null, form,
        "deployment"), form + ".form", form(form)));
    assertThat(together.status()).as(together.body()).isEqualTo(200);
    deployments.add(together.json().get("id").asText());

    // deployed before for the tenant: a new model version finds it by latest and by version, not by deployment
    Http.Response later = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", withForms(key, null, form, "latest")));
    assertThat(later.status()).as(later.body()).isEqualTo(200);
    deployments.add(later.json().get("id").asText());
    Http.Response versioned = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", withForms(key, null, form,
        "version\" camunda:formRefVersion=\"1")));
    assertThat(versioned.status()).as(versioned.body()).isEqualTo(200);
    deployments.add(versioned.json().get("id").asText());
    Http.Response noSuchVersion = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", withForms(key, null, form,
        "version\" camunda:formRefVersion=\"7")));
    assertThat(noSuchVersion.status()).as(noSuchVersion.body()).isEqualTo(400);
    assertThat(noSuchVersion.body()).contains("版 7");
    Http.Response notInDeployment = deploy(designer(), "demo-ku", Map.of(key + ".bpmn", withForms(key, null, form,
        "deployment")));
    assertThat(notInDeployment.status()).as(notInDeployment.body()).isEqualTo(400);
    assertThat(notInDeployment.body()).contains("このデプロイに含まれていません");

    // another tenant's form is not there for デモ市 (whose cases could not open it)
    String other = key("forms-shi");
    Http.Response foreign = deploy(designer(), "demo-shi", Map.of(other + ".bpmn", withForms(other, null, form,
        "latest")));
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(400);
    assertThat(foreign.body()).contains(form).contains("テナント「demo-shi」");
    assertNothingDeployed(other);

    // a shared form is there for every tenant
    Http.Response shared = deploy(designer(), "demo-shi", Map.of(other + ".bpmn", withForms(other,
        "connectivity-check-confirm", "connectivity-check-confirm", "latest")));
    assertThat(shared.status()).as(shared.body()).isEqualTo(200);
    deployments.add(shared.json().get("id").asText());
  }

  private static String withForms(String key, String startForm, String taskForm, String binding) {
    String start = startForm == null ? "<bpmn:startEvent id=\"Event_Started\"/>"
        : "<bpmn:startEvent id=\"Event_Started\" camunda:formRef=\"" + startForm + "\" camunda:formRefBinding=\""
            + binding + "\"/>";
    return process(key, """
        <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Started" targetRef="Task_Check"/>
        <bpmn:userTask id="Task_Check" name="確認" camunda:formRef="%s" camunda:formRefBinding="%s"/>
        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Check" targetRef="Event_Done"/>
        <bpmn:endEvent id="Event_Done"/>
        """.formatted(taskForm, binding)).replace("<bpmn:startEvent id=\"Event_Started\"/>", start);
  }

  private static String form(String id) {
    return "{\"id\":\"" + id + "\",\"type\":\"default\",\"schemaVersion\":16,\"components\":[{\"type\":"
        + "\"checkbox\",\"key\":\"confirmed\",\"label\":\"確認しました\"}]}";
  }

  @Test
  void administratorsMayDeployAnything() {
    String key = key("admin");
    Http.Response deployed = deploy(Http.as("admin", port), null, Map.of(key + ".bpmn", process(key, """
        <bpmn:scriptTask id="Task_Script" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
        <bpmn:serviceTask id="Task_Class" camunda:class="com.example.Anything"/>
        <bpmn:serviceTask id="Task_Engine" camunda:expression="${execution.getProcessEngineServices()}"/>
        """)));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    deployments.add(deployed.json().get("id").asText());
  }

  @Test
  void expressionsSeeOnlyTheModelBeansWhoeverDeployedTheModel() {
    String key = key("beans");
    deployments.add(repository.createDeployment().addString(key + ".bpmn", process(key, """
        <bpmn:serviceTask id="Task_Allowed" camunda:expression="${procedureActivities != null}" camunda:resultVariable="allowedBean"/>
        <bpmn:serviceTask id="Task_Other" camunda:expression="${identityService != null}" camunda:resultVariable="otherBean"/>
        """).replace("<bpmn:startEvent id=\"Event_Started\"/>", """
        <bpmn:startEvent id="Event_Started"/>
        <bpmn:sequenceFlow id="Flow_A" sourceRef="Event_Started" targetRef="Task_Allowed"/>
        <bpmn:sequenceFlow id="Flow_B" sourceRef="Task_Allowed" targetRef="Task_Other"/>
        """)).deploy().getId());
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, Map.of("tenantId", "demo-ku")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("identityService");

    for (Map.Entry<String, Class<?>> bean : ModelBeans.ALLOWED.entrySet()) {
      assertThat(context.getBean(bean.getKey())).as(bean.getKey()).isInstanceOf(bean.getValue());
    }
  }

  @Test
  void javaApiCallersAreCheckedAsWell() {
    String key = key("java");
    String scripted = process(key, "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script>"
        + "</bpmn:scriptTask>");
    ensureTenant(OTHER_TENANT);
    try {
      // as the webapps and the REST set it: groups and tenants listed
      identity.setAuthentication("designer", List.of(Roles.DESIGNERS), List.of("demo-ku", "demo-shi"));
      assertThatThrownBy(() -> repository.createDeployment().tenantId("demo-ku").addString(key + ".bpmn", scripted)
          .deploy()).isInstanceOf(org.camunda.bpm.engine.ParseException.class).hasMessageContaining("Task_Script");
      // without the tenant list (the engine's own checks need the groups): tenants are looked up
      identity.setAuthentication("designer", List.of(Roles.DESIGNERS));
      assertThatThrownBy(() -> repository.createDeployment().tenantId(OTHER_TENANT)
          .addString(key + ".bpmn", process(key, "")).deploy())
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining(OTHER_TENANT);
      assertThatThrownBy(() -> repository.createDeployment().addString(key + ".bpmn", process(key, "")).deploy())
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
          .hasMessageContaining(Roles.PLATFORM_DESIGNERS);
      assertThatThrownBy(() -> repository.createDeployment().tenantId("demo-ku").addString(key + ".bpmn", scripted)
          .deploy()).isInstanceOf(org.camunda.bpm.engine.ParseException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertNothingDeployed(key);
  }

  @Test
  void reloadingAnAdministratorsModelIntoTheCacheIsNotADeployment() {
    String key = key("reload");
    String deployment = repository.createDeployment().addString(key + ".bpmn", process(key,
        "<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"com.example.Anything\"/>")).deploy().getId();
    deployments.add(deployment);
    String definitionId = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
    ((org.camunda.bpm.engine.impl.ProcessEngineImpl) engine).getProcessEngineConfiguration().getDeploymentCache()
        .discardProcessDefinitionCache();
    try {
      identity.setAuthentication("designer", List.of(Roles.DESIGNERS), List.of("demo-ku", "demo-shi"));
      // the engine re-parses the deployment to answer; the designer did not deploy anything
      assertThat(repository.getBpmnModelInstance(definitionId)).isNotNull();
      assertThat(repository.getProcessDefinition(definitionId).getKey()).isEqualTo(key);
    } finally {
      identity.clearAuthentication();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  private Http designer() {
    return Http.as("designer", port);
  }

  private Http platformDesigner() {
    if (identity.createGroupQuery().groupId(Roles.PLATFORM_DESIGNERS).count() == 0) {
      var group = identity.newGroup(Roles.PLATFORM_DESIGNERS);
      group.setName("共通モデル設計者");
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(PLATFORM_DESIGNER).count() == 0) {
      User user = identity.newUser(PLATFORM_DESIGNER);
      user.setFirstName("共通");
      user.setLastName("設計");
      user.setPassword(PLATFORM_DESIGNER_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(PLATFORM_DESIGNER, Roles.PLATFORM_DESIGNERS);
      // the deployment permissions come with the designers group
      identity.createMembership(PLATFORM_DESIGNER, Roles.DESIGNERS);
      identity.createTenantUserMembership("demo-ku", PLATFORM_DESIGNER);
    }
    return Http.as(PLATFORM_DESIGNER, PLATFORM_DESIGNER_PASSWORD, port);
  }

  private void ensureTenant(String tenantId) {
    if (identity.createTenantQuery().tenantId(tenantId).count() == 0) {
      var tenant = identity.newTenant(tenantId);
      tenant.setName("他の自治体");
      identity.saveTenant(tenant);
    }
  }

  private void assertNothingDeployed(String key) {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    assertThat(repository.createDeploymentQuery().deploymentName(key).count()).isZero();
  }

  private static String key(String what) {
    return "guard-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String process(String key, String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_Guard" targetNamespace="https://tetsuzuki.jp/bpmn">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Event_Started"/>
        %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, elements);
  }

  private static byte[] packaged(String path) throws IOException {
    try (InputStream in = DeploymentGuardHttpTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }

  private static String read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Http.Response deploy(Http as, String tenantId, Map<String, ?> resources) {
    String boundary = "----tetsuzuki" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String name = resources.keySet().iterator().next().replaceAll("\\.(bpmn|dmn|form)$", "");
    field(body, boundary, "deployment-name", name);
    if (tenantId != null) {
      field(body, boundary, "tenant-id", tenantId);
    }
    resources.forEach((resource, content) -> {
      byte[] bytes = content instanceof byte[] b ? b : content.toString().getBytes(StandardCharsets.UTF_8);
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + resource + "\"; filename=\""
          + resource + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(bytes);
      write(body, "\r\n");
    });
    write(body, "--" + boundary + "--\r\n");
    return as.post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
  }

  private static void write(ByteArrayOutputStream body, String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
