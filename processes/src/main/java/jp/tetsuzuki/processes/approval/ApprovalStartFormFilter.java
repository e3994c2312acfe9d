package jp.tetsuzuki.processes.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.processes.identity.AsPlatform;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the start form of a 決裁 filed directly ({@code approval-route-start}) with the choices narrowed to the
 * caller: 自治体 = the municipalities they belong to, 起案課 = their own departments (groups
 * {@code <tenant>-<department>} that are a 課 of that tenant's organisation chart), each preselected when there is
 * one. The packaged form has empty choices, since a form is deployed once for all; the fields are the packaged
 * form's, so the edge's allow-list is unchanged, and {@link ApprovalRouteActivities#plan} checks tenant and 起案課
 * against the caller on submit whatever the form offered. Runs after the edge guard, which has already decided that
 * the caller may read the definition.
 */
public class ApprovalStartFormFilter extends OncePerRequestFilter {

  static final String RESOURCE = "forms/approval-route/Event_RouteRequested.form";
  private static final Pattern START_FORM = Pattern.compile(
      "^/(?:engine-rest|camunda/api/engine/engine/([^/]+))/process-definition/(.+)/deployed-start-form/?$");

  private final RepositoryService repository;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final OrganisationRepository organisation;
  private final ObjectMapper json = new ObjectMapper();

  public ApprovalStartFormFilter(RepositoryService repository, IdentityService identity,
      AuthorizationService authorizations, OrganisationRepository organisation) {
    this.repository = repository;
    this.identity = identity;
    this.authorizations = authorizations;
    this.organisation = organisation;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !START_FORM.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher form = START_FORM.matcher(path(request));
    form.matches();
    String user = form.group(1) == null ? restUser() : webappUser(request.getSession(false), form.group(1));
    if (user == null || !isApprovalRoute(form.group(2)) || !mayRead(user)) {
      chain.doFilter(request, response); // the engine answers as it would (its authorizations decide)
      return;
    }
    ObjectNode schema;
    try (InputStream in = ApprovalStartFormFilter.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        chain.doFilter(request, response);
        return;
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
    response.setStatus(200);
    response.setContentType("application/json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), schema);
  }

  /** The caller's municipalities: id → name. */
  Map<String, String> tenantsOf(String user) {
    return AsPlatform.call(identity, () -> {
      Map<String, String> tenants = new TreeMap<>();
      for (Tenant t : identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()) {
        tenants.put(t.getId(), t.getName() == null || t.getName().isBlank() ? t.getId() : t.getName());
      }
      return tenants;
    });
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

  private static void choices(ObjectNode field, Map<String, String> values) {
    ArrayNode array = field.putArray("values");
    values.forEach((value, label) -> array.addObject().put("label", label).put("value", value));
    if (values.size() == 1) {
      field.put("defaultValue", values.keySet().iterator().next());
    }
  }

  /** Whether the definition (an id, or {@code key/K}) is the shared approval-route. */
  private boolean isApprovalRoute(String definition) {
    if (definition.startsWith("key/")) {
      String[] parts = definition.split("/");
      return parts.length == 2 && ApprovalRoute.ID.equals(parts[1]);
    }
    ProcessDefinition found = AsPlatform.call(identity, () -> repository.createProcessDefinitionQuery()
        .processDefinitionId(definition).singleResult());
    return found != null && ApprovalRoute.ID.equals(found.getKey()) && found.getTenantId() == null;
  }

  /** READ on the definition, as the engine checks it for the deployed form. */
  private boolean mayRead(String user) {
    return AsPlatform.call(identity, () -> authorizations.isUserAuthorized(user, identity.createGroupQuery()
        .groupMember(user).list().stream().map(Group::getId).toList(), Permissions.READ,
        Resources.PROCESS_DEFINITION, ApprovalRoute.ID));
  }

  private static String restUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || !authentication.isAuthenticated()
        || "anonymousUser".equals(authentication.getName()) ? null : authentication.getName();
  }

  private static String webappUser(HttpSession session, String engine) {
    Authentications all = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    var authentication = all == null ? null : all.getAuthenticationForProcessEngine(engine);
    return authentication instanceof UserAuthentication user ? user.getName() : null;
  }

  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
