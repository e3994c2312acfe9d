package jp.tetsuzuki.processes.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Serves the start form of one shared process with its choices narrowed to the caller (the municipalities they
 * belong to, their departments …): a form is deployed once for all, who the caller is is known only per request. The
 * subclass builds the form from the deployed or packaged one, so the fields (and the edge's allow-list) stay the
 * same; the server checks the choices on submit whatever the form offered. Runs after the edge guard, which has
 * already decided that the caller may read the definition; for anybody else, another definition or a caller without
 * READ on it, the engine answers as it would.
 */
public abstract class CallerStartFormFilter extends OncePerRequestFilter {

  private static final Pattern START_FORM = Pattern.compile(
      "^/(?:engine-rest|camunda/api/engine/engine/([^/]+))/process-definition/(.+)/deployed-start-form/?$");

  protected final ObjectMapper json = new ObjectMapper();
  protected final IdentityService identity;
  private final RepositoryService repository;
  private final AuthorizationService authorizations;
  private final String processId;

  /** @param processId the key of the shared (tenant-less) definition whose start form this filter serves */
  protected CallerStartFormFilter(String processId, RepositoryService repository, IdentityService identity,
      AuthorizationService authorizations) {
    this.processId = processId;
    this.repository = repository;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /** The form for this caller, or null to let the engine answer. */
  protected abstract ObjectNode formFor(String user) throws IOException;

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
    ObjectNode schema = user == null || !isTheProcess(form.group(2)) || !mayRead(user) ? null : formFor(user);
    if (schema == null) {
      chain.doFilter(request, response); // the engine answers as it would (its authorizations decide)
      return;
    }
    response.setStatus(200);
    response.setContentType("application/json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), schema);
  }

  /** The caller's municipalities: id → name (the id when it has none), in id order. */
  protected Map<String, String> tenantsOf(String user) {
    return AsPlatform.call(identity, () -> {
      Map<String, String> tenants = new TreeMap<>();
      for (Tenant t : identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()) {
        tenants.putIfAbsent(t.getId(), t.getName() == null || t.getName().isBlank() ? t.getId() : t.getName());
      }
      return tenants;
    });
  }

  /** Sets a select field's choices (value → label), preselected when there is exactly one. */
  protected static void choices(ObjectNode field, Map<String, String> values) {
    ArrayNode array = field.putArray("values");
    values.forEach((value, label) -> array.addObject().put("label", label).put("value", value));
    if (values.size() == 1) {
      field.put("defaultValue", values.keySet().iterator().next());
    }
  }

  /** Whether the definition (an id, or {@code key/K}) is the shared definition of the process. */
  private boolean isTheProcess(String definition) {
    if (definition.startsWith("key/")) {
      String[] parts = definition.split("/");
      return parts.length == 2 && processId.equals(parts[1]);
    }
    ProcessDefinition found = AsPlatform.call(identity, () -> repository.createProcessDefinitionQuery()
        .processDefinitionId(definition).singleResult());
    return found != null && processId.equals(found.getKey()) && found.getTenantId() == null;
  }

  /** READ on the definition, as the engine checks it for the deployed form. */
  private boolean mayRead(String user) {
    return AsPlatform.call(identity, () -> authorizations.isUserAuthorized(user, identity.createGroupQuery()
        .groupMember(user).list().stream().map(Group::getId).toList(), Permissions.READ,
        Resources.PROCESS_DEFINITION, processId));
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
