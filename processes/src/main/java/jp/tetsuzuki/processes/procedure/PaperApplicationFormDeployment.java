package jp.tetsuzuki.processes.procedure;

import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the paper-registration start form ({@link PaperApplicationForm}) generated from the catalog, as the
 * platform, with duplicate filtering: a node whose catalog did not change deploys nothing new; a changed catalog (a
 * new version in the external folder) makes a new form version, which {@code camunda:formRefBinding="latest"} shows.
 */
final class PaperApplicationFormDeployment extends AbstractProcessEnginePlugin {

  static final String DEPLOYMENT_NAME = "administrative-procedure-start-form";
  static final String RESOURCE_NAME = "forms/administrative-procedure/Event_ApplicationReceived.form";

  private static final Logger LOG = LoggerFactory.getLogger(PaperApplicationFormDeployment.class);

  private final ProcedureCatalog catalog;

  PaperApplicationFormDeployment(ProcedureCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    deploy(engine, catalog);
  }

  static void deploy(ProcessEngine engine, ProcedureCatalog catalog) {
    var deployment = engine.getRepositoryService().createDeployment().name(DEPLOYMENT_NAME)
        .source("procedure-catalog").enableDuplicateFiltering(false)
        .addString(RESOURCE_NAME, PaperApplicationForm.json(catalog)).deploy();
    LOG.info("start form {} of {} generated from {} catalog procedures (deployment {})",
        AdministrativeProcedure.FORM_START, AdministrativeProcedure.ID, catalog.all().size(), deployment.getId());
  }
}
