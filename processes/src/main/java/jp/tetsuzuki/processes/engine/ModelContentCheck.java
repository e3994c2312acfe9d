package jp.tetsuzuki.processes.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.Problem;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What a designer's deployment may contain: BPMN, DMN and Camunda Forms only, without scripts, Java classes,
 * connectors, non-FEEL decision expressions or expressions outside the {@link ExpressionAllowList}. It reads the
 * resources as the engine will (SAX, text concatenated per element) and reports every problem with its element id,
 * plus the definition keys the deployment would create (for the shared-key rule of {@link DeploymentGuard}).
 * Plain Java: no engine or Spring needed.
 */
public final class ModelContentCheck {

  /** A definition a resource creates: its kind and key. */
  public record DefinitionKey(Kind kind, String key) {}

  /** Kinds of definitions keyed by id. */
  public enum Kind { PROCESS, DECISION, DECISION_REQUIREMENTS, FORM }

  /** One problem found, as the engine REST reports parse problems. */
  public record Finding(String message, int line, int column, String mainElementId) implements Problem {
    @Override public String getMessage() {
      return message;
    }

    @Override public int getLine() {
      return line;
    }

    @Override public int getColumn() {
      return column;
    }

    @Override public String getMainElementId() {
      return mainElementId;
    }

    @Override public List<String> getElementIds() {
      return mainElementId == null ? List.of() : List.of(mainElementId);
    }
  }

  /**
   * A {@code camunda:formRef} of a user task or start event: the form key, its binding ({@code latest} when not
   * given, {@code deployment} or {@code version}) and, for {@code version}, the version; where it stands.
   */
  public record FormReference(String elementId, String key, String binding, String version, int line, int column) {
    /**
     * An expression is resolved per case at runtime; only literal keys can be checked at deploy time (so only
     * administrators may deploy expression formRefs).
     */
    public boolean literal() {
      return !key.contains("${") && !key.contains("#{");
    }
  }

  /** The outcome for one resource. */
  public record Report(String resourceName, List<Finding> findings, Set<DefinitionKey> keys,
      List<FormReference> formRefs) {
    public Report(String resourceName, List<Finding> findings, Set<DefinitionKey> keys) {
      this(resourceName, findings, keys, List.of());
    }

    public boolean ok() {
      return findings.isEmpty();
    }
  }

