package jp.tetsuzuki.processes.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import jp.tetsuzuki.processes.calendar.Pause;
import jp.tetsuzuki.processes.calendar.PeriodUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The catalog as designers write it, its validation, and the deadlines and completeness rules. No Spring. */
class ProcedureCatalogTest {

  static final String VALID = """
      code: garden-permit
      version: 2
      name: 庭園使用許可申請
      tenants: [demo-ku]
      legalBasis: { kind: ordinance, text: 公園条例 第3条 }
      standardPeriod: { value: 5, unit: business-days }
      documents: [ { kind: application-form, name: 申請書 } ]
      fields: [ { key: useDate, label: 使用日, type: date, required: true } ]
      review: { department: toshikeikaku }
      decisionAuthority: 課長
      notification: { channel: email }
      correction: { deadline: { value: 5, unit: calendar-days }, onTimeout: deemed-withdrawn }
      """;

  @Test
  void packagedCatalogHasTheThreeExampleProceduresForBothDemoTenants() throws IOException {
    ProcedureCatalog catalog = packaged();
    assertThat(catalog.forTenant("demo-ku")).extracting(Procedure::code)
        .containsExactly("business-subsidy", "outdoor-advertising-permit", "road-occupancy-permit");
    assertThat(catalog.forTenant("demo-shi")).hasSize(3);
    assertThat(catalog.forTenant("other-town")).isEmpty();
    Procedure advertising = catalog.find("outdoor-advertising-permit").orElseThrow();
    assertThat(advertising.standardPeriod().value()).isEqualTo(20);
    assertThat(advertising.standardPeriod().periodUnit()).isEqualTo(PeriodUnit.BUSINESS_DAYS);
    assertThat(advertising.documents()).extracting(Procedure.DocumentKind::name)
        .containsExactly("申請書", "位置図", "意匠図", "承諾書");
    assertThat(advertising.reviewGroup("demo-shi")).isEqualTo("demo-shi-toshikeikaku");
    Procedure subsidy = catalog.find("business-subsidy").orElseThrow();
    assertThat(subsidy.standardPeriod().periodUnit()).isEqualTo(PeriodUnit.CALENDAR_DAYS);
    assertThat(subsidy.field("corporateNumber").orElseThrow().type()).isEqualTo("corporate-number");
  }

  @Test
  void aNewProcedureIsOnlyAFileAndTheHigherVersionWins() {
    ProcedureCatalog catalog = ProcedureCatalog.load(List.of(yaml("a.yaml", VALID),
        yaml("b.yaml", VALID.replace("version: 2", "version: 1").replace("庭園使用許可申請", "古い名前"))));
    assertThat(catalog.find("garden-permit").orElseThrow().name()).isEqualTo("庭園使用許可申請");
    assertThat(catalog.find("garden-permit").orElseThrow().version()).isEqualTo(2);
    // a case received under version 1 keeps version 1's rules; an unknown version falls back to the current one
    assertThat(catalog.find("garden-permit", 1).orElseThrow().name()).isEqualTo("古い名前");
    assertThat(catalog.find("garden-permit", 2).orElseThrow().name()).isEqualTo("庭園使用許可申請");
    assertThat(catalog.find("garden-permit", 7).orElseThrow().version()).isEqualTo(2);
    assertThatThrownBy(() -> ProcedureCatalog.load(List.of(yaml("a.yaml", VALID), yaml("c.yaml", VALID))))
        .hasMessageContaining("c.yaml").hasMessageContaining("defined twice");
  }

