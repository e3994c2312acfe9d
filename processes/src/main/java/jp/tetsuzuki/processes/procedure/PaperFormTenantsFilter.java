package jp.tetsuzuki.processes.procedure;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.processes.identity.AsPlatform;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the paper-registration start form of {@code administrative-procedure} with the tenant choice narrowed to the
 * caller's own municipalities (by name; preselected when there is one) and the procedures offered there. The
 * deployed form names every catalog tenant, since a form is deployed once for all; which tenants a person belongs to
 * is known only per request. The fields are the deployed form's, so the edge's allow-list is unchanged, and the
 * server checks the tenant on submit whatever the form offered. Runs after the edge guard, which has already
 * decided that the caller may read the definition.
 */
public class PaperFormTenantsFilter extends OncePerRequestFilter {

  private static final Pattern START_FORM = Pattern.compile(
      "^/(?:engine-rest|camunda/api/engine/engine/([^/]+))/process-definition/(.+)/deployed-start-form/?$");

  private final ProcedureCatalog catalog;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final org.camunda.bpm.engine.AuthorizationService authorizations;
  private final ObjectMapper json = new ObjectMapper();

  public PaperFormTenantsFilter(ProcedureCatalog catalog, RepositoryService repository, IdentityService identity,
      org.camunda.bpm.engine.AuthorizationService authorizations) {
    this.catalog = catalog;
    this.repository = repository;
    this.identity = identity;
    this.authorizations = authorizations;
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
    if (user == null || !isPaperRegistration(form.group(2)) || !mayRead(user)) {
      chain.doFilter(request, response); // the engine answers as it would (its authorizations decide)
      return;
    }
    Map<String, String> tenants = AsPlatform.call(identity, () -> identity.createTenantQuery().userMember(user)
        .includingGroupsOfUser(true).list().stream()
        .collect(Collectors.toMap(Tenant::getId, t -> t.getName() == null ? t.getId() : t.getName(), (a, b) -> a,
            java.util.TreeMap::new)));
    response.setStatus(200);
    response.setContentType("application/json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), PaperApplicationForm.form(catalog, List.copyOf(tenants.keySet()),
        tenants::get));
  }

  /** Whether the definition (an id, or {@code key/K[/tenant-id/T]}) is the shared administrative procedure. */
  private boolean isPaperRegistration(String definition) {
    if (definition.startsWith("key/")) {
      String[] parts = definition.split("/");
      return parts.length == 2 && AdministrativeProcedure.ID.equals(parts[1]);
    }
    ProcessDefinition found = AsPlatform.call(identity, () -> repository.createProcessDefinitionQuery()
        .processDefinitionId(definition).singleResult());
    return found != null && AdministrativeProcedure.ID.equals(found.getKey()) && found.getTenantId() == null;
  }

  /** READ on the definition, as the engine checks it for the deployed form. */
  private boolean mayRead(String user) {
    return AsPlatform.call(identity, () -> authorizations.isUserAuthorized(user, identity.createGroupQuery()
        .groupMember(user).list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList(),
        org.camunda.bpm.engine.authorization.Permissions.READ,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, AdministrativeProcedure.ID));
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
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
