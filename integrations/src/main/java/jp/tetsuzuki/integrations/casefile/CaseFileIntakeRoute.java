package jp.tetsuzuki.integrations.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Municipal systems drop one JSON file per case into {@code <inbox>/cases}. Each file is worked on by one node at a
 * time: its claim in a table shared by all nodes ({@link ExpiringFileClaims}) is the read lock, refreshed while the
 * node works and expiring when the node crashed, so that another node takes the file again. The case starts once
 * per tenant, model and business key (the platform's claim of the business key), as the route's service identity,
 * and only for models on the allow-list. A file moves to {@code .done} when its case started or had started before,
 * and to {@code .error} with a {@code .reason.txt} (Japanese) beside it when it cannot be read or started.
 */
@Component
public class CaseFileIntakeRoute extends RouteBuilder {

  public static final String ROUTE_ID = "case-file-intake";
  static final String CLAIMS = "caseFileIntakeClaims";
  private static final String REASON = "caseFileRejectionReason";

  private final String inbox;
  private final String claims;
  private final CaseFileStarter starter;
  private final CaseFileIntakeProperties properties;
  private DeadLetterStore deadLetters;

  @Autowired
  public CaseFileIntakeRoute(@Value("${tetsuzuki.integrations.inbox}") String inbox, CaseFileStarter starter,
      CaseFileIntakeProperties properties) {
    this(inbox, CLAIMS, starter, properties);
  }

  /**
   * A route on {@code <inbox>/cases} whose claims are the registry bean {@code claims} (tests run a second node
   * with it).
   */
  public CaseFileIntakeRoute(String inbox, String claims, CaseFileStarter starter,
      CaseFileIntakeProperties properties) {
    this.inbox = inbox;
    this.claims = claims;
    this.starter = starter;
    this.properties = properties;
  }

  /** Rejected files are also recorded as dead letters (operations view); without a store only the reason file. */
  @Autowired(required = false)
  public void setDeadLetters(DeadLetterStore deadLetters) {
    this.deadLetters = deadLetters;
  }

  /** File claims of the case-file intake, shared by all nodes (the table comes from the platform's migrations). */
  @Bean(CLAIMS)
  static ExpiringFileClaims caseFileIntakeClaims(DataSource dataSource, CamelContext camelContext,
      CaseFileIntakeProperties properties) {
    return new ExpiringFileClaims(dataSource, ROUTE_ID, camelContext, properties.claimExpiry(),
        properties.claimKeepAlive());
  }

  @Override
  public void configure() {
    String cases = inbox + "/cases";
    // readLock=idempotent-changed: claim the file in the shared table, then wait until it is no longer written;
    // the claim goes when the file has moved (commit or rollback), after a short delay that covers a node which
    // listed the folder just before the move
    fromF("file:%s?include=.*\\.json&charset=UTF-8"
        + "&readLock=idempotent-changed&idempotentRepository=#%s"
        + "&idempotentKey=${file:name}-${file:size}-${file:modified}"
        + "&readLockCheckInterval=500&readLockTimeout=10000"
        + "&readLockRemoveOnCommit=true&readLockRemoveOnRollback=true"
        + "&readLockIdempotentReleaseDelay=%d&readLockIdempotentReleaseAsync=true"
        + "&move=.done&moveFailed=.error&maxMessagesPerPoll=100", cases, claims,
        properties.claimReleaseDelay().toMillis())
        .routeId(ROUTE_ID)
        // a refused or unreadable file is reported by the reason file and one log line below, not a stack trace
        .onException(IllegalArgumentException.class, JsonProcessingException.class).logExhausted(false).end()
        .onCompletion().onFailureOnly()
          .process(exchange -> exchange.getMessage().setHeader(REASON,
              RejectionReason.of(exchange.getException() != null ? exchange.getException()
                  : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))))
          .setBody(simple("${date:now:yyyy-MM-dd'T'HH:mm:ssXXX} 取込に失敗しました: ${header." + REASON + "}\n"))
          // written under a temporary name and renamed, so a reader never sees a half-written reason
          .toF("file:%s/.error?fileName=${file:name}.reason.txt&charset=UTF-8&tempPrefix=.writing-", cases)
          .process(exchange -> {
            if (deadLetters != null) {
              deadLetters.record(ROUTE_ID, exchange.getMessage().getHeader(REASON, String.class),
                  exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class));
            }
          })
          .log(LoggingLevel.WARN, "case-file-intake: ${file:name} rejected: ${exception.message}")
        .end()
        .unmarshal().json(JsonLibrary.Jackson, CaseFile.class)
        .bean(starter, "start");
  }
}
