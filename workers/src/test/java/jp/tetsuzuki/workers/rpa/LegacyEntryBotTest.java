package jp.tetsuzuki.workers.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import jp.tetsuzuki.workers.rpa.demo.LegacySystemSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LegacyEntryBotTest {

  private static final Instant NOW = Instant.parse("2025-04-01T01:00:00Z");

  static final String USER = "rpa-bot";
  static final String PASSWORD = "s3cret-for-tests";

  private LegacySystemSimulator legacy;
  private LegacyEntryBot bot;
  private final List<AuditStep> notified = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    legacy = new LegacySystemSimulator(USER, PASSWORD, 0);
    bot = bot(PASSWORD);
  }

  @AfterEach
  void stop() {
    legacy.close();
  }

  static CaseEntry approvedCase(String caseNumber) {
    return new CaseEntry(caseNumber, "山田 花子", "ヤマダ　ハナコ", LocalDate.of(1988, 7, 14), "100-0001",
        "東京都千代田区千代田１－１　髙橋ハイツ１０１", LocalDate.of(2025, 3, 28), 15_000);
  }

  private LegacyEntryBot bot(String password) {
    return new LegacyEntryBot(new LegacySystemSettings(legacy.baseUrl(), USER, password,
        Duration.ofSeconds(5)), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void entersTheApprovedCaseThroughLoginSearchFormAndConfirmation() throws Exception {
    EntryResult result = bot.enter(approvedCase("R7-0042"), notified::add);

    assertThat(result.outcome()).isEqualTo(EntryResult.Outcome.ENTERED);
    assertThat(result.recordNumber()).matches("A-\\d{6}");
    var stored = legacy.records().get("R7-0042");
    assertThat(stored.recordNumber()).isEqualTo(result.recordNumber());
    // Japanese survives the legacy system's Windows-31J forms, including 髙 and the full-width space
    assertThat(stored.fields())
        .containsEntry("shimei", "山田 花子")
        .containsEntry("shimeiKana", "ヤマダ　ハナコ")
        .containsEntry("seinengappi", "1988/07/14")
        .containsEntry("yubinBango", "100-0001")
        .containsEntry("jusho", "東京都千代田区千代田１－１　髙橋ハイツ１０１")
        .containsEntry("ketteibi", "2025/03/28")
        .containsEntry("getsugaku", "15000");
    assertThat(legacy.registrations()).isEqualTo(1);
  }

  @Test
  void theAuditTrailRecordsEveryScreenStepWithoutPersonalData() throws Exception {
    EntryResult result = bot.enter(approvedCase("R7-0042"), notified::add);

    assertThat(result.audit().steps()).extracting(AuditStep::screen, AuditStep::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple("-", "OK: ログイン"),
        org.assertj.core.groups.Tuple.tuple("ログイン", "OK: メニュー"),
        org.assertj.core.groups.Tuple.tuple("メニュー", "OK: 受給者検索"),
        org.assertj.core.groups.Tuple.tuple("受給者検索", "OK: 検索結果"),
        org.assertj.core.groups.Tuple.tuple("検索結果", "NOT FOUND"),
        org.assertj.core.groups.Tuple.tuple("検索結果", "OK: 受給者登録"),
        org.assertj.core.groups.Tuple.tuple("受給者登録", "OK: 登録内容確認"),
        org.assertj.core.groups.Tuple.tuple("登録内容確認", "OK: 登録完了"),
        org.assertj.core.groups.Tuple.tuple("登録完了", "ENTERED " + result.recordNumber()),
        org.assertj.core.groups.Tuple.tuple("登録完了", "OK"));
    assertThat(result.audit().steps()).allSatisfy(step -> assertThat(step.at()).isEqualTo(NOW));
    assertThat(notified).isEqualTo(result.audit().steps());
    String json = result.audit().toJson();
    assertThat(json).startsWith("[{\"at\":\"2025-04-01T01:00:00Z\",\"screen\":\"-\",\"action\":\"open login page\"")
        .contains("search case R7-0042")
        .doesNotContain("山田", "ヤマダ", "1988", "100-0001", "千代田", PASSWORD);
  }

  @Test
  void aReRunFindsTheRecordAndEntersNothing() throws Exception {
    EntryResult first = bot.enter(approvedCase("R7-0042"), notified::add);
    EntryResult second = bot.enter(approvedCase("R7-0042"), step -> {});

    assertThat(second.outcome()).isEqualTo(EntryResult.Outcome.ALREADY_PRESENT);
    assertThat(second.recordNumber()).isEqualTo(first.recordNumber());
    assertThat(legacy.registrations()).isEqualTo(1);
    assertThat(legacy.records()).hasSize(1);
    assertThat(second.audit().steps()).extracting(AuditStep::screen).doesNotContain("受給者登録", "登録内容確認");
    assertThat(second.audit().steps()).extracting(AuditStep::outcome)
        .contains("FOUND " + first.recordNumber() + ": nothing entered");
  }

  @Test
  void aRetryAfterTheAnswerWasLostFindsTheRecordThatTheFirstTryEntered() throws Exception {
    legacy.failAfterNextRegistration();
    assertThatThrownBy(() -> bot.enter(approvedCase("R7-0042"), step -> {}))
        .isInstanceOf(LegacySystemException.class);
    assertThat(legacy.registrations()).isEqualTo(1);

    EntryResult retry = bot.enter(approvedCase("R7-0042"), step -> {});

    assertThat(retry.outcome()).isEqualTo(EntryResult.Outcome.ALREADY_PRESENT);
    assertThat(retry.recordNumber()).isEqualTo(legacy.records().get("R7-0042").recordNumber());
    assertThat(legacy.registrations()).isEqualTo(1);
  }

  @Test
  void onlyAnExactCaseNumberCountsAsPresentThoughTheLegacySearchMatchesPrefixes() throws Exception {
    String other = legacy.existing("R7-00421", "佐藤 一郎");

    EntryResult result = bot.enter(approvedCase("R7-0042"), step -> {});

    assertThat(result.outcome()).isEqualTo(EntryResult.Outcome.ENTERED);
    assertThat(result.recordNumber()).isNotEqualTo(other);
    assertThat(legacy.records()).containsKeys("R7-00421", "R7-0042");
  }

  @Test
  void validationErrorsOfTheLegacyFormComeBackAsTheScreenShowsThem() {
    CaseEntry wrong = new CaseEntry("R7-0043", "山田 花子", "やまだ はなこ", LocalDate.of(1988, 7, 14), "1000001",
        "東京都千代田区", LocalDate.of(2025, 3, 28), 15_000);

    assertThatThrownBy(() -> bot.enter(wrong, step -> {}))
        .isInstanceOfSatisfying(LegacyValidationException.class, e -> {
          assertThat(e.messages()).containsExactly("氏名カナは全角カタカナで入力してください。",
              "郵便番号は「123-4567」の形式で入力してください。");
          assertThat(e.audit().steps()).last().extracting(AuditStep::outcome).isEqualTo("OK");
          assertThat(e.audit().steps()).extracting(AuditStep::outcome).contains("VALIDATION ERRORS: 2");
        });
    assertThat(legacy.records()).isEmpty();
    assertThat(legacy.registrations()).isZero();
  }

  @Test
  void aMaintenanceScreenIsATechnicalFaultWithTheTrailSoFar() {
    legacy.maintenance(true);

    assertThatThrownBy(() -> bot.enter(approvedCase("R7-0042"), step -> {}))
        .isInstanceOfSatisfying(LegacySystemException.class, e -> {
          assertThat(e.getMessage()).contains("503");
          assertThat(e.audit().steps()).extracting(AuditStep::outcome).contains("FAILED: FailingHttpStatusCodeException");
        });
  }

  @Test
  void aRefusedLoginIsATechnicalFault() {
    assertThatThrownBy(() -> bot("wrong").enter(approvedCase("R7-0042"), step -> {}))
        .isInstanceOf(LegacySystemException.class)
        .hasMessageContaining("refused the bot's login");
    assertThat(legacy.records()).isEmpty();
  }
}
