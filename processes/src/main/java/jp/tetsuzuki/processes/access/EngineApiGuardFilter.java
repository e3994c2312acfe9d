package jp.tetsuzuki.processes.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.security.CachedBodyRequest;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@link EngineApiPolicy} at the edge, on the engine REST API (HTTP Basic, Spring's principal), the public
 * and the workers' API ({@code /api/v1}, {@code /api/worker}) and on the webapps' engine API (Camunda's session login), and checks the bodies the policy names: no start instructions, start
 * and task variables only of their own form (display-only fields dropped, so what later steps show stays the case's
 * own data), worker topics of our workers. The webapps' plugin APIs are closed to machine accounts.
 */
public class EngineApiGuardFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiGuardFilter.class);
  private static final Pattern PUBLIC_API = Pattern.compile("^/api/v1/(.*?)/?$");
  private static final Pattern WORKER_API = Pattern.compile("^/api/worker(?:/(.*?))?/?$");
  private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/(.*?))?/?$");
  private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine(?:/([^/]+)(?:/(.*?))?)?/?$");
  private static final Pattern WEBAPP_API = Pattern.compile("^/camunda/api/(admin|cockpit|tasklist|welcome)/(.*)$");
  private static final Pattern TASK_ID = Pattern.compile("^task/([^/]+)/.*");
  /** The profile fields a user changes for himself, with their labels, and the engine's column size for them. */
  private static final Map<String, String> PROFILE_FIELDS = Map.of("id", "ユーザーID", "firstName", "名",
      "lastName", "姓", "email", "メールアドレス");
  private static final int PROFILE_FIELD_MAX = 255;
  /** The value types a form field submits (Camunda's primitive types). */
  private static final Set<String> FORM_VALUE_TYPES = Set.of("string", "boolean", "integer", "long", "short",
      "double", "date", "null");
  private static final Pattern WHOLE_TASK = Pattern.compile("^task/([^/]+)$");
  private static final Pattern EXTERNAL_TASK_ID = Pattern.compile("^external-task/([^/]+)/.*");
  private static final Pattern DEFINITION = Pattern.compile("^process-definition/(.+)/(start|submit-form)$");
  private static final Pattern OWN_USER = Pattern.compile("^user/([^/]+)/.*");
  /** A person's reads of a task's variables: only what the task's form shows ({@link #taskVariableRead}). */
  private static final Pattern TASK_VARIABLES = Pattern.compile(
      "^task/([^/]+)/(form-variables|variables|localVariables)(?:/([^/]+)(?:/data)?)?$");
  private static final int MAX_BODY_BYTES = 1024 * 1024;
  /** Every topic our workers serve; a worker account fetches nothing else. */
  static final Set<String> WORKER_TOPICS = WorkerTopics.ofPlatformWorkers();

  private final ObjectMapper json;
  private final EngineForms forms;

  EngineApiGuardFilter(ObjectMapper json, EngineForms forms) {
    this(json, forms, account -> false);
  }

  /** @param supplierAccount whether an outside system's account is a supplier's system (bound to a 法人番号) */
  EngineApiGuardFilter(ObjectMapper json, EngineForms forms, java.util.function.Predicate<String> supplierAccount) {
    this.json = json;
    this.forms = forms;
    this.supplierAccount = supplierAccount;
  }

  /**
   * What a supplier's system uses of the public API: its contracts, completion notices and invoices, and the reference
   * data (review 3 A16: 株式会社〇〇商事's account filed childcare and road-occupancy applications, allocation runs and
   * documents as if it were the municipality's own system).
   */
  static final Set<String> SUPPLIER_RULES = Set.of("contracts", "invoices", "reference", "identifiers");

  private final java.util.function.Predicate<String> supplierAccount;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = pathOf(request);
    return !path.startsWith("/engine-rest") && !path.startsWith("/camunda/api/") && !path.startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = pathOf(request);
    Caller caller;
    String operation;
    Matcher api = PUBLIC_API.matcher(path);
    if (api.matches()) {
      Caller apiCaller = restCaller();
      Optional<EngineApiPolicy.Rule> apiRule = apiCaller == null ? Optional.empty()
          : EngineApiPolicy.allowedOnPublicApi(apiCaller.roles(), request.getMethod(), api.group(1));
      if (apiCaller != null && apiRule.isEmpty()) {
        deny(response, apiCaller, request.getMethod(), "/api/v1/" + api.group(1),
            "not allowed for the caller's roles " + apiCaller.roles());
        return;
      }
      if (apiCaller != null && !SUPPLIER_RULES.contains(apiRule.get().name())
          && apiCaller.roles().contains(Role.OUTSIDE_SYSTEM) && !apiCaller.roles().contains(Role.ADMINISTRATOR)
          && supplierAccount.test(apiCaller.userId())) {
        deny(response, apiCaller, request.getMethod(), "/api/v1/" + api.group(1),
            "a supplier's system uses its contracts, completion notices and invoices only");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    Matcher workerApi = WORKER_API.matcher(path);
    if (workerApi.matches()) {
      Caller workerCaller = restCaller();
      String workerOperation = workerApi.group(1) == null ? "" : workerApi.group(1);
      if (workerCaller != null && EngineApiPolicy.allowedOnWorkerApi(workerCaller.roles(), request.getMethod(),
          workerOperation).isEmpty()) {
        deny(response, workerCaller, request.getMethod(), "/api/worker/" + workerOperation,
            "the workers' API is for group workers only, not for the caller's roles " + workerCaller.roles());
        return;
      }
      // not logged in: Spring Security answers 401
      chain.doFilter(request, response);
      return;
    }
    Matcher rest = ENGINE_REST.matcher(path);
    Matcher webapp = WEBAPP_ENGINE.matcher(path);
    if (rest.matches()) {
      caller = restCaller();
      operation = rest.group(1) == null ? "" : rest.group(1);
    } else if (webapp.matches()) {
      caller = webappCaller(request.getSession(false), webapp.group(1));
      operation = webapp.group(1) == null ? "engine" : webapp.group(2) == null ? "" : webapp.group(2);
    } else {
      Matcher plugin = WEBAPP_API.matcher(path);
      if (plugin.matches() && isLogin(plugin)) {
        String user = request.getParameter("username");
        if ("POST".equals(request.getMethod()) && user != null && !user.isBlank()) {
          Set<Role> roles = forms.rolesOf(user);
          if (!roles.contains(Role.ADMINISTRATOR) && roles.stream().noneMatch(Role.PEOPLE::contains)) {
            // machine accounts and accounts without a role do not log in to the webapps (same answer as a bad password)
            request.setAttribute(jp.tetsuzuki.processes.security.LoginThrottle.REFUSED_UNCHECKED, Boolean.TRUE);
            problem(response, 401, "AuthenticationException", "ログインできません。 / login refused");
            return;
          }
        }
        chain.doFilter(request, response);
        return;
      }
      caller = webappCaller(request.getSession(false), "default");
      if (plugin.matches() && caller != null && !caller.roles().contains(Role.ADMINISTRATOR)) {
        Set<Role> allowed = switch (plugin.group(1)) {
          case "cockpit" -> java.util.EnumSet.of(Role.SUPERVISOR, Role.DESIGNER, Role.PLATFORM_DESIGNER);
          case "tasklist", "welcome" -> Role.PEOPLE;
          default -> Set.of(); // the Admin webapp's plugins: administrators only
        };
        if (caller.roles().stream().noneMatch(allowed::contains)) {
          deny(response, caller, request.getMethod(), path, "the " + plugin.group(1) + " webapp's API is not for the "
              + "caller's roles " + caller.roles());
          return;
        }
      }
      chain.doFilter(request, response);
      return;
    }
    if (caller == null) {
      // not logged in: Spring Security (engine REST) or Camunda's webapp security answers 401
      chain.doFilter(request, response);
      return;
    }
    if (operation.isEmpty()) {
      operation = "engine";
    }
    boolean admin = caller.roles().contains(Role.ADMINISTRATOR);
    if (!admin && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
        && (operation.indexOf('%') >= 0 || operation.indexOf('\\') >= 0)) {
      // the table and the form look-ups see the path as sent, the engine sees it decoded: no encoded ids in writes
      problem(response, 400, "InvalidRequestException", "Percent-encoded characters are not accepted in the path "
          + "of an engine API call that changes something: " + operation);
      return;
    }
    if (!admin && "identity/groups".equals(operation) && !caller.userId().equals(request.getParameter("userId"))) {
      // the engine answers it without an authorization check: people ask for their own groups only (the Tasklist does)
      deny(response, caller, request.getMethod(), operation, "only one's own groups");
      return;
    }
    Optional<EngineApiPolicy.Rule> rule = EngineApiPolicy.allowed(caller.roles(), request.getMethod(), operation);
    if (rule.isEmpty()) {
      deny(response, caller, request.getMethod(), operation, "not allowed for the caller's roles " + caller.roles());
      return;
    }
    HttpServletRequest forwarded = request;
    switch (rule.get().check()) {
      case NONE -> { }
      case OWN_USER -> {
        Matcher own = OWN_USER.matcher(operation);
        if (!own.matches() || !own.group(1).equals(caller.userId())) {
          deny(response, caller, request.getMethod(), operation, "only one's own profile and password");
          return;
        }
        if (operation.endsWith("/profile")) {
          // the engine's user columns hold 255 characters: a longer name was a 500 from the database (review F13)
          byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
          JsonNode parsed;
          try {
            parsed = body.length == 0 || body.length > MAX_BODY_BYTES ? null : json.readTree(body);
          } catch (JsonProcessingException e) {
            parsed = null;
          }
          if (parsed == null || !parsed.isObject()) {
            problem(response, 400, "InvalidRequestException", "The body must be a JSON object of the profile");
            return;
          }
          for (Map.Entry<String, String> field : PROFILE_FIELDS.entrySet()) {
            JsonNode value = parsed.get(field.getKey());
            if (value != null && value.isTextual() && value.asText().length() > PROFILE_FIELD_MAX) {
              problem(response, 400, "InvalidRequestException", field.getKey() + ": at most " + PROFILE_FIELD_MAX
                  + " characters", field.getValue() + "は " + PROFILE_FIELD_MAX + " 文字以内で入力してください。");
              return;
            }
          }
          forwarded = new CachedBodyRequest(request, body);
        }
      }
      case NO_CASCADE -> {
        for (String flag : List.of("cascade", "skipCustomListeners", "skipIoMappings")) {
          if ("true".equalsIgnoreCase(request.getParameter(flag))) {
            deny(response, caller, request.getMethod(), operation, flag + "=true deletes or bypasses running cases: "
                + "administrators only");
            return;
          }
        }
      }
      case OWN_CLAIM, WORKER_TOPICS, WORKER_REPORT, START, TASK_FORM -> {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
          problem(response, 413, "InvalidRequestException", "Request body too large for this operation");
          return;
        }
        JsonNode parsed;
        try {
          parsed = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
          problem(response, 400, "InvalidRequestException", "Malformed JSON body");
          return;
        }
        if (parsed == null || !parsed.isObject()) {
          problem(response, 400, "InvalidRequestException", "The body must be a JSON object");
          return;
        }
        Verdict verdict = switch (rule.get().check()) {
          case OWN_CLAIM -> claim(caller, operation, parsed);
          case WORKER_TOPICS -> topics((ObjectNode) parsed);
          case WORKER_REPORT -> report((ObjectNode) parsed, topicOf(operation));
          case START -> start((ObjectNode) parsed, operation);
          default -> taskForm(caller, (ObjectNode) parsed, operation);
        };
        if (verdict.status() != 0) {
          if (verdict.status() == 403) {
            deny(response, caller, request.getMethod(), operation, verdict.message());
          } else {
            problem(response, verdict.status(), "InvalidRequestException", verdict.message(), verdict.messageJa());
          }
          return;
        }
        forwarded = new CachedBodyRequest(request, verdict.changed() ? json.writeValueAsBytes(parsed) : body);
      }
      default -> throw new IllegalStateException("unknown check " + rule.get().check());
    }
    if (!admin && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
      // as the engine will see the path: each segment without matrix parameters, percent-decoded
      Matcher read = TASK_VARIABLES.matcher(asRouted(operation));
      if (read.matches()) {
        forwarded = taskVariableRead(forwarded, response, caller, operation, read);
        if (forwarded == null) {
          return;
        }
      }
    }
    chain.doFilter(forwarded, response);
  }

  /**
   * README: people do not read a case's variables, only what a task's form shows. {@code form-variables} is narrowed
   * to the form's names; a single variable of the form may be read; the full lists ({@code variables},
   * {@code localVariables}) are refused. Null when the answer is sent here.
   */
  private HttpServletRequest taskVariableRead(HttpServletRequest request, HttpServletResponse response, Caller caller,
      String operation, Matcher read) throws IOException {
    Set<String> shown = forms.variablesShownByTask(read.group(1));
    if (shown == null) {
      return request; // no such task: the engine answers 404
    }
    if ("form-variables".equals(read.group(2))) {
      return read.group(3) == null ? new VariableNamesRequest(request, shown) : deniedRead(response, caller,
          operation);
    }
    if (read.group(3) != null && shown.contains(read.group(3))) {
      return request;
    }
    return deniedRead(response, caller, operation);
  }

  static String asRouted(String operation) {
    List<String> segments = new java.util.ArrayList<>();
    for (String segment : operation.split("/", -1)) {
      int matrix = segment.indexOf(';');
      String plain = matrix >= 0 ? segment.substring(0, matrix) : segment;
      try {
        segments.add(java.net.URLDecoder.decode(plain.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        segments.add(plain);
      }
    }
    return String.join("/", segments);
  }

  private HttpServletRequest deniedRead(HttpServletResponse response, Caller caller, String operation)
      throws IOException {
    deny(response, caller, "GET", operation, "a task's variables are read through its form (form-variables), "
        + "and only those the form shows");
    return null;
  }

  /**
   * Claims and hand-overs (README Roles): staff claim tasks for themselves only and give back only their own; a
   * supervisor hands a task to somebody else ({@code claim} for another, {@code assignee}, {@code delegate},
   * {@code PUT task/{id}} with an assignee). Whoever gets the task must be able to work it: a candidate (user or
   * group member) or the task's assignee. A supervisor outside the 検査員's or the 会計管理者's group neither takes
   * nor hands out their tasks.
   */
  /** Whether a {@code due} sent in Camunda's date format names the same instant (to the second) as the task's. */
  private static boolean sameInstant(JsonNode sent, java.util.Date due) {
    if (sent == null || sent.isNull() || !sent.isTextual()) {
      return false;
    }
    try {
      long given = java.time.OffsetDateTime.parse(sent.asText(), CAMUNDA_DATE).toInstant().getEpochSecond();
      return given == due.toInstant().getEpochSecond();
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** The date format of Camunda's REST API ({@code 2026-12-10T17:00:00.000+0900}). */
  private static final java.time.format.DateTimeFormatter CAMUNDA_DATE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private Verdict claim(Caller caller, String operation, JsonNode body) {
    Matcher task = TASK_ID.matcher(operation);
    Matcher whole = WHOLE_TASK.matcher(operation);
    String taskId = task.matches() ? task.group(1) : whole.matches() ? whole.group(1) : null;
    if (taskId == null) {
      return Verdict.PASS;
    }
    boolean supervisor = caller.roles().contains(Role.SUPERVISOR);
    if (operation.endsWith("/unclaim")) {
      Optional<String> assignee = forms.assigneeOf(taskId);
      return supervisor || assignee == null || assignee.isEmpty() || assignee.get().equals(caller.userId())
          ? Verdict.PASS : new Verdict(403, "only the assignee (or a supervisor) gives a task back", false);
    }
    String userId;
    if (whole.matches()) {
      // PUT task/{id} rewrites the whole task: supervisors change its dates and priority; what the model set (name,
      // description, tenant …) stays as it is (review F20: a 決裁 renamed 「確認済み・そのまま承認」); an assignee
      // written here is a hand-over like any other
      java.util.Map<String, String> fixed = forms.fixedFieldsOf(taskId);
      if (fixed == null) {
        return new Verdict(404, "no task '" + taskId + "'", false, "タスク「" + taskId + "」は見つかりません。");
      }
      List<String> changed = new ArrayList<>();
      fixed.forEach((field, value) -> {
        JsonNode sent = body.get(field);
        String given = sent == null || sent.isNull() ? null : sent.asText();
        // an empty text and no text are the same to the Tasklist (it may send "" for an unset description)
        if (!java.util.Objects.equals(given == null || given.isEmpty() ? null : given,
            value == null || value.isEmpty() ? null : value)) {
          changed.add(field);
        }
      });
      // a due date the model computed (a legal deadline, a 決裁 step's deadline) stays: moving it would hide that the
      // case is late (second attacker pass N10: a supervisor moved the 検査's statutory due day)
      Optional<java.util.Date> modelDue = forms.modelDueOf(taskId);
      if (modelDue != null && modelDue.isPresent() && !sameInstant(body.get("due"), modelDue.get())) {
        changed.add("due");
      }
      if (!changed.isEmpty()) {
        return new Verdict(400, "PUT task: " + changed + " are set by the process model and cannot be changed here "
            + "(send them as the task has them; only followUp, priority, assignee and a due date the model did not "
            + "set may change)", false,
            "タスクの " + String.join("、", changed) + " はプロセスが決めるため変更できません（フォローアップ日・優先度・"
            + "担当者と、プロセスが定めていない期限のみ変更できます）。");
      }
      if (!body.has("assignee") || body.get("assignee").isNull()) {
        return Verdict.PASS;
      }
      userId = body.get("assignee").asText();
      Optional<String> current = forms.assigneeOf(taskId);
      if (current != null && current.isPresent() && current.get().equals(userId)) {
        return Verdict.PASS;
      }
    } else {
      JsonNode target = body.path("userId");
      userId = target.isTextual() ? target.asText() : null;
      if (userId == null && operation.endsWith("/assignee")) {
        return Verdict.PASS; // a supervisor takes the assignee off: the task goes back to its candidates
      }
      if (!supervisor && !caller.userId().equals(userId)) {
        return new Verdict(403, "staff claim tasks for themselves only; handing a task to '" + userId
            + "' is for supervisors", false);
      }
    }
    Boolean eligible = forms.mayWork(taskId, userId);
    if (eligible == null) {
      return new Verdict(404, "no task '" + taskId + "'", false, "タスク「" + taskId + "」は見つかりません。");
    }
    return eligible ? Verdict.PASS : new Verdict(403, "'" + userId + "' is neither a candidate nor the assignee of "
        + "task " + taskId + ": a task goes only to somebody of its candidate groups or users", false);
  }

  /**
   * Outcome of a body check: 0 to pass (maybe with a rewritten body), otherwise the status to answer, with a Japanese
   * sentence for people where they caused it.
   */
  record Verdict(int status, String message, boolean changed, String messageJa) {
    static final Verdict PASS = new Verdict(0, null, false);

    Verdict(int status, String message, boolean changed) {
      this(status, message, changed, null);
    }
  }

  /** The topic of the external task a report is for, when it exists (the engine answers 404 otherwise). */
  private Optional<String> topicOf(String operation) {
    Matcher task = EXTERNAL_TASK_ID.matcher(operation);
    return task.matches() ? forms.topicOfExternalTask(task.group(1)) : Optional.empty();
  }

  private Verdict topics(ObjectNode body) {
    JsonNode topics = body.path("topics");
    if (!topics.isArray() || topics.isEmpty()) {
      return new Verdict(400, "topics: at least one topic is required", false);
    }
    List<String> foreign = new ArrayList<>();
    topics.forEach(t -> {
      String name = t.path("topicName").asText("");
      if (!WORKER_TOPICS.contains(name)) {
        foreign.add(name);
      }
    });
    return foreign.isEmpty() ? Verdict.PASS
        : new Verdict(403, "workers fetch only the topics of the platform's workers, not " + foreign, false);
  }

  /**
   * A worker's report carries only worker outputs, and only those of its task's topic: which record a step touches,
   * or what another kind of worker answers (a document inspection reporting a register's record number), is never
   * the worker's to say.
   */
  static Verdict report(ObjectNode body, Optional<String> topic) {
    List<String> inputs = new ArrayList<>();
    List<String> foreign = new ArrayList<>();
    Set<String> ofTopic = topic.map(t -> WorkerTopics.OUTPUTS_BY_TOPIC.getOrDefault(t, Set.of())).orElse(null);
    for (String scope : List.of("variables", "localVariables")) {
      JsonNode variables = body.path(scope);
      if (variables.isMissingNode() || variables.isNull()) {
        continue;
      }
      if (!variables.isObject()) {
        return new Verdict(400, scope + ": must be an object of variables", false);
      }
      variables.fieldNames().forEachRemaining(name -> {
        if (!WorkerTopics.OUTPUTS.contains(name)) {
          inputs.add(name);
        } else if (ofTopic != null && !ofTopic.contains(name)) {
          foreign.add(name);
        }
      });
    }
    if (!inputs.isEmpty()) {
      return new Verdict(403, "workers report only their outputs " + new TreeSet<>(WorkerTopics.OUTPUTS) + ", not "
          + inputs, false);
    }
    return foreign.isEmpty() ? Verdict.PASS : new Verdict(403, "a " + topic.get() + " task reports only the outputs "
        + new TreeSet<>(ofTopic) + ", not " + foreign, false);
  }

  private Verdict start(ObjectNode body, String operation) {
    JsonNode instructions = body.path("startInstructions");
    if (!instructions.isMissingNode() && !instructions.isNull() && !instructions.isEmpty()) {
      return new Verdict(403, "startInstructions: starting a case at another activity than its start event is an "
          + "administrator's repair", false);
    }
    for (String skip : List.of("skipCustomListeners", "skipIoMappings")) {
      if (body.path(skip).asBoolean(false)) {
        return new Verdict(403, skip + ": for administrators only", false);
      }
    }
    Matcher definition = DEFINITION.matcher(operation);
    if (!definition.matches()) {
      return Verdict.PASS;
    }
    EngineForms.Target target = forms.ofStart(definition.group(1));
    if (target instanceof EngineForms.Unknown) {
      return new Verdict(404, "no process definition '" + definition.group(1) + "'", false);
    }
    if (target instanceof EngineForms.WithForm form) {
      return onlyFormFields(body, form.fields(), "the start form");
    }
    // no Camunda start form (a process opened through the API only): the engine and the model's glue decide
    return Verdict.PASS;
  }

  private Verdict taskForm(Caller caller, ObjectNode body, String operation) {
    Matcher task = TASK_ID.matcher(operation);
    if (!task.matches()) {
      return Verdict.PASS;
    }
    EngineForms.Target target = forms.ofTask(task.group(1));
    if (target instanceof EngineForms.Unknown) {
      return new Verdict(404, "no task '" + task.group(1) + "'", false);
    }
    if (!caller.roles().contains(Role.ADMINISTRATOR)) {
      // the engine lets anybody with a task grant complete it: people complete only tasks they may work (their
      // own, or one they are a candidate of, a substitute's candidate link included); the steps check the rest
      if (!Boolean.TRUE.equals(forms.mayWork(task.group(1), caller.userId()))) {
        return new Verdict(403, "task " + task.group(1) + " is not the caller's to complete: the caller is neither "
            + "its assignee nor one of its candidates", false);
      }
    }
    if (target instanceof EngineForms.WithForm form) {
      return onlyFormFields(body, form.fields(), "the task's form");
    }
    if (target instanceof EngineForms.WithoutForm && body.path("variables").size() > 0) {
      return new Verdict(400, "variables: this task has no form and takes no fields", false);
    }
    return Verdict.PASS;
  }

  /** Unknown keys are refused with their names; display-only keys are dropped (they never write case data). */
  private static Verdict onlyFormFields(ObjectNode body, FormFields fields, String what) {
    JsonNode variables = body.path("variables");
    if (variables.isMissingNode() || variables.isNull()) {
      return Verdict.PASS;
    }
    if (!variables.isObject()) {
      return new Verdict(400, "variables: must be a JSON object", false);
    }
    Set<String> foreign = new TreeSet<>();
    List<String> dropped = new ArrayList<>();
    variables.fieldNames().forEachRemaining(key -> {
      if (fields.displayOnly().contains(key)) {
        dropped.add(key);
      } else if (!fields.editable().contains(key)) {
        foreign.add(key);
      }
    });
    if (!foreign.isEmpty()) {
      return new Verdict(400, "variables: " + foreign + " are not fields of " + what + " (allowed: "
          + new TreeSet<>(fields.editable()) + ")", false);
    }
    dropped.forEach(((ObjectNode) variables)::remove);
    // our forms' fields are texts, numbers, dates and checkboxes: a serialized Object, Json, Xml, Bytes or File value
    // is no form input (second review N4: an Object with bad JSON was a 500, a Java list became a 決裁's 件名)
    for (var entry : (Iterable<Map.Entry<String, JsonNode>>) variables::fields) {
      JsonNode type = entry.getValue().path("type");
      if (type.isTextual() && !FORM_VALUE_TYPES.contains(type.asText().toLowerCase(java.util.Locale.ROOT))) {
        String japanese = "「" + entry.getKey() + "」（" + fields.label(entry.getKey()) + "）の値の種類が正しくありません"
            + "（" + type.asText() + " は受け付けません。文字・数値・真偽値・日付で送ってください）。";
        return new Verdict(400, japanese + " / variables." + entry.getKey() + ": type " + type.asText()
            + " is not a form field's type (String, Boolean, Integer, Long, Short, Double, Date or Null)", false,
            japanese);
      }
    }
    // bounded before the engine sees it: a longer text would fail in its VARCHAR(4000) column (a 500)
    for (var entry : (Iterable<Map.Entry<String, JsonNode>>) variables::fields) {
      JsonNode value = entry.getValue().isObject() ? entry.getValue().path("value") : entry.getValue();
      int length = value.isTextual() ? value.asText().codePointCount(0, value.asText().length())
          : value.isContainerNode() ? value.toString().length() : 0;
      int max = fields.maxLength(entry.getKey());
      if (length > max) {
        return new Verdict(400, "variables." + entry.getKey() + ": at most " + max + " characters (got " + length
            + ")", false, fields.label(entry.getKey()) + "は " + max + " 文字以内で入力してください（" + length
            + " 文字入力されています）。");
      }
    }
    return new Verdict(0, null, !dropped.isEmpty());
  }

  /** Camunda's login, logout and "who am I" ({@code /camunda/api/admin/auth/user/…}), used by every webapp. */
  private static boolean isLogin(Matcher plugin) {
    return "admin".equals(plugin.group(1)) && plugin.group(2).startsWith("auth/");
  }

  record Caller(String userId, Set<Role> roles) {}

  private static Caller restCaller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
        || "anonymousUser".equals(authentication.getName())) {
      return null;
    }
    List<String> groups = new ArrayList<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith(Roles.AUTHORITY_PREFIX)) {
        groups.add(name.substring(Roles.AUTHORITY_PREFIX.length()));
      }
    }
    return new Caller(authentication.getName(), Role.of(groups));
  }

  private static Caller webappCaller(HttpSession session, String engine) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    var authentication = authentications.getAuthenticationForProcessEngine(engine == null ? "default" : engine);
    if (!(authentication instanceof UserAuthentication user)) {
      return null;
    }
    return new Caller(user.getName(), Role.of(user.getGroupIds()));
  }

  private void deny(HttpServletResponse response, Caller caller, String method, String operation, String why)
      throws IOException {
    LOG.warn("edge refused {} {} for {}: {}", method, operation, caller == null ? "?" : caller.userId(), why);
    problem(response, 403, "AuthorizationException", "この操作は許可されていません。 / Forbidden: " + method + " "
        + operation + " (" + why + ")");
  }

  private void problem(HttpServletResponse response, int status, String type, String message) throws IOException {
    problem(response, status, type, message, null);
  }

  private void problem(HttpServletResponse response, int status, String type, String message, String messageJa)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (messageJa != null) {
      body.put("messageJa", messageJa);
    }
    response.getWriter().write(json.writeValueAsString(body));
  }

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  static Collection<String> workerTopics() {
    return WORKER_TOPICS;
  }
}
