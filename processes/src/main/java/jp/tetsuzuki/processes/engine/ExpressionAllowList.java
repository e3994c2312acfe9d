package jp.tetsuzuki.processes.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Parser;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Decides whether a text from a model may be evaluated for a designer. The text is parsed with the engine's own JUEL
 * parser (same features as the engine's expression factory), so what is checked is exactly what would run; the tree
 * is then walked against an allow-list:
 * <ul>
 *   <li>literals, variable names, operators (comparison, arithmetic, boolean logic, {@code empty}, {@code ?:});</li>
 *   <li>public methods and properties of the beans in {@link ModelBeans} (their own, not {@link Object}'s), with
 *       arguments that are themselves allowed;</li>
 *   <li>{@code execution.getVariable('<literal>')}, {@code task.getVariable('<literal>')} and a few read-only
 *       properties of the execution ({@link #EXECUTION_PROPERTIES});</li>
 *   <li>the functions {@link #FUNCTIONS} on their own (no member access on their results).</li>
 * </ul>
 * Everything else — any other member access ({@code execution.getProcessEngineServices()}, {@code getClass()}),
 * {@code []} access, unknown beans, other functions — is refused, and so is anything the parser cannot read.
 */
public final class ExpressionAllowList {

  /** Functions the engine registers that have no side effects and return plain values. */
  public static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  /** Read-only properties of the execution that models may read. */
  public static final Set<String> EXECUTION_PROPERTIES =
      Set.of("processBusinessKey", "businessKey", "processInstanceId", "tenantId");
  private static final Set<String> VARIABLE_HOLDERS = Set.of("execution", "task");

  private final Map<String, Class<?>> beans;
  private final Builder parser = new MemberNamingBuilder();

  public ExpressionAllowList(Map<String, Class<?>> beans) {
    this.beans = Map.copyOf(beans);
  }

  /** The allow-list of the platform's models. */
  public static ExpressionAllowList forModels() {
    return new ExpressionAllowList(ModelBeans.ALLOWED);
  }

  /** Problems of one text (Japanese, then English); empty when it is plain text or an allowed expression. */
  public List<String> problemsIn(String text) {
    List<String> problems = new ArrayList<>();
    if (text == null || (text.indexOf('{') < 0)) {
      return problems; // no expression can start without a brace
    }
    AstNode root;
    try {
      root = (AstNode) parser.build(text).getRoot();
    } catch (TreeBuilderException | ClassCastException e) {
      problems.add("式を解析できません（" + e.getMessage() + "）。 / expression cannot be parsed: " + e.getMessage());
      return problems;
    }
    check(root, problems);
    return problems;
  }

  private void check(Node node, List<String> problems) {
    if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
        || node instanceof AstBoolean || node instanceof AstNull || node instanceof AstIdentifier) {
      return; // literals and plain variable references
    }
    if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
        || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
        || node instanceof AstParameters) {
      checkChildren(node, problems);
      return;
    }
    if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName())) {
        problems.add("関数 " + function.getName() + "() は使えません（使える関数: " + String.join(", ", new TreeSet<>(FUNCTIONS))
            + "）。 / function '" + function.getName() + "()' is not allowed (allowed: "
            + String.join(", ", new TreeSet<>(FUNCTIONS)) + ")");
      }
      checkChildren(node, problems);
      return;
    }
    if (node instanceof AstMethod method) {
      checkMethod(method, problems);
      return;
    }
    if (node instanceof NamedDot dot) {
      checkProperty(dot, problems);
      return;
    }
    if (node instanceof AstBracket) {
      problems.add("「" + describe(node) + "」: [] によるメンバー参照は使えません。 / '" + describe(node)
          + "': member access with [] is not allowed");
      return;
    }
    // fail closed on anything this check does not know
    problems.add("「" + describe(node) + "」: この式の形は使えません。 / '" + describe(node)
        + "': this kind of expression is not allowed");
  }

  private void checkChildren(Node node, List<String> problems) {
    for (int i = 0; i < node.getCardinality(); i++) {
      check(node.getChild(i), problems);
    }
  }

  private void checkMethod(AstMethod method, List<String> problems) {
    Node property = method.getChild(0);
    Node params = method.getChild(1);
    if (!(property instanceof NamedDot dot)) {
      problems.add("「" + describe(method) + "」: [] によるメソッド呼び出しは使えません。 / '" + describe(method)
          + "': calling a method through [] is not allowed");
      return;
    }
    if (dot.base() instanceof AstIdentifier base) {
      Class<?> bean = beans.get(base.getName());
      if (bean != null) {
        if (!publicMethodNames(bean).contains(dot.name())) {
          problems.add(noSuchMember(base.getName(), dot.name()));
        }
        checkChildren(params, problems);
        return;
      }
      if (VARIABLE_HOLDERS.contains(base.getName()) && "getVariable".equals(dot.name())
          && params.getCardinality() == 1 && params.getChild(0) instanceof AstString) {
        return; // execution.getVariable('amount')
      }
    }
    problems.add(notAllowed(describe(method)));
  }

  private void checkProperty(NamedDot dot, List<String> problems) {
    if (dot.base() instanceof AstIdentifier base) {
      Class<?> bean = beans.get(base.getName());
      if (bean != null) {
        if (!readablePropertyNames(bean).contains(dot.name())) {
          problems.add(noSuchMember(base.getName(), dot.name()));
        }
        return;
      }
      if ("execution".equals(base.getName()) && EXECUTION_PROPERTIES.contains(dot.name())) {
        return; // execution.processBusinessKey
      }
    }
    problems.add(notAllowed(describe(dot)));
  }

  private String notAllowed(String what) {
    String allowed = String.join(", ", new TreeSet<>(beans.keySet()));
    return "「" + what + "」: 許可されていないメソッド呼び出し・プロパティ参照です（使えるのは Bean " + allowed
        + " のメソッドとプロパティ、execution.getVariable('名前')、task.getVariable('名前')、execution の "
        + String.join(", ", new TreeSet<>(EXECUTION_PROPERTIES)) + " だけです）。 / '" + what
        + "': method call or property access is not allowed (only on the beans " + allowed
        + ", execution/task.getVariable('<name>') and execution." + String.join("/", new TreeSet<>(EXECUTION_PROPERTIES))
        + ")";
  }

  private static String noSuchMember(String bean, String member) {
    return "「" + bean + "." + member + "」: Bean " + bean + " に公開メソッド・プロパティ " + member
        + " はありません。 / '" + bean + "." + member + "': bean '" + bean + "' has no public method or property '"
        + member + "'";
  }

  /** Public methods the bean's class declares or inherits, without those of {@link Object}. */
  private static Set<String> publicMethodNames(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Method m : type.getMethods()) {
      if (m.getDeclaringClass() != Object.class && !Modifier.isStatic(m.getModifiers())) {
        names.add(m.getName());
      }
    }
    return names;
  }

  /** Bean properties (public getters without parameters), without {@code class}. */
  private static Set<String> readablePropertyNames(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Method m : type.getMethods()) {
      if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0) {
        continue;
      }
      String n = m.getName();
      if (n.startsWith("get") && n.length() > 3) {
        names.add(decapitalize(n.substring(3)));
      } else if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class)) {
        names.add(decapitalize(n.substring(2)));
      }
    }
    return names;
  }

  private static String decapitalize(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
      return name; // java.beans rule: URL stays URL
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String describe(Node node) {
    if (node instanceof AstIdentifier identifier) {
      return identifier.getName();
    }
    if (node instanceof NamedDot dot) {
      return describe(dot.base()) + "." + dot.name();
    }
    if (node instanceof AstMethod method) {
      return describe(method.getChild(0)) + "(…)";
    }
    if (node instanceof AstBracket bracket) {
      return describe(bracket.getChild(0)) + "[…]";
    }
    if (node instanceof AstFunction function) {
      return function.getName() + "(…)";
    }
    return String.valueOf(node);
  }

  /** The engine's parser, with the names of member accesses kept readable for the walk. */
  private static final class MemberNamingBuilder extends Builder {
    private static final long serialVersionUID = 1L;

    MemberNamingBuilder() {
      // the features of the engine's ExpressionFactoryImpl (profile JEE6)
      super(Feature.METHOD_INVOCATIONS, Feature.VARARGS);
    }

    @Override
    protected Parser createParser(String expression) {
      return new Parser(this, expression) {
        @Override
        protected AstDot createAstDot(AstNode prefix, String property, boolean lvalue) {
          return new NamedDot(prefix, property, lvalue);
        }
      };
    }
  }

  /** {@code base.name}, with its parts readable. */
  static final class NamedDot extends AstDot {
    NamedDot(AstNode prefix, String property, boolean lvalue) {
      super(prefix, property, lvalue);
    }

    String name() {
      return property;
    }

    AstNode base() {
      return getPrefix();
    }
  }
}
