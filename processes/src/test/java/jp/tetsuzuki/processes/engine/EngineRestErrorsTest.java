package jp.tetsuzuki.processes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** The mapper's decisions, one exception at a time (the HTTP cases are in {@link EngineRestErrorsHttpTest}). */
class EngineRestErrorsTest {

  private static final String SQL_MESSAGE = "ENGINE-03083 Exception while executing Batch Database Operations with "
      + "message '\n### Error flushing statements.  Cause: org.apache.ibatis.executor.BatchExecutorException: "
      + "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.insertVariableInstance\n"
      + "### SQL: insert into ACT_RU_VARIABLE (ID_, TYPE_, NAME_) values (?, ?, ?)'";

  /** The body as the client reads it (the entity is a map or Camunda's ExceptionDto). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(Response response) {
    return new ObjectMapper().convertValue(response.getEntity(), Map.class);
  }

  @Test
  void anOptimisticLockingClashIsAConflict() {
    Response response = new EngineRestErrors.EngineExceptions().toResponse(new OptimisticLockingException(
        "ENGINE-03005 Execution of 'UPDATE VariableInstanceEntity[4711]' failed. Entity was updated by another "
            + "transaction concurrently."));
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(body(response)).containsEntry("type", "OptimisticLockingException");
    assertThat(body(response).get("message").toString()).contains("changed by another request")
        .doesNotContain("UPDATE").doesNotContain("Entity");
  }

  @Test
  void anOptimisticLockingClashWrappedByARestResourceIsAConflictToo() {
    Response response = new EngineRestErrors.RestExceptions().toResponse(new RestException(
        Response.Status.INTERNAL_SERVER_ERROR, new OptimisticLockingException("clash"), "Cannot update"));
    assertThat(response.getStatus()).isEqualTo(409);
  }

  @Test
  void aPersistenceErrorIsAnInternalErrorWithoutItsSql() {
    Response response = new EngineRestErrors.EngineExceptions().toResponse(new ProcessEngineException(SQL_MESSAGE,
        new PersistenceException("### SQL: insert into ACT_RU_VARIABLE")));
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(body(response)).containsEntry("type", "ProcessEngineException");
    assertThat(body(response).get("message").toString()).startsWith("internal error (reference ")
        .doesNotContain("insert").doesNotContain("org.").doesNotContain("ACT_");
  }

  @Test
  void camundasOwnClientErrorsKeepTheirStatusButNeverLeakClassNames() {
    Response notFound = new EngineRestErrors.RestExceptions().toResponse(new InvalidRequestException(
        Response.Status.NOT_FOUND, "No task with id 'x'"));
    assertThat(notFound.getStatus()).isEqualTo(404);
    assertThat(((ExceptionDto) notFound.getEntity()).getMessage()).isEqualTo("No task with id 'x'");

    Response named = new EngineRestErrors.RestExceptions().toResponse(new InvalidRequestException(
        Response.Status.BAD_REQUEST, "Cannot convert value: java.lang.NumberFormatException: For input string"));
    assertThat(named.getStatus()).isEqualTo(400);
    assertThat(((ExceptionDto) named.getEntity()).getMessage()).isEqualTo("Cannot convert value: For input string");

    Response leaking = new EngineRestErrors.RestExceptions().toResponse(new InvalidRequestException(
        Response.Status.BAD_REQUEST, "Cannot query: select * from ACT_RU_TASK where ID_ = 'x'"));
    assertThat(leaking.getStatus()).isEqualTo(400);
    assertThat(((ExceptionDto) leaking.getEntity()).getMessage()).startsWith("the request was refused (reference ")
        .doesNotContainIgnoringCase("select");

    Response forbidden = new EngineRestErrors.EngineExceptions().toResponse(new AuthorizationException("demo",
        "CREATE", "Deployment", null));
    assertThat(forbidden.getStatus()).isEqualTo(403);
  }

  @Test
  void badInputIsABadRequestWithTheEnginesMessage() {
    Response password = new EngineRestErrors.EngineExceptions().toResponse(new ProcessEngineException(
        EngineRestErrors.PASSWORD_POLICY_MESSAGE));
    assertThat(password.getStatus()).isEqualTo(400);
    assertThat(body(password)).containsEntry("message", "Password does not match policy")
        .containsEntry("type", "InvalidRequestException");

    Response serialization = new EngineRestErrors.RestExceptions().toResponse(new RestException(
        Response.Status.INTERNAL_SERVER_ERROR, new ProcessEngineException("ENGINE-17007 Cannot set variable with "
            + "name v. Java serialization format is prohibited"), "Cannot put task variable v: ENGINE-17007 Cannot "
            + "set variable with name v. Java serialization format is prohibited"));
    assertThat(serialization.getStatus()).isEqualTo(400);
    assertThat(body(serialization).get("message").toString()).startsWith("Cannot put task variable v");
  }

  @Test
  void theGluesRefusalWrittenForStaffKeepsItsMessage() {
    Response response = new EngineRestErrors.EngineExceptions().toResponse(new ProcessEngineException(
        "起案する処分（許可・不許可）を選んでください。 / proposedDecision must be grant or refuse"));
    assertThat(response.getStatus()).isEqualTo(500); // as Camunda reports a delegate's refusal
    assertThat(((ExceptionDto) response.getEntity()).getMessage()).startsWith("起案する処分");
  }

  @Test
  void aRefusalThatAResourceReportsAs500KeepsItsOwnStatusAndLosesTheClassName() {
    AuthorizationException refused = new AuthorizationException("application 1 does not belong to tenant demo-shi");
    Response response = new EngineRestErrors.RestExceptions().toResponse(new RestException(
        Response.Status.INTERNAL_SERVER_ERROR, refused, "Cannot instantiate process definition p:1:x: " + refused));
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(body(response).get("message").toString()).contains("does not belong to tenant demo-shi")
        .doesNotContain("org.");

    Response started = new EngineRestErrors.RestExceptions().toResponse(new RestException(
        Response.Status.INTERNAL_SERVER_ERROR, new ProcessEngineException("申請者の氏名・名称を入力してください。"),
        "Cannot instantiate process definition p:1:x: org.camunda.bpm.engine.ProcessEngineException: "
            + "申請者の氏名・名称を入力してください。"));
    assertThat(started.getStatus()).isEqualTo(500);
    assertThat(body(started).get("message")).isEqualTo("Cannot instantiate process definition p:1:x: "
        + "申請者の氏名・名称を入力してください。");
  }

  @Test
  void aListenersRefusalWrappedTwiceKeepsItsOwnStatus() {
    AuthorizationException refused = new AuthorizationException("the review task is assigned to 'bucho-ku'");
    ProcessEngineException listener = new ProcessEngineException(
        "ENGINE-03051 There was an exception while invoking the TaskListener.", refused);
    Response response = new EngineRestErrors.RestExceptions().toResponse(new RestException(
        Response.Status.INTERNAL_SERVER_ERROR, listener, "Cannot submit task form t1: " + listener.getMessage()));
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(body(response).get("message").toString()).contains("assigned to 'bucho-ku'");
    Response invalid = new EngineRestErrors.EngineExceptions().toResponse(new ProcessEngineException(
        "ENGINE-03051 …", new org.camunda.bpm.engine.BadUserRequestException("到達日は YYYY-MM-DD の形式で入力してください。")));
    assertThat(invalid.getStatus()).isEqualTo(400);
  }

  @Test
  void anotherTenantsObjectIsNotFoundNotAnInternalError() {
    Response response = new EngineRestErrors.EngineExceptions().toResponse(new ProcessEngineException(
        "ENGINE-13034 Cannot work on task 't1' because it belongs to no authenticated tenant."));
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(body(response).toString()).doesNotContain("t1");
  }

  @Test
  void anUnknownTaskOnClaimIsNotFoundNotAnInternalError() {
    // review 2026-12-01 (F6): POST /engine-rest/task/does-not-exist/claim answered 500 "task is null"
    Response response = new EngineRestErrors.EngineExceptions().toResponse(
        new org.camunda.bpm.engine.exception.NullValueException("Cannot find task with id does-not-exist: task is null"));
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(body(response).toString()).doesNotContain("does-not-exist").doesNotContain("NullValue");
  }

  @Test
  void aMissingParameterIsNotTurnedIntoNotFound() {
    Response response = new EngineRestErrors.EngineExceptions().toResponse(
        new org.camunda.bpm.engine.exception.NullValueException("messageName is null"));
    assertThat(response.getStatus()).isNotEqualTo(404);
  }

  @Test
  void anEscapedRuntimeExceptionIsInternalWithoutItsClassOrMessage() {
    EngineRestErrors.OtherExceptions mapper = new EngineRestErrors.OtherExceptions();
    NullPointerException npe = new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null");
    assertThat(mapper.isMappable(npe)).isTrue();
    Response response = mapper.toResponse(npe);
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(body(response).toString()).doesNotContain("NullPointer").doesNotContain("String.length");
  }

  @Test
  void exceptionsOfThePlatformsOwnTypesAreLeftToTheirOwnMappers() {
    assertThat(new EngineRestErrors.EngineExceptions().isMappable(new RefusedModel())).isFalse();
    assertThat(new EngineRestErrors.EngineExceptions().isMappable(new ProcessEngineException("x"))).isTrue();
    assertThat(new EngineRestErrors.OtherExceptions().isMappable(new RefusedRoute())).isFalse();
    assertThat(new EngineRestErrors.OtherExceptions().isMappable(new jakarta.ws.rs.NotFoundException())).isFalse();
  }

  /** Like a deployment guard's refusal (its own type, its own mapper). */
  static final class RefusedModel extends ProcessEngineException {
    RefusedModel() {
      super("script tasks are not allowed");
    }
  }

  static final class RefusedRoute extends RuntimeException {
    RefusedRoute() {
      super("not allowed");
    }
  }
}
