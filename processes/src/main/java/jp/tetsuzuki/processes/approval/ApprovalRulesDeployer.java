package jp.tetsuzuki.processes.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.processes.identity.StartupInitializer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys each tenant's route table ({@code dmn/tenants/<tenant>/approval-route-rules.dmn}) as a deployment of that
 * tenant, for the tenants that exist. Unchanged tables are not deployed again (duplicate filtering per tenant); a
 * changed table becomes the tenant's latest version, which the next case uses — the shared model is not redeployed.
 * Designers can deploy a new version the same way through {@code /engine-rest/deployment/create} with
 * {@code tenant-id}.
 */
@Component
@Order(30)
public class ApprovalRulesDeployer implements StartupInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalRulesDeployer.class);
  static final String PATTERN = "classpath*:dmn/tenants/*/" + ApprovalRoute.DECISION_ROUTE_RULES + ".dmn";
  public static final String DEPLOYMENT_NAME = ApprovalRoute.DECISION_ROUTE_RULES;

  private final RepositoryService repository;
  private final IdentityService identity;

  public ApprovalRulesDeployer(RepositoryService repository, IdentityService identity) {
    this.repository = repository;
    this.identity = identity;
  }

  @Override
  public void initialize() {
    deployTenantTables();
  }

  /** Returns the ids of the deployments made (empty when every table was unchanged). */
  public List<String> deployTenantTables() {
    List<String> deployed = new ArrayList<>();
    try {
      for (Resource table : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
        String tenantId = tenantOf(table);
        if (identity.createTenantQuery().tenantId(tenantId).count() == 0) {
          continue; // tables of tenants this installation does not serve
        }
        try (InputStream in = table.getInputStream()) {
          DeploymentWithDefinitions deployment = deploy(tenantId, in);
          if (deployment.getDeployedDecisionDefinitions() != null
              && !deployment.getDeployedDecisionDefinitions().isEmpty()) {
            LOG.info("Approval route table of tenant {} deployed ({})", tenantId, deployment.getId());
            deployed.add(deployment.getId());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deployed;
  }

  /** Deploys one table for one tenant unless it equals the tenant's latest one. */
  public DeploymentWithDefinitions deploy(String tenantId, InputStream table) {
    return repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .tenantId(tenantId)
        .source("tetsuzuki-startup")
        .enableDuplicateFiltering(false)
        .addInputStream(ApprovalRoute.DECISION_ROUTE_RULES + ".dmn", table)
        .deployWithResult();
  }

  private static String tenantOf(Resource table) throws IOException {
    String url = table.getURL().toString();
    String[] parts = url.split("/");
    return parts[parts.length - 2];
  }
}