  private static final String BPMN_MODEL_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final List<String> BPMN_SUFFIXES = List.of(".bpmn", ".bpmn20.xml");
  private static final List<String> DMN_SUFFIXES = List.of(".dmn", ".dmn11.xml");
  private static final List<String> CMMN_SUFFIXES = List.of(".cmmn", ".cmmn10.xml", ".cmmn11.xml");
  private static final String FORM_SUFFIX = ".form";
  /** Expression languages the DMN engine evaluates as FEEL (DefaultDmnEngineConfiguration). */
  private static final Set<String> FEEL_LANGUAGES = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
      "http://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20191111/feel/",
      "https://www.omg.org/spec/dmn/20211108/feel/", "https://www.omg.org/spec/dmn/20230324/feel/");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OWN_TENANT_EXPRESSION = "${execution.tenantId}";

  private final ExpressionAllowList expressions;
  private final SAXParserFactory sax;

  public ModelContentCheck(ExpressionAllowList expressions) {
    this.expressions = expressions;
    this.sax = secureFactory();
  }

  /** Inspects one resource of a shared deployment (no tenant) by its name and bytes. */
  public Report inspect(String resourceName, byte[] bytes) {
    return inspect(resourceName, bytes, null);
  }

  /**
   * Inspects one deployment resource by its name and bytes. In a tenant's deployment ({@code tenantId} not null),
   * references to other tenants' definitions ({@code camunda:calledElementTenantId}, {@code decisionRefTenantId},
   * {@code caseTenantId}) must name that tenant or {@code ${execution.tenantId}}: a called definition of another
   * tenant would run that tenant's case without its membership check.
   */
  public Report inspect(String resourceName, byte[] bytes, String tenantId) {
    String name = resourceName == null ? "" : resourceName.toLowerCase(Locale.ROOT);
    if (endsWithAny(name, BPMN_SUFFIXES)) {
      return xml(resourceName, bytes, false, tenantId);
    }
    if (endsWithAny(name, DMN_SUFFIXES)) {
      return xml(resourceName, bytes, true, tenantId);
    }
    if (name.endsWith(FORM_SUFFIX)) {
      return form(resourceName, bytes);
    }
    if (endsWithAny(name, CMMN_SUFFIXES)) {
      return refused(resourceName, "CMMN のケースモデルはこのプラットフォームでは使いません（管理者のみデプロイできます）。"
          + " / CMMN case models are not used by this platform (administrators only)");
    }
    return refused(resourceName, "このファイルの種類はデプロイできません（使えるのは .bpmn、.dmn、.form だけです。スクリプトや HTML"
        + " フォームは管理者のみ）。 / resource type not allowed: only .bpmn, .dmn and .form (scripts and HTML forms:"
        + " administrators only)");
  }

  private static Report refused(String resourceName, String message) {
    return new Report(resourceName, List.of(new Finding(message, -1, -1, null)), Set.of());
  }

  private Report form(String resourceName, byte[] bytes) {
    try {
      JsonNode form = JSON.readTree(bytes);
      JsonNode id = form == null ? null : form.get("id");
      if (id == null || !id.isTextual() || id.textValue().isBlank()) {
        return refused(resourceName, "フォームに id がありません。 / the form has no 'id'");
      }
      return new Report(resourceName, List.of(), Set.of(new DefinitionKey(Kind.FORM, id.textValue())));
    } catch (IOException e) {
      String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage()
          : e.getMessage();
      return refused(resourceName, "フォームが JSON として読めません（" + reason + "）。 / the form is not valid JSON: "
          + reason);
    }
  }

  private Report xml(String resourceName, byte[] bytes, boolean dmn, String tenantId) {
    ModelHandler handler = new ModelHandler(dmn, tenantId);
    try {
      SAXParser parser = sax.newSAXParser();
      parser.parse(new ByteArrayInputStream(bytes), handler);
    } catch (SAXParseException e) {
      handler.findings.add(new Finding("XML を読めません（" + e.getMessage() + "）。DOCTYPE や外部実体は使えません。 / the XML"
          + " cannot be read (" + e.getMessage() + "); DOCTYPE and external entities are not allowed",
          e.getLineNumber(), e.getColumnNumber(), null));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      handler.findings.add(new Finding("XML を読めません（" + e.getMessage() + "）。 / the XML cannot be read: "
          + e.getMessage(), -1, -1, null));
    }
    return new Report(resourceName, List.copyOf(handler.findings), Set.copyOf(handler.keys),
        List.copyOf(handler.formRefs));
  }

  /** Walks one model: element by element, attributes first, then the element's text when it closes. */
  private final class ModelHandler extends DefaultHandler {
    private final boolean dmn;
    private final String tenantId;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<DefinitionKey> keys = new LinkedHashSet<>();
    private final List<FormReference> formRefs = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private Locator locator;

    ModelHandler(boolean dmn, String tenantId) {
      this.dmn = dmn;
      this.tenantId = tenantId;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      if (!open.isEmpty()) {
        open.peek().hasChildren = true;
      }
      String id = attributes.getValue("id");
      String elementId = id != null ? id : open.isEmpty() ? null : open.peek().elementId;
      Open element = new Open(localName, elementId, line(), column());
      open.push(element);

      collectKey(uri, localName, id, attributes, open.size());
      collectFormRef(uri, localName, id, attributes, element);
      checkElement(localName, element);
      for (int i = 0; i < attributes.getLength(); i++) {
        checkAttribute(element, attributes.getLocalName(i), attributes.getValue(i));
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (!open.isEmpty()) {
        open.peek().text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      Open element = open.pop();
      String text = element.text.toString();
      if (text.isBlank()) {
        return;
      }
      if (element.hasChildren) {
        // the engine and the DMN model read mixed content differently; refuse it rather than guess
        add(element, "要素 " + element.name + " にテキストと子要素が混在しています。 / element '" + element.name
            + "' mixes text and child elements");
        return;
      }
      for (String problem : expressions.problemsIn(text)) {
        add(element, problem);
      }
      if (dmn && "text".equals(element.name) && mentionsExternalFunction(text)) {
        add(element, "FEEL の外部関数（external / Java 呼び出し）は使えません。 / FEEL external (Java) functions are not"
            + " allowed");
      }
    }

    private void collectKey(String uri, String localName, String id, Attributes attributes, int depth) {
      if (id == null || id.isBlank()) {
        return;
      }
      if (!dmn && "process".equals(localName) && BPMN_MODEL_NS.equals(uri)) {
        keys.add(new DefinitionKey(Kind.PROCESS, id));
      } else if (dmn && "decision".equals(localName)) {
        keys.add(new DefinitionKey(Kind.DECISION, id));
      } else if (dmn && "definitions".equals(localName) && depth == 1) {
        keys.add(new DefinitionKey(Kind.DECISION_REQUIREMENTS, id));
      }
    }

    private void collectFormRef(String uri, String localName, String id, Attributes attributes, Open element) {
      String formRef = attributes.getValue(CAMUNDA_NS, "formRef");
      if (dmn || !BPMN_MODEL_NS.equals(uri) || formRef == null || formRef.isBlank()
          || !("userTask".equals(localName) || "startEvent".equals(localName))) {
        return;
      }
      String binding = attributes.getValue(CAMUNDA_NS, "formRefBinding");
      FormReference ref = new FormReference(id, formRef.trim(), binding == null || binding.isBlank() ? "latest"
          : binding.trim(), attributes.getValue(CAMUNDA_NS, "formRefVersion"), element.line, element.column);
      if (!ref.literal()) {
        // an expression picks the form per case from a variable that a start or a task could set: the deploy-time
        // check that the form exists would be meaningless, so designers name the form itself (administrators may)
        add(element, "camunda:formRef には式ではなくフォーム ID を指定してください（「" + formRef.trim() + "」は使えません）。 /"
            + " camunda:formRef must name a form id, not an expression ('" + formRef.trim() + "')");
      }
      formRefs.add(ref);
    }

    private void checkElement(String localName, Open element) {
      if ("scriptTask".equals(localName) || "script".equals(localName)) {
        add(element, "スクリプト（" + localName + "）は使えません。サービスタスクと許可された Bean を使ってください。 / scripts ('"
            + localName + "') are not allowed; use a service task with an allowed bean");
      } else if ("connector".equals(localName)) {
        add(element, "コネクタ（camunda:connector）は使えません。 / connectors (camunda:connector) are not allowed");
      }
    }

    private void checkAttribute(Open element, String localName, String value) {
      if ("class".equalsIgnoreCase(localName) || localName.endsWith("Class")) {
        add(element, "Java クラスの指定（" + localName + "=\"" + value + "\"）は使えません。許可された Bean の式を使ってください。"
            + " / Java classes ('" + localName + "') are not allowed; use an expression on an allowed bean");
        return;
      }
      if ("formKey".equals(localName) && !dmn) {
        // embedded and external forms run the designer's own HTML and scripts in staff's browsers, and the edge's
        // field allow-list knows only Camunda Forms
        add(element, "フォームは camunda:formRef で Camunda Forms を指定してください（camunda:formKey=\"" + value + "\" は使えません）。"
            + " / forms must be Camunda Forms bound with camunda:formRef, not camunda:formKey");
        return;
      }
      if ("scriptFormat".equals(localName) || "resource".equals(localName) || "language".equals(localName)) {
        add(element, "スクリプト（" + localName + "=\"" + value + "\"）は使えません。 / scripts ('" + localName
            + "') are not allowed");
        return;
      }
      if (tenantId != null && localName.endsWith("TenantId") && !value.trim().equals(tenantId)
          && !value.replace(" ", "").equals(OWN_TENANT_EXPRESSION)) {
        add(element, "テナント「" + tenantId + "」のモデルは他のテナントの定義を呼び出せません（" + localName + "=\"" + value
            + "\"）。自分のテナント ID か " + OWN_TENANT_EXPRESSION + " を指定してください。 / a model of tenant '" + tenantId
            + "' cannot refer to definitions of other tenants ('" + localName + "'); use '" + tenantId + "' or "
            + OWN_TENANT_EXPRESSION);
        return;
      }
      if (dmn && "expressionLanguage".equals(localName) && !FEEL_LANGUAGES.contains(value.trim().toLowerCase(Locale.ROOT))) {
        add(element, "DMN の式言語は FEEL だけです（" + value + " は使えません）。 / DMN expressions must be FEEL, not '"
            + value + "'");
        return;
      }
      for (String problem : expressions.problemsIn(value)) {
        add(element, localName + ": " + problem);
      }
    }

    private void add(Open element, String message) {
      findings.add(new Finding(message, element.line, element.column, element.elementId));
    }

    private int line() {
      return locator == null ? -1 : locator.getLineNumber();
    }

    private int column() {
      return locator == null ? -1 : locator.getColumnNumber();
    }
  }

  /** An element being read. */
  private static final class Open {
    final String name;
    final String elementId;
    final int line;
    final int column;
    final StringBuilder text = new StringBuilder();
    boolean hasChildren;

    Open(String name, String elementId, int line, int column) {
      this.name = name;
      this.elementId = elementId;
      this.line = line;
      this.column = column;
    }
  }

  /** True when FEEL text uses the keyword {@code external} outside a string literal. */
  static boolean mentionsExternalFunction(String feel) {
    boolean inString = false;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= feel.length(); i++) {
      char c = i < feel.length() ? feel.charAt(i) : ' ';
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (Character.isLetterOrDigit(c) || c == '_') {
        word.append(c);
        continue;
      }
      if ("external".equals(word.toString())) {
        return true;
      }
      word.setLength(0);
      if (c == '"') {
        inString = true;
      }
    }
    return false;
  }

  private static boolean endsWithAny(String name, List<String> suffixes) {
    return suffixes.stream().anyMatch(name::endsWith);
  }

  private static SAXParserFactory secureFactory() {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return factory;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("secure XML parser not available", e);
    }
  }
}
