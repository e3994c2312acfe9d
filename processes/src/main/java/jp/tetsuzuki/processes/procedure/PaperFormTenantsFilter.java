package jp.tetsuzuki.processes.procedure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.processes.access.CallerStartFormFilter;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;

/**
 * Serves the paper-registration start form of {@code administrative-procedure} with the tenant choice narrowed to the
 * caller's own municipalities (by name; preselected when there is one) and the procedures offered there. The
 * deployed form names every catalog tenant; the server checks the tenant on submit whatever the form offered.
 */
public class PaperFormTenantsFilter extends CallerStartFormFilter {

  private final ProcedureCatalog catalog;

  public PaperFormTenantsFilter(ProcedureCatalog catalog, RepositoryService repository, IdentityService identity,
      AuthorizationService authorizations) {
    super(AdministrativeProcedure.ID, repository, identity, authorizations);
    this.catalog = catalog;
  }

  @Override
  protected ObjectNode formFor(String user) {
    Map<String, String> tenants = tenantsOf(user);
    return PaperApplicationForm.form(catalog, List.copyOf(tenants.keySet()), tenants::get);
  }
}
