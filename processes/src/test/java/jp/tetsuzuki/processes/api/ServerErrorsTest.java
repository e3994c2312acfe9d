package jp.tetsuzuki.processes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever a public API controller lets escape, the answer never quotes SQL, tables or class names (issue 8, item
 * 9): a database refusal of a value is a 400, lock trouble a 503 with Retry-After, anything else a 500 — each with a
 * reference for the log.
 */
class ServerErrorsTest {

  private static final String SQL = "PreparedStatementCallback; SQL [INSERT INTO tz_application (id, applicant_json)"
      + " VALUES (?, ?)]; Value too long for column \"APPLICANT_JSON CHARACTER VARYING(4000)\"";

  @RestController
  static class Failing {
    @GetMapping("/api/v1/failing/{kind}")
    String fail(@PathVariable String kind) {
      throw switch (kind) {
        case "too-long" -> new DataIntegrityViolationException(SQL, new SQLException("Value too long", "22001"));
        case "locked" -> new CannotAcquireLockException(SQL);
        case "grammar" -> new BadSqlGrammarException("select", "SELECT * FROM tz_application WHERE x", new SQLException());
        default -> new ProcessEngineException("ENGINE-03083 ### SQL: insert into ACT_RU_VARIABLE ### Cause: "
            + "org.h2.jdbc.JdbcSQLDataException");
      };
    }
  }

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ServerErrors())
      .build();

  private MockHttpServletResponse call(String kind) throws Exception {
    return mvc.perform(get("/api/v1/failing/" + kind)).andReturn().getResponse();
  }

  private static void assertClean(MockHttpServletResponse response) throws Exception {
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString()).contains("\"reference\"").doesNotContainIgnoringCase("insert")
        .doesNotContain("SQL").doesNotContain("tz_application").doesNotContain("org.").doesNotContain("ACT_");
  }

  @Test
  void aValueTheDatabaseRefusesIsABadRequestWithoutTheStatement() throws Exception {
    MockHttpServletResponse response = call("too-long");
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("could not be stored");
    assertClean(response);
  }

  @Test
  void lockTroubleIsServiceUnavailableWithRetryAfter() throws Exception {
    MockHttpServletResponse response = call("locked");
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertClean(response);
  }

  @Test
  void otherDatabaseAndEngineErrorsAreInternalWithAGenericMessage() throws Exception {
    for (String kind : new String[] {"grammar", "engine"}) {
      MockHttpServletResponse response = call(kind);
      assertThat(response.getStatus()).isEqualTo(500);
      assertThat(response.getContentAsString()).contains("internal error");
      assertClean(response);
    }
  }

  @Test
  void springsOwnErrorsKeepTheirStatus() throws Exception {
    MockHttpServletResponse response = mvc.perform(org.springframework.test.web.servlet.request
        .MockMvcRequestBuilders.post("/api/v1/failing/x")).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(405);
  }
}
