package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.processes.procedure.CompletenessCheck.Outcome.ACCEPTED;
import static jp.tetsuzuki.processes.procedure.CompletenessCheck.Outcome.REFUSED;
import static jp.tetsuzuki.processes.procedure.CompletenessCheck.Outcome.TRANSCRIBED;
import static jp.tetsuzuki.processes.procedure.CompletenessCheck.Outcome.UNINSPECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 形式審査 of the inspections, without Spring or a database: a business subsidy (申請書, 事業計画書, 見積書) with all
 * three attached and valid data; the table varies what document-inspection found and whether the documents arrived on
 * paper. An attachment that has not been inspected is never complete.
 */
class CompletenessCheckTest {

  static final Map<String, Object> DATA = Map.of("corporateNumber", "1180301018771", "companyName", "テスト",
      "requestedAmount", 5);
  static final List<CompletenessCheck.Attached> ATTACHED = List.of(
      new CompletenessCheck.Attached("d1", "application-form", "application/pdf"),
      new CompletenessCheck.Attached("d2", "business-plan", "image/png"),
      new CompletenessCheck.Attached("d3", "quotation", "application/pdf"));

  static Stream<Arguments> table() {
    return Stream.of(
        // inspections of d1, d2, d3 · documents on paper · expected problems
        Arguments.of(List.of(ACCEPTED, ACCEPTED, ACCEPTED), false, List.of()),
        Arguments.of(List.of(ACCEPTED, TRANSCRIBED, ACCEPTED), false, List.of()),
        Arguments.of(List.of(ACCEPTED, UNINSPECTED, ACCEPTED), false,
            List.of("添付書類「plan.png」（business-plan）の検査が終わっていません。")),
        Arguments.of(List.of(UNINSPECTED, ACCEPTED, ACCEPTED), true,
            List.of("添付書類「application.pdf」（application-form）の検査が終わっていません。")),
        Arguments.of(List.of(ACCEPTED, ACCEPTED, REFUSED), false,
            List.of("「quote.pdf」（見積書）は受け付けられません。暗号化されています。")),
        Arguments.of(List.of(ACCEPTED, ACCEPTED, REFUSED), true, List.of()),
        Arguments.of(List.of(UNINSPECTED, ACCEPTED, REFUSED), false, List.of(
            "「quote.pdf」（見積書）は受け付けられません。暗号化されています。",
            "添付書類「application.pdf」（application-form）の検査が終わっていません。")));
  }

  @ParameterizedTest(name = "{0}, paper {1}")
  @MethodSource("table")
  void anAttachmentCountsOnlyOnceInspectedAndNotRefused(List<CompletenessCheck.Outcome> outcomes, boolean paper,
      List<String> expected) throws IOException {
    Procedure subsidy = ProcedureCatalogTest.packaged().find("business-subsidy").orElseThrow();
    String[] names = {"application.pdf", "plan.png", "quote.pdf"};
    List<CompletenessCheck.Inspection> inspections = java.util.stream.IntStream.range(0, 3)
        .mapToObj(i -> new CompletenessCheck.Inspection(ATTACHED.get(i).documentId(), ATTACHED.get(i).kind(),
            names[i], outcomes.get(i), outcomes.get(i) == REFUSED ? "暗号化されています。" : null)).toList();
    assertThat(CompletenessCheck.problems(subsidy, ATTACHED, DATA, paper, inspections))
        .containsExactlyElementsOf(expected);
  }
}
