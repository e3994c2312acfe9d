package jp.tetsuzuki.processes.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tetsuzuki.processes.api.ApiException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checks every intake path shares (API, paper form, case file): each bad value is a 400 naming the field in
 * English and in Japanese, with the catalog's label. Identifiers follow shared/domain/calendar-and-identifiers.md
 * (法人番号: check digit first, 9 − Σ mod 9). Plain JUnit, no Spring.
 */
class ApplicationRequestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 16);
  private static ProcedureCatalog catalog;
  private static Procedure subsidy;
  private static Procedure advertising;

  @BeforeAll
  static void catalog() throws IOException {
    catalog = ProcedureCatalogTest.packaged();
    subsidy = catalog.find("business-subsidy").orElseThrow();
    advertising = catalog.find("outdoor-advertising-permit").orElseThrow();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** One bad data value of 屋外広告物表示許可申請 or 中小企業DX補助金: the field, the English detail and the Japanese. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      area as text          | outdoor-advertising-permit | {"location":"1-1","displayArea":"広い","displayFrom":"2027-01-04"} | data.displayArea | must be a number | 「表示面積（平方メートル）」は数値（絶対値 1 兆以下、小数点以下 3 桁まで）で入力してください。
      date not a date       | outdoor-advertising-permit | {"location":"1-1","displayArea":4,"displayFrom":"2027/01/04"}   | data.displayFrom | must be a date YYYY-MM-DD | 「表示開始日」は日付（YYYY-MM-DD）で入力してください。
      required missing      | outdoor-advertising-permit | {"displayArea":4,"displayFrom":"2027-01-04"}                   | data.location | required | 「表示場所」を入力してください。
      blank counts missing  | outdoor-advertising-permit | {"location":"  ","displayArea":4,"displayFrom":"2027-01-04"}   | data.location | required | 「表示場所」を入力してください。
      unknown field         | outdoor-advertising-permit | {"location":"1-1","displayArea":4,"displayFrom":"2027-01-04","colour":"赤"} | data.colour | not a field of procedure | 項目「colour」は手続「屋外広告物表示許可申請」の申請内容にありません。
      check digit wrong     | business-subsidy           | {"corporateNumber":"2180301018771","companyName":"株式会社テスト","requestedAmount":5} | data.corporateNumber | check digit mismatch | 「法人番号」が正しくありません（13桁の数字で、先頭の検査用数字が合っていること）。
      too few digits        | business-subsidy           | {"corporateNumber":"118030101877","companyName":"株式会社テスト","requestedAmount":5}  | data.corporateNumber | must be 13 digits | 「法人番号」が正しくありません（13桁の数字で、先頭の検査用数字が合っていること）。
      number as string      | business-subsidy           | {"corporateNumber":"1180301018771","companyName":"株式会社テスト","requestedAmount":"5"} | data.requestedAmount | must be a number | 「交付申請額（円）」は数値（絶対値 1 兆以下、小数点以下 3 桁まで）で入力してください。
      area 1e308            | outdoor-advertising-permit | {"location":"1-1","displayArea":1e308,"displayFrom":"2027-01-04"} | data.displayArea | must be a number (finite, at most 1e12 in magnitude, at most 3 decimals) | 「表示面積（平方メートル）」は数値（絶対値 1 兆以下、小数点以下 3 桁まで）で入力してください。
      area above 1e12       | outdoor-advertising-permit | {"location":"1-1","displayArea":1000000000000.5,"displayFrom":"2027-01-04"} | data.displayArea | at most 1e12 | 「表示面積（平方メートル）」は数値（絶対値 1 兆以下、小数点以下 3 桁まで）で入力してください。
      amount below -1e12    | business-subsidy           | {"corporateNumber":"1180301018771","companyName":"株式会社テスト","requestedAmount":-1000000000001} | data.requestedAmount | at most 1e12 | 「交付申請額（円）」は数値（絶対値 1 兆以下、小数点以下 3 桁まで）で入力してください。
      huge integer          | business-subsidy           | {"corporateNumber":"1180301018771","companyName":"株式会社テスト","requestedAmount":123456789012345678901234567890} | data.requestedAmount | at most 1e12 | 「交付申請額（円）」は数値（絶対値 1 兆以下、小数点以下 3 桁まで）で入力してください。
      four decimals         | outdoor-advertising-permit | {"location":"1-1","displayArea":1.0001,"displayFrom":"2027-01-04"} | data.displayArea | at most 3 decimals | 「表示面積（平方メートル）」は数値（絶対値 1 兆以下、小数点以下 3 桁まで）で入力してください。
      tiny                  | outdoor-advertising-permit | {"location":"1-1","displayArea":1e-7,"displayFrom":"2027-01-04"} | data.displayArea | at most 3 decimals | 「表示面積（平方メートル）」は数値（絶対値 1 兆以下、小数点以下 3 桁まで）で入力してください。
      negative area (A11)   | road-occupancy-permit      | {"roadName":"区道1号","occupancyFrom":"2027-01-04","occupancyTo":"2027-03-31","occupancyArea":-5} | data.occupancyArea | must be at least 0.01 | 「占用面積（平方メートル）」は 0.01 以上で入力してください。
      zero area             | outdoor-advertising-permit | {"location":"1-1","displayArea":0,"displayFrom":"2027-01-04"} | data.displayArea | must be at least 0.01 | 「表示面積（平方メートル）」は 0.01 以上で入力してください。
      negative fee          | road-occupancy-permit      | {"roadName":"区道1号","occupancyFrom":"2027-01-04","occupancyTo":"2027-03-31","occupancyArea":5,"occupancyFee":-1} | data.occupancyFee | must be at least 0 | 「占用料（月額・円）」は 0 以上で入力してください。
      zero amount           | business-subsidy           | {"corporateNumber":"1180301018771","companyName":"株式会社テスト","requestedAmount":0} | data.requestedAmount | must be at least 1 | 「交付申請額（円）」は 1 以上で入力してください。
      """)
  void aBadDataValueIsRefusedWithItsFieldInEnglishAndItsLabelInJapanese(String name, String code, String data,
      String field, String english, String japanese) {
    Procedure procedure = catalog.find(code).orElseThrow();
    assertThatThrownBy(() -> ApplicationRequests.data(procedure, json(data), false))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.getMessage()).startsWith(field + ":").contains(english);
          assertThat(e.japanese()).isEqualTo(japanese);
        });
  }

  /** Review F4: NaN and infinities (a paper form's Double variable carries them; JSON text cannot). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2027-01-04 | 2027-01-03 | false",
      "2027-01-04 | 2027-01-04 | true",
      "2027-01-04 | 2027-03-31 | true"})
  void anEndDateBeforeTheStartDateIsRefusedNamingBothFields(String from, String to, boolean accepted) {
    Procedure road = catalog.find("road-occupancy-permit").orElseThrow();
    JsonNode data = json("{\"roadName\":\"区道1号\",\"occupancyFrom\":\"" + from + "\",\"occupancyTo\":\"" + to
        + "\",\"occupancyArea\":12.5}");
    if (accepted) {
      assertThat(ApplicationRequests.data(road, data, false)).containsEntry("occupancyTo", to);
      return;
    }
    assertThatThrownBy(() -> ApplicationRequests.data(road, data, false)).isInstanceOfSatisfying(ApiException.class,
        e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.field()).isEqualTo("data.occupancyTo");
          assertThat(e.getMessage()).contains("data.occupancyTo", "data.occupancyFrom");
          assertThat(e.japanese()).isEqualTo("「占用終了日」（2027年1月3日）は「占用開始日」（2027年1月4日）より前にできません。");
        });
    // a correction that changes one date is checked against the other as stored
    assertThatThrownBy(() -> ApplicationRequests.checkFieldRules(road, Map.of("occupancyFrom", "2027-05-01",
        "occupancyTo", "2027-04-30"))).hasMessageContaining("data.occupancyTo");
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 1e308, -1e13})
  void aNonFiniteOrAbsurdNumberIsRefusedLikeAnyBadNumber(double bad) {
    Procedure procedure = catalog.find("outdoor-advertising-permit").orElseThrow();
    com.fasterxml.jackson.databind.node.ObjectNode data = JSON.createObjectNode().put("location", "1-1")
        .put("displayFrom", "2027-01-04").put("displayArea", bad);
    assertThatThrownBy(() -> ApplicationRequests.data(procedure, data, false))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.field()).isEqualTo("data.displayArea");
          assertThat(e.japanese()).isEqualTo("「表示面積（平方メートル）」は数値（絶対値 1 兆以下、小数点以下 3 桁まで）で入力してください。");
        });
  }

  @Test
  void numbersUpToTheBoundAndThreeDecimalsAreKept() throws IOException {
    Procedure procedure = catalog.find("outdoor-advertising-permit").orElseThrow();
    // the magnitude bound is every number's; the area's least value (0.01) is the catalog's (a row above)
    for (String area : List.of("1000000000000", "0.01", "12.5", "0.125", "1.2300", "4")) {
      Map<String, Object> data = ApplicationRequests.data(procedure, json("{\"location\":\"1-1\",\"displayArea\":"
          + area + ",\"displayFrom\":\"2027-01-04\"}"), false);
      assertThat(data).as(area).containsKey("displayArea");
    }
  }

  @Test
  void aTextLongerThanTheLimitNamesTheLimitAndTheLength() {
    String long2001 = "あ".repeat(2001);
    assertThatThrownBy(() -> ApplicationRequests.data(advertising, JSON.valueToTree(Map.of("location", long2001,
        "displayArea", 4, "displayFrom", "2027-01-04")), false))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.field()).isEqualTo("data.location");
          assertThat(e.getMessage()).contains("at most 2000 characters (got 2001)");
          assertThat(e.japanese()).isEqualTo("「表示場所」は2000文字以内で入力してください（2001文字あります）。");
        });
  }

  @Test
  void identifiersAreKeptNormalisedAsTheirCheckSaysTheyAre() {
    // full-width digits with hyphens, as people type them on paper forms
    Map<String, Object> data = ApplicationRequests.data(subsidy, JSON.valueToTree(Map.of("corporateNumber",
        "１１８０-３０１０-１８７７１", "companyName", "株式会社テスト", "requestedAmount", 500000)), false);
    assertThat(data).containsEntry("corporateNumber", "1180301018771").containsEntry("requestedAmount", 500000);
    assertThat(data.keySet()).as("the catalog's order, whatever order was sent")
        .containsExactly("corporateNumber", "companyName", "requestedAmount");
    Map<String, Object> applicant = ApplicationRequests.applicant(json("{\"name\":\"株式会社テスト\","
        + "\"corporateNumber\":\"1180 3010 18771\"}"));
    assertThat(applicant).containsEntry("corporateNumber", "1180301018771");
    assertThatThrownBy(() -> ApplicationRequests.applicant(json("{\"name\":\"株式会社テスト\","
        + "\"corporateNumber\":\"1180301018772\"}")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.japanese())
            .isEqualTo("「申請者の法人番号」が正しくありません（13桁の数字で、先頭の検査用数字が合っていること）。"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no name           | {}                                   | applicant.name    | 申請者の氏名・名称を入力してください。
      blank name        | {"name":" "}                          | applicant.name    | 申請者の氏名・名称を入力してください。
      name with a tab   | {"name":"株式会社\\tテスト"}            | applicant.name    | 「申請者の氏名・名称」は改行やタブを含めず、1行で入力してください。
      name not text     | {"name":5}                            | applicant.name    | 「申請者の氏名・名称」は文字で入力してください。
      unknown field     | {"name":"テスト","fax":"03"}           | applicant.fax     | 申請者の項目「fax」はありません。
      """)
  void aBadApplicantIsRefusedTheSameWay(String name, String applicant, String field, String japanese) {
    assertThatThrownBy(() -> ApplicationRequests.applicant(json(applicant)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.japanese()).isEqualTo(japanese);
        });
  }

  @Test
  void theArrivalDateIsNotInTheFutureNorOlderThanTheCatalogAllows() {
    assertThat(ApplicationRequests.receivedOn(advertising, null, TODAY)).isEqualTo(TODAY);
    assertThat(ApplicationRequests.receivedOn(advertising, "2026-11-13", TODAY)).isEqualTo(LocalDate.of(2026, 11, 13));
    // outdoor advertising: 90 calendar days back (arrivalDateMaxAge), so 2026-08-18 is the earliest
    assertThat(ApplicationRequests.receivedOn(advertising, "2026-08-18", TODAY)).isEqualTo(LocalDate.of(2026, 8, 18));
    assertThat(refusal(() -> ApplicationRequests.receivedOn(advertising, "2026-08-17", TODAY)).japanese())
        .isEqualTo("到達日は 2026-08-18 以降の日付にしてください（手続「屋外広告物表示許可申請」で遡って登録できる期間を過ぎています）。");
    // the subsidy allows 30 days only
    assertThat(refusal(() -> ApplicationRequests.receivedOn(subsidy, "2026-10-16", TODAY)).field())
        .isEqualTo("receivedOn");
    assertThat(refusal(() -> ApplicationRequests.receivedOn(advertising, "2026-11-17", TODAY)).japanese())
        .isEqualTo("到達日に未来の日付は指定できません。");
    assertThat(refusal(() -> ApplicationRequests.receivedOn(advertising, "16/11/2026", TODAY)).japanese())
        .isEqualTo("到達日は日付（YYYY-MM-DD）で入力してください。");
  }

  @Test
  void aProcedureMustExistAndBeOfferedInTheTenant() {
    assertThat(refusal(() -> ApplicationRequests.procedure(catalog, null, "demo-ku")).japanese())
        .isEqualTo("手続を選んでください。");
    assertThat(refusal(() -> ApplicationRequests.procedure(catalog, "dog-licence", "demo-ku")).japanese())
        .isEqualTo("手続「dog-licence」は手続カタログにありません。");
    ApiException foreign = refusal(() -> ApplicationRequests.procedure(catalog, "business-subsidy", "other-town"));
    assertThat(foreign.field()).isEqualTo("tenantId");
    assertThat(foreign.japanese()).isEqualTo("手続「中小企業DX補助金交付申請」は自治体 other-town では扱っていません。");
  }

  @Test
  void documentsMustBeOfTheCatalogsKindsAndOfTheTenant() {
    JsonNode wrongKind = json("[{\"documentId\":\"d1\",\"kind\":\"photo\"}]");
    assertThat(refusal(() -> ApplicationRequests.documents(advertising, "demo-ku", wrongKind,
        id -> Optional.of("demo-ku"))).japanese())
        .isEqualTo("添付書類（1件目）の種類は、申請書、位置図、意匠図、承諾書のいずれかにしてください。");
    JsonNode foreign = json("[{\"documentId\":\"d1\",\"kind\":\"application-form\"}]");
    assertThat(refusal(() -> ApplicationRequests.documents(advertising, "demo-ku", foreign,
        id -> Optional.of("demo-shi"))).field()).isEqualTo("documents[0].documentId");
    assertThat(ApplicationRequests.documents(advertising, "demo-ku", foreign, id -> Optional.of("demo-ku")))
        .containsExactly(new ApplicationRequests.DocumentRef("d1", "application-form"));
  }

  @Test
  void everyRefusalOfAnApplicationsContentHasAJapaneseSentence() {
    List<Runnable> bad = List.of(
        () -> ApplicationRequests.applicant(null),
        () -> ApplicationRequests.data(advertising, null, false),
        () -> ApplicationRequests.data(advertising, json("[]"), false),
        () -> ApplicationRequests.documents(advertising, "demo-ku", json("{}"), id -> Optional.empty()));
    for (Runnable call : bad) {
      assertThat(refusal(call::run).japanese()).isNotBlank();
    }
  }

  private static ApiException refusal(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  private static ApiException refusal(java.util.function.Supplier<?> call) {
    return refusal((Runnable) call::get);
  }
}
