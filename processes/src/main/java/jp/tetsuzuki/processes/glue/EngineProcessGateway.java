package jp.tetsuzuki.processes.glue;

import java.util.HashMap;
import java.util.Map;
import jp.tetsuzuki.bpmn.CommonVariables;
import jp.tetsuzuki.integrations.port.ProcessGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The in-JVM side of the integrations' port: routes start cases through the engine's Java API. */
@Component
class EngineProcessGateway implements ProcessGateway {

  private final RuntimeService runtime;
  private final IdentityService identity;

  EngineProcessGateway(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public String start(String processKey, String tenantId, String businessKey, Map<String, Object> variables) {
    if (identity.createTenantQuery().tenantId(tenantId).count() == 0) {
      throw new IllegalArgumentException("unknown tenantId '" + tenantId + "'");
    }
    Map<String, Object> all = new HashMap<>(variables);
    all.put(CommonVariables.TENANT_ID, tenantId);
    return runtime.createProcessInstanceByKey(processKey)
        .businessKey(businessKey)
        .setVariables(all)
        .execute()
        .getId();
  }

  @Override
  public boolean existsWithBusinessKey(String processKey, String businessKey) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).count() > 0;
  }
}
