package jp.tetsuzuki.processes.childcare.enrollment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
 * Deploys each tenant's childcare points tables ({@code dmn/tenants/<tenant>/childcare-points-fy<year>.dmn}) as
 * deployments of that tenant, for the tenants that exist, the same way as the approval route tables: an unchanged
 * table is not deployed again, a changed one becomes the tenant's latest version for the next scoring. A new fiscal
 * year's table is a new file (new decision keys), so last year's cases keep their table.
 */
@Component
@Order(31)
public class ChildcarePointsDeployer implements StartupInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(ChildcarePointsDeployer.class);
  static final String PATTERN = "classpath*:dmn/tenants/*/childcare-points-fy*.dmn";

  private final RepositoryService repository;
  private final IdentityService identity;

  public ChildcarePointsDeployer(RepositoryService repository, IdentityService identity) {
    this.repository = repository;
    this.identity = identity;
  }

  @Override
  public void initialize() {
    deployTenantTables();
  }

  public List<String> deployTenantTables() {
    List<String> deployed = new ArrayList<>();
    try {
      for (Resource table : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
        String[] parts = table.getURL().toString().split("/");
        String tenantId = parts[parts.length - 2];
        String fileName = parts[parts.length - 1];
        if (identity.createTenantQuery().tenantId(tenantId).count() == 0) {
          continue;
        }
        try (InputStream in = table.getInputStream()) {
          DeploymentWithDefinitions deployment = repository.createDeployment()
              .name(fileName.replace(".dmn", ""))
              .tenantId(tenantId)
              .source("tetsuzuki-startup")
              .enableDuplicateFiltering(false)
              .addInputStream(fileName, in)
              .deployWithResult();
          if (deployment.getDeployedDecisionDefinitions() != null
              && !deployment.getDeployedDecisionDefinitions().isEmpty()) {
            LOG.info("Childcare points table {} of tenant {} deployed ({})", fileName, tenantId, deployment.getId());
            deployed.add(deployment.getId());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deployed;
  }
}
