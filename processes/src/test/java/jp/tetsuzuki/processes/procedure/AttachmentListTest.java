package jp.tetsuzuki.processes.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttachmentListTest {

  static final Procedure ROAD = new Procedure("road-occupancy-permit", 2, "道路占用許可申請", List.of("demo-ku"), null,
      null, List.of(new Procedure.DocumentKind("application-form", "申請書"),
          new Procedure.DocumentKind("location-map", "位置図"), new Procedure.DocumentKind("floor-plan", "平面図"),
          new Procedure.DocumentKind("work-schedule", "工程表")), List.of(), null, null, null, null, null, null);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "application-form | accepted    | 申請書 | 検査済み",
      "location-map     | refused     | 位置図 | 受け付けられない",
      "work-schedule    | transcribed | 工程表 | 職員が転記",
      "floor-plan       |             | 平面図 | 未検査",
      "unknown-kind     | accepted    | unknown-kind | 検査済み"})
  void eachDocumentShowsItsKindFileNameAndInspection(String kind, String inspection, String name, String shown) {
    List<ApplicationStore.Inspected> docs = List.of(new ApplicationStore.Inspected("d-1", kind, "図面.pdf",
        inspection, null));
    assertThat(AttachmentList.plain(ROAD, docs)).isEqualTo("・" + name + ": 図面.pdf（" + shown + "、文書ID d-1）");
    assertThat(AttachmentList.markdown(ROAD, docs)).contains("| " + name.replace("-", "\\-") + " | 図面\\.pdf | "
        + shown + " | d\\-1 |");
  }

  @Test
  void anApplicantsFileNameCannotAddMarkupOrLines() {
    List<ApplicationStore.Inspected> docs = List.of(new ApplicationStore.Inspected("d-2", "application-form",
        "[x](javascript:alert(1))\n| a |.pdf", "accepted", null));
    String markdown = AttachmentList.markdown(ROAD, docs);
    assertThat(markdown).doesNotContain("[x](").contains("\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\| a \\|\\.pdf")
        .hasLineCount(5);
    assertThat(AttachmentList.plain(ROAD, docs)).doesNotContain("\n");
  }

  @Test
  void noDocumentsSaySo() {
    assertThat(AttachmentList.plain(ROAD, List.of())).isEqualTo("（添付なし）");
    assertThat(AttachmentList.markdown(ROAD, List.of())).contains("（添付なし）");
  }
}
