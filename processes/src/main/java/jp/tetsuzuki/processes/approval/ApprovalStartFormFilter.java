package jp.tetsuzuki.processes.approval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.processes.access.CallerStartFormFilter;
import jp.tetsuzuki.processes.identity.AsPlatform;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;

/**
 * Serves the start form of a 決裁 filed directly ({@code approval-route-start}) with the choices narrowed to the
 * caller: 自治体 = the municipalities they belong to, 起案課 = their own departments (groups
 * {@code <tenant>-<department>} that are a 課 of that tenant's organisation chart), each preselected when there is
 * one. The packaged form has empty choices, since a form is deployed once for all; the fields are the packaged
 * form's, so the edge's allow-list is unchanged, and {@link ApprovalRouteActivities#plan} checks tenant and 起案課
 * against the caller on submit whatever the form offered ({@link CallerStartFormFilter}).
 */
public class ApprovalStartFormFilter extends CallerStartFormFilter {

  static final String RESOURCE = "forms/approval-route/Event_RouteRequested.form";

  private final OrganisationRepository organisation;

  public ApprovalStartFormFilter(RepositoryService repository, IdentityService identity,
      AuthorizationService authorizations, OrganisationRepository organisation) {
    super(ApprovalRoute.ID, repository, identity, authorizations);
    this.organisation = organisation;
  }

  @Override
  protected ObjectNode formFor(String user) throws IOException {
    ObjectNode schema;
    try (InputStream in = ApprovalStartFormFilter.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      schema = (ObjectNode) json.readTree(in);
    }
    Map<String, String> tenants = tenantsOf(user);
    Map<String, String> departments = departmentsOf(user, tenants);
    for (var component : schema.withArray("components")) {
      String key = component.path("key").asText();
      if (ApprovalRoute.TENANT_ID.equals(key)) {
        choices((ObjectNode) component, tenants);
      } else if (ApprovalRoute.DEPARTMENT.equals(key)) {
        choices((ObjectNode) component, departments);
      }
    }
    return schema;
  }

  /**
   * The caller's departments: code → label (the 課's name, with the municipality's when the caller belongs to more
   * than one), from their groups {@code <tenant>-<code>} that are a 課 of the tenant's chart.
   */
  Map<String, String> departmentsOf(String user, Map<String, String> tenants) {
    Map<String, String> departments = new LinkedHashMap<>();
    for (Group group : AsPlatform.call(identity, () -> identity.createGroupQuery().groupMember(user)
        .orderByGroupId().asc().list())) {
      for (var tenant : tenants.entrySet()) {
        String prefix = tenant.getKey() + "-";
        if (!group.getId().startsWith(prefix)) {
          continue;
        }
        String code = group.getId().substring(prefix.length());
        organisation.chartOf(tenant.getKey()).unit(code).filter(u -> u.level() == OrgUnit.Level.KA)
            .ifPresent(unit -> departments.putIfAbsent(code, tenants.size() > 1
                ? tenant.getValue() + " " + unit.name() : unit.name()));
      }
    }
    return departments;
  }
}