  @Test
  void anExternalFolderAddsAProcedureAndOverridesAPackagedOneWithAHigherVersion(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Files.writeString(dir.resolve("garden-permit.yaml"), VALID);
    java.nio.file.Files.writeString(dir.resolve("road.yaml"), new String(new PathMatchingResourcePatternResolver()
        .getResource("classpath:catalog/road-occupancy-permit.yaml").getInputStream().readAllBytes(),
        StandardCharsets.UTF_8).replace("version: 3", "version: 4").replace("value: 14", "value: 10"));
    java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a catalog file");
    ProcedureCatalog catalog = new ProcedureConfiguration().procedureCatalog(dir.toString());
    assertThat(catalog.find("garden-permit")).isPresent();
    assertThat(catalog.find("road-occupancy-permit").orElseThrow().standardPeriod().value()).isEqualTo(10);
    assertThat(catalog.find("outdoor-advertising-permit")).isPresent();
    assertThat(new ProcedureConfiguration().procedureCatalog("").find("garden-permit")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "unit: business-days }|unit: weeks }|unit must be business-days or calendar-days",
      "type: date|type: colour|field useDate type must be one of",
      "channel: email|channel: fax|notification.channel",
      "onTimeout: deemed-withdrawn|onTimeout: ignore|correction.onTimeout",
      "onTimeout: deemed-withdrawn|onTimeout: deemed-withdrawn, reminderOpenDaysBefore: 21|correction.reminderOpenDaysBefore",
      "onTimeout: deemed-withdrawn|onTimeout: deemed-withdrawn, reminderOpenDaysBefore: -1|correction.reminderOpenDaysBefore",
      "code: garden-permit|code: Garden_Permit|code must be kebab-case",
      "kind: ordinance|kind: rumour|legalBasis",
      "name: 庭園使用許可申請|nmae: 庭園使用許可申請|Unrecognized field \"nmae\"",
      "value: 5, unit: business|value: 0, unit: business|standardPeriod.value",
      "required: true }|required: true, notBefore: useDay }|field useDate notBefore must name another date field",
      "required: true }|required: true, notBefore: useDate }|field useDate notBefore must name another date field"})
  void anInvalidFileIsRefusedNamingTheFileAndTheField(String from, String to, String message) {
    assertThatThrownBy(() -> ProcedureCatalog.load(List.of(yaml("garden.yaml", VALID.replace(from, to)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("garden.yaml")
        .hasMessageContaining(message);
  }

  @Test
  void aProcedureMayNameTheLegacyRegisterItsGrantsGoInto() throws IOException {
    Procedure.LegacyRegister register = packaged().find("road-occupancy-permit").orElseThrow().legacyRegister();
    assertThat(register.name()).isEqualTo("道路占用台帳");
    assertThat(register.entry()).containsEntry("address", "applicant.address").containsEntry("amount",
        "data.occupancyFee");
    assertThat(packaged().find("outdoor-advertising-permit").orElseThrow().legacyRegister()).isNull();
    String withRegister = VALID + "legacyRegister: { name: 庭園台帳, entry: { address: applicant.address } }\n";
    assertThat(ProcedureCatalog.load(List.of(yaml("g.yaml", withRegister))).find("garden-permit").orElseThrow()
        .legacyRegister().name()).isEqualTo("庭園台帳");
    assertThatThrownBy(() -> ProcedureCatalog.load(List.of(yaml("g.yaml", withRegister.replace("applicant.address",
        "data.noSuchField"))))).hasMessageContaining("g.yaml").hasMessageContaining("legacyRegister.entry.address");
    assertThatThrownBy(() -> ProcedureCatalog.load(List.of(yaml("g.yaml", withRegister.replace("address:",
        "password:"))))).hasMessageContaining("legacyRegister.entry.password is not an entry field");
  }

  @Test
  void deadlinesFollowTheCalendarAndThePauses() throws IOException {
    OfficeCalendar calendar = OfficeCalendar.standard();
    Procedure road = packaged().find("road-occupancy-permit").orElseThrow();
    LocalDate monday = LocalDate.of(2026, 11, 16);
    assertThat(ProcedureDeadlines.dueDate(calendar, road, monday, List.of())).isEqualTo("2026-12-07");
    List<Pause> pauses = List.of(new Pause(monday, LocalDate.of(2026, 11, 20)));
    assertThat(ProcedureDeadlines.dueDate(calendar, road, monday, pauses)).isEqualTo("2026-12-11");
    assertThat(ProcedureDeadlines.pausedDays(calendar, road, pauses)).isEqualTo(4);
    // year end: 12/29..1/3 closed, so 3 open days before Tue 1/5 are 1/4, 12/28 and Fri 12/25
    LocalDate due = LocalDate.of(2027, 1, 5);
    assertThat(ProcedureDeadlines.escalationAt(calendar, due)).isEqualTo(Instant.parse("2027-01-04T00:00:00Z"));
    assertThat(ProcedureDeadlines.reminderAt(calendar, due)).isEqualTo(Instant.parse("2026-12-25T00:00:00Z"));
    assertThat(ProcedureDeadlines.dueAt(due)).isEqualTo(Instant.parse("2027-01-05T08:00:00Z"));
  }

  @Test
  void completenessCheckListsMissingDocumentsWrongTypesAndBadNumbersInJapanese() throws IOException {
    Procedure subsidy = packaged().find("business-subsidy").orElseThrow();
    List<CompletenessCheck.Attached> documents = new ArrayList<>(List.of(
        new CompletenessCheck.Attached("d1", "application-form", "application/pdf"),
        new CompletenessCheck.Attached("d2", "business-plan",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")));
    List<String> problems = CompletenessCheck.problems(subsidy, documents,
        Map.of("corporateNumber", "1180301018772", "companyName", "テスト"), false, List.of());
    assertThat(problems).containsExactly(
        "事業計画書のファイル形式（application/vnd.openxmlformats-officedocument.wordprocessingml.document）は受け付けられません。"
            + "PDF または画像（PNG、JPEG、TIFF）で提出してください。",
        "見積書が添付されていません。",
        "法人番号が正しくありません（桁数または検査用数字が誤っています）。",
        "交付申請額（円）が記入されていません。");
    documents.add(new CompletenessCheck.Attached("d3", "business-plan", "image/png"));
    documents.add(new CompletenessCheck.Attached("d4", "quotation", "application/pdf"));
    assertThat(CompletenessCheck.problems(subsidy, documents, Map.of("corporateNumber", "1180301018771",
        "companyName", "テスト", "requestedAmount", 5), false, List.of())).isEmpty();
    assertThat(CompletenessCheck.problems(subsidy, List.of(), Map.of("corporateNumber", "1180301018771",
        "companyName", "テスト", "requestedAmount", 5), true, List.of())).as("paper documents received").isEmpty();
  }

  static ProcedureCatalog packaged() throws IOException {
    List<ProcedureCatalog.Source> sources = new ArrayList<>();
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:catalog/*.yaml")) {
      sources.add(new ProcedureCatalog.Source() {
        @Override public String name() {
          return r.getFilename();
        }

        @Override public InputStream open() throws IOException {
          return r.getInputStream();
        }
      });
    }
    return ProcedureCatalog.load(sources);
  }

  static ProcedureCatalog.Source yaml(String name, String text) {
    return new ProcedureCatalog.Source() {
      @Override public String name() {
        return name;
      }

      @Override public InputStream open() {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      }
    };
  }
}
