package jp.tetsuzuki.processes.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.model.xml.ModelParseException;
import org.camunda.bpm.model.xml.ModelValidationException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Answers of Camunda's REST API ({@code /engine-rest}, and the webapps' engine API) to the engine's exceptions.
 * Camunda answers 500 to every engine exception it does not know, also when the client sent bad input; here bad input
 * is a 400 (an unparseable model or a DOCTYPE in it, a refused serialization format, a password against the policy),
 * an optimistic-locking clash a 409, in Camunda's error shape {@code {"type", "message", "code"}} with the engine's
 * message. No answer carries SQL, Java class names or stack traces: such a message is replaced by a generic one with
 * a reference that the log line repeats with the full exception (a persistence error is a 500 "internal error"). The
 * other answers keep Camunda's status and message, e.g. a delegate's refusal written for staff (500, as Camunda
 * reports it) or an authorization failure (403).
 *
 * <p>Exceptions of the platform's own types (such as a deployment guard's refusal) and JAX-RS's are left to their own
 * mappers, whatever they extend.
 */
public final class EngineRestErrors {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);

  /** Ahead of Camunda's mappers for the same exception types (which have the default priority). */
  static final int PRIORITY = Priorities.USER - 100;

  /** Exceptions of the platform's own types are answered by the platform's own mappers (if any). */
  private static final String PLATFORM_PACKAGE = "jp.tetsuzuki.";

  static final String PASSWORD_POLICY_MESSAGE = "Password does not match policy";
  /** CoreLogger: "Cannot set variable with name … Java serialization format is prohibited". */
  private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";
  /** VariableSerializers: a typed value (e.g. Object without objectTypeName) no serializer accepts. */
  private static final String NO_SERIALIZER = "Cannot find serializer for value";
  /** EngineUtilLogger: "Could not parse '…'" (XML parser errors, DOCTYPE included). */
  private static final Pattern NOT_PARSED = Pattern.compile("ENGINE-09\\d{3} Could not parse");

  /** Text that must not reach a client: SQL, MyBatis reports, qualified Java names, stack frames. */
  private static final Pattern UNSAFE = Pattern.compile(
      "(?is)\\b(select|insert|update|delete)\\b.*\\b(from|into|set|where)\\b"
          + "|\\bsql\\b|sqlexception|###|\\b(org|java|javax|jakarta|com|net|sun)\\.[a-z_$][\\w$]*\\."
          + "|\\n\\s*at\\s|\\bcaused by\\b|\\w+(Exception|Error):\\s"
          // a method of a class ("String.length()") as helpful NullPointerExceptions name it
          + "|[A-Za-z_$][\\w$]*\\.[a-z_$][\\w$]*\\(|cannot invoke \"");

  /** A qualified exception class as {@code Throwable.toString()} puts it in front of a message. */
  private static final Pattern QUALIFIED_EXCEPTION = Pattern.compile(
      "\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error):\\s*");

  private EngineRestErrors() {}

  /** The answer to an exception of Camunda's REST resources. */
  static Response toResponse(Throwable e) {
    if (causedBy(e, OptimisticLockingException.class)) {
      LOG.info("engine REST: optimistic locking clash: {}", e.getMessage());
      return answer(409, "OptimisticLockingException", "the resource was changed by another request meanwhile; "
          + "read it again and retry", code(e));
    }
    if (mentions(e, NO_SERIALIZER)) {
      // a variable typed Object (or another serializable type) without a usable valueInfo: the client's mistake
      return answer(400, "InvalidRequestException", "変数の値を保存できません（型 Object などには valueInfo の objectTypeName と"
          + " serializationDataFormat が必要です。文字・数値・真偽値・日付で送ってください）。 / a variable cannot be stored: no"
          + " serializer for its type and valueInfo (send String, a number type, Boolean or Date)", code(e));
    }
    String badInput = badInput(e);
    if (badInput != null) {
      boolean parse = causedBy(e, SAXException.class) || causedBy(e, ParseException.class)
          || causedBy(e, ModelParseException.class) || causedBy(e, ModelValidationException.class)
          || NOT_PARSED.matcher(String.valueOf(e.getMessage())).find();
      return answer(400, parse ? "ParseException" : "InvalidRequestException", safe(badInput,
          "the request was refused as invalid"), code(e));
    }
    if (causedByOtherTenant(e)) {
      // ENGINE-13034 and kin: the object belongs to a municipality the caller is not a member of; answer as for an
      // unknown id (a 500 before) without telling whether it exists
      return answer(404, "InvalidRequestException", "not found for this user", code(e));
    }
    if (causedBy(e, org.camunda.bpm.engine.exception.NullValueException.class) && mentions(e, "Cannot find ")) {
      // "Cannot find task with id …: task is null" (claim, assignee, delegate of an unknown or invisible id): 404 as for
      // a read of that id (Camunda's REST answers 500), without telling whether it exists in another tenant
      return answer(404, "InvalidRequestException", "not found for this user", code(e));
    }
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    Response.Status status = camunda.getStatus(e);
    if (status.getStatusCode() >= 500) {
      // a resource reports the engine's refusal as 500 ("Cannot instantiate …: …AuthorizationException: …"), and the
      // engine wraps a listener's refusal once more (ENGINE-03051): answer with the first refusal in the chain
      Throwable cause = e.getCause();
      for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
        if (cause instanceof ProcessEngineException refusal && camunda.getStatus(refusal).getStatusCode() < 500) {
          return toResponse(refusal);
        }
      }
    }
    boolean internal = status.getStatusCode() >= 500;
    // Camunda's other answers keep their status and details (403 authorization, 400 bad user request, 404, and a
    // delegate's refusal written for staff, which the engine reports as 500) unless the text would leak internals
    ExceptionDto dto = camunda.fromException(e);
    dto.setMessage(withoutClassNames(dto.getMessage()));
    if (dto.getMessage() == null || !isSafe(dto.getMessage())) {
      String reference = UUID.randomUUID().toString();
      if (internal) {
        LOG.error("engine REST: internal error (reference {})", reference, e);
      } else {
        LOG.info("engine REST: {} answered without its message (reference {}): {}", status.getStatusCode(),
            reference, e.getMessage());
      }
      dto.setMessage((internal ? "internal error" : "the request was refused") + " (reference " + reference + ")");
    } else if (internal) {
      LOG.warn("engine REST: {} answered with 500", e.getClass().getSimpleName(), e);
    }
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static boolean mentions(Throwable e, String text) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static boolean causedByOtherTenant(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("belongs to no authenticated tenant")) {
        return true;
      }
    }
    return false;
  }

  /** The message to show when the exception is the client's fault, or null. */
  static String badInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (t instanceof SAXException || t instanceof ParseException || t instanceof ModelParseException
          || t instanceof ModelValidationException || NOT_PARSED.matcher(message).find()
          || message.contains(JAVA_SERIALIZATION_PROHIBITED) || PASSWORD_POLICY_MESSAGE.equals(message)) {
        // the outermost message says what the client did (e.g. "Cannot put task variable …: ENGINE-17007 …")
        String outer = withoutClassNames(e.getMessage());
        return outer != null && isSafe(outer) ? outer : withoutClassNames(message);
      }
    }
    return null;
  }

  /** "Cannot start: org.camunda.bpm.engine.FooException: text" → "Cannot start: text". */
  static String withoutClassNames(String message) {
    return message == null ? null : QUALIFIED_EXCEPTION.matcher(message).replaceAll("");
  }

  static boolean isSafe(String message) {
    return !UNSAFE.matcher(message).find();
  }

  private static String safe(String message, String otherwise) {
    return message != null && isSafe(message) ? message : otherwise;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Integer code(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProcessEngineException engine) {
        return engine.getCode();
      }
    }
    return null;
  }

  private static Response answer(int status, String type, String message, Integer code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (code != null) {
      body.put("code", code);
    }
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Whether the exception is one of Camunda's own (engine, REST, model API); others keep their own mappers. */
  static boolean isCamundas(Throwable e) {
    return e.getClass().getName().startsWith("org.camunda.");
  }

  /** Engine exceptions (ahead of Camunda's {@code ProcessEngineExceptionHandler}). */
  @Priority(PRIORITY)
  public static class EngineExceptions implements ExtendedExceptionMapper<ProcessEngineException> {
    @Override
    public boolean isMappable(ProcessEngineException e) {
      return isCamundas(e);
    }

    @Override
    public Response toResponse(ProcessEngineException e) {
      return EngineRestErrors.toResponse(e);
    }
  }

  /** The REST resources' own exceptions, which often wrap an engine exception (ahead of {@code RestExceptionHandler}). */
  @Priority(PRIORITY)
  public static class RestExceptions implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException e) {
      return isCamundas(e);
    }

    @Override
    public Response toResponse(RestException e) {
      return EngineRestErrors.toResponse(e);
    }
  }

  /**
   * Other runtime exceptions (ahead of Camunda's catch-all, which shows their class and message): the model API's
   * parse errors are bad input; anything else that escapes a resource (a NullPointerException, MyBatis…) is internal.
   * The platform's own exception types and JAX-RS's are left to their mappers.
   */
  @Priority(PRIORITY)
  public static class OtherExceptions implements ExtendedExceptionMapper<RuntimeException> {
    @Override
    public boolean isMappable(RuntimeException e) {
      return !(e instanceof ProcessEngineException) && !(e instanceof RestException)
          && !(e instanceof WebApplicationException) && !e.getClass().getName().startsWith(PLATFORM_PACKAGE);
    }

    @Override
    public Response toResponse(RuntimeException e) {
      if (isCamundas(e)) {
        return EngineRestErrors.toResponse(e);
      }
      String reference = UUID.randomUUID().toString();
      LOG.error("engine REST: internal error (reference {})", reference, e);
      return answer(500, "InternalServerError", "internal error (reference " + reference + ")", null);
    }
  }

  /**
   * A body the REST layer cannot bind (a date field given {@code "notadate"}, an object where a list belongs): 400 as
   * problem JSON naming the field path (Jackson's own mapper answers {@code text/plain} with the DTO's Java class).
   */
  static Response badJson(com.fasterxml.jackson.core.JsonProcessingException e) {
    StringBuilder path = new StringBuilder();
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
      for (var reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          path.append('[').append(reference.getIndex()).append(']');
        }
      }
    }
    String named = path.length() > 100 ? path.substring(0, 100) + "…" : path.toString();
    String field = named.isEmpty() ? "the request body" : "field '" + named + "'";
    return answer(400, "InvalidRequestException", "the body cannot be read: " + field
        + (e instanceof com.fasterxml.jackson.core.JsonParseException ? " is not well-formed JSON"
            : " does not have the expected type or format"), null);
  }

  /** Jackson's binding errors (ahead of jackson-jaxrs' {@code JsonMappingExceptionMapper}). */
  @Priority(PRIORITY)
  public static class JsonMappingErrors
      implements jakarta.ws.rs.ext.ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException e) {
      return badJson(e);
    }
  }

  /** Jackson's parse errors (ahead of jackson-jaxrs' {@code JsonParseExceptionMapper}). */
  @Priority(PRIORITY)
  public static class JsonParseErrors
      implements jakarta.ws.rs.ext.ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.core.JsonParseException e) {
      return badJson(e);
    }
  }

  /** The mappers, for registration with a JAX-RS application. */
  public static Class<?>[] mappers() {
    return new Class<?>[] {EngineExceptions.class, RestExceptions.class, OtherExceptions.class,
        JsonMappingErrors.class, JsonParseErrors.class};
  }
}
