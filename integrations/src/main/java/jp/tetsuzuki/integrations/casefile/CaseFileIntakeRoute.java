package jp.tetsuzuki.integrations.casefile;

import javax.sql.DataSource;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Municipal systems drop one JSON file per case into {@code <inbox>/cases}. Each file starts its case once: the
 * JDBC idempotent repository (shared by all nodes) claims the file for one node and remembers it, and a case whose
 * business key exists already is not started again; a file that cannot be read or started moves to {@code .error}
 * with a {@code .reason.txt} beside it.
 */
@Component
public class CaseFileIntakeRoute extends RouteBuilder {

  public static final String ROUTE_ID = "case-file-intake";
  static final String PROCESSED = "caseFileIntakeProcessed";

  /**
   * Files taken (name, size, modification time), shared by all nodes. The key is inserted before a file is read
   * (eager mode), and the insert is atomic in the database, so two nodes never take the same file.
   */
  @Bean(PROCESSED)
  static JdbcMessageIdRepository caseFileIntakeProcessed(DataSource dataSource) {
    JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, ROUTE_ID);
    // the table is created by the platform's Flyway migrations
    repository.setCreateTableIfNotExists(false);
    return repository;
  }

  @Override
  public void configure() {
    from("file:{{tetsuzuki.integrations.inbox}}/cases?include=.*\\.json&charset=UTF-8"
        + "&idempotent=true&idempotentRepository=#" + PROCESSED
        + "&idempotentKey=${file:name}-${file:size}-${file:modified}"
        + "&idempotentEager=true&readLock=changed&readLockCheckInterval=500"
        + "&move=.done&moveFailed=.error&maxMessagesPerPoll=100")
        .routeId(ROUTE_ID)
        .onCompletion().onFailureOnly()
          .setBody(simple("${date:now:yyyy-MM-dd'T'HH:mm:ssXXX} 取込に失敗しました: ${exception.message}\n"))
          .to("file:{{tetsuzuki.integrations.inbox}}/cases/.error?fileName=${file:name}.reason.txt&charset=UTF-8")
          .log(org.apache.camel.LoggingLevel.WARN, "case-file-intake: ${file:name} rejected: ${exception.message}")
        .end()
        .unmarshal().json(JsonLibrary.Jackson, CaseFile.class)
        .bean(CaseFileStarter.class, "start");
  }
}
