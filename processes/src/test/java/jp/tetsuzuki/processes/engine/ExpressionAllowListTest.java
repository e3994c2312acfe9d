package jp.tetsuzuki.processes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expressions a designer may deploy: what our models use passes, anything reaching further is refused. */
class ExpressionAllowListTest {

  private final ExpressionAllowList allowList = ExpressionAllowList.forModels();

  @ParameterizedTest
  @ValueSource(strings = {
      "plain text without expressions",
      "PT5M",
      "${stepDueDate}",
      "${proposedDecision == 'grant'}",
      "${!complete}",
      "${amount > 100000 && kind != 'procedure' || empty consultees}",
      "${amount >= 0 ? 'high' : 'low'}",
      "${0}",
      "${'procedure'}",
      "${null}",
      "申請 ${caseNumber} の審査",
      "#{execution.processBusinessKey}",
      "${execution.getVariable('procedureCode')}",
      "${task.getVariable('amount')}",
      "${procedureActivities.registerArrival(execution)}",
      "${reviewSteps.reviewStarted(task)}",
      "${documentInspectionSteps.uninspected(execution)}",
      "${approvalRouteActivities.taskCreated(task)}",
      "${approvalRouteActivities.plan}",
      "${now()}",
      "${currentUser()}",
  })
  void whatOurModelsUseIsAllowed(String text) {
    assertThat(allowList.problemsIn(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${execution.getProcessEngineServices().getIdentityService().createMembership('designer','camunda-admin')}",
      "${execution.getProcessEngineServices()}",
      "${execution.processEngine}",
      "${execution.processEngineServices.identityService}",
      "${execution['processEngineServices']}",
      "${task.execution}",
      "${execution.setVariable('x', 1)}",
      "${execution.getVariable(name)}",
      "${identityService.createUserQuery().list()}",
      "${someSpringBean.method()}",
      "${repositoryService.deleteDeployment('x')}",
      "${procedureActivities.getClass().forName('java.lang.Runtime')}",
      "${procedureActivities.getClass()}",
      "${procedureActivities.class}",
      "${procedureActivities.hashCode()}",
      "${procedureActivities['grant']}",
      "${procedureActivities.grant(execution.getProcessEngineServices())}",
      "${procedureActivities.noSuchMethod(execution)}",
      "${approvalRouteActivities.plan.execute(execution)}",
      "${'x'.getClass()}",
      "${dateTime().plusDays(1).toDate()}",
      "${S(payload).prop('x')}",
      "${fn:exec('ls')}",
      "#{execution.getProcessEngine()}",
      "text ${execution.getProcessEngineServices()} text",
      "${unterminated",
      "${a} #{b}",
  })
  void everythingReachingFurtherIsRefused(String text) {
    assertThat(allowList.problemsIn(text)).as(text).isNotEmpty();
  }

  @org.junit.jupiter.api.Test
  void theRefusalNamesWhatAndWhyInJapaneseAndEnglish() {
    assertThat(allowList.problemsIn("${execution.getProcessEngineServices().getIdentityService()}"))
        .singleElement().asString()
        .contains("execution.getProcessEngineServices(…).getIdentityService")
        .contains("許可されていない").contains("not allowed").contains("procedureActivities");
    assertThat(allowList.problemsIn("${procedureActivities.noSuchMethod(execution)}"))
        .singleElement().asString().contains("noSuchMethod").contains("はありません").contains("has no public method");
  }
}
