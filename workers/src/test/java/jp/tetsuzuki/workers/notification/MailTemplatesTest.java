package jp.tetsuzuki.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  @Test
  void fillsTheApprovalMailWithJapaneseDates() {
    RenderedMail mail = templates.render("application-approved", Map.of("procedureName", "保育所入所申請",
        "caseNumber", "R7-0042", "applicantName", "山田 花子", "decisionDate", "2025-03-28"));

    assertThat(mail.subject()).isEqualTo("【保育所入所申請】決定のお知らせ（受付番号 R7-0042）");
    assertThat(mail.body()).startsWith("山田 花子 様\n")
        .contains("保育所入所申請の申請について、2025年3月28日付けで承認されました")
        .contains("受付番号：R7-0042")
        .doesNotContain("{");
  }

  @Test
  void theReminderSaysOnceThatNoCorrectionArrivedYet() {
    // noticeText is the case event's text (events.properties correction.reminder), which says it already
    String noticeText = "補正期限（2027年1月15日）が近づいていますが、まだ補正を確認できていません。期限までに補正がない場合は、"
        + "申請は取り下げられたものとして扱います。";
    RenderedMail mail = templates.render("correction-reminder", Map.of("procedureName", "道路占用許可申請",
        "caseNumber", "R7-0042", "applicantName", "デモ建設株式会社", "noticeText", noticeText));
    assertThat(mail.body().split("まだ補正を確認できていません", -1)).hasSize(2);
    assertThat(mail.body()).contains("道路占用許可申請の申請について補正をお願いしています。").doesNotContain("{");
  }

  @Test
  void theDecisionLetterNamesTheAuthorityTheDateAndWhomToAskWithoutInternalNotes() {
    RenderedMail mail = templates.render("decision-notified", Map.of("procedureName", "屋外広告物許可申請",
        "caseNumber", "c-1", "applicantName", "デモ看板株式会社", "authorityName", "デモ区",
        "noticeDate", "2026-12-16", "contact", "デモ区 都市計画課",
        "noticeText", "【屋外広告物許可申請】申請のとおり許可します。（根拠: 屋外広告物条例 第5条）"));
    assertThat(mail.body()).contains("デモ区は2026年12月16日付けで次のとおり処分しました", "処分庁：デモ区",
        "処分日：2026年12月16日", "お問い合わせ：デモ区 都市計画課").doesNotContain("通知方法", "2026-12-16", "{");
  }

  @Test
  void theCorrectionLetterSaysByWhenAndHowToSubmitWithJapaneseDatesInTheReasonToo() {
    RenderedMail mail = templates.render("correction-requested", Map.of("procedureName", "屋外広告物許可申請",
        "caseNumber", "c-2", "applicantName", "デモ看板株式会社", "correctionDueDate", "2026-12-01",
        "contact", "デモ区 都市計画課", "correctionConsequence", "期限までに補正がない場合は、申請は取り下げられたものとして扱います。",
        "correctionReason", "位置図（補正期限 2026-12-01 までに）\n・位置図が添付されていません"));
    assertThat(mail.body()).contains("補正の期限：2026年12月1日", "補正期限 2026年12月1日", "電子申請サービスから",
        "持参または郵送", "お問い合わせ：デモ区 都市計画課").doesNotContain("2026-12-01", "{");
    // every line of the reason is indented like its first (newcomer review N13)
    assertThat(mail.body()).contains("\n　位置図（補正期限 2026年12月1日 までに）\n　・位置図が添付されていません\n\n　補正の期限");
  }

  @Test
  void onlyAPlaceholderAloneAfterBlanksIndentsTheFollowingLinesOfItsValue() {
    RenderedMail mail = templates.render("correction-reminder", Map.of("procedureName", "屋外広告物許可申請",
        "caseNumber", "c-3", "applicantName", "デモ看板株式会社\n（代表）", "noticeText", "位置図が添付されていません。\n意匠図が添付されていません。"));
    assertThat(mail.body()).contains("\n　位置図が添付されていません。\n　意匠図が添付されていません。\n")
        .startsWith("デモ看板株式会社\n（代表） 様");
  }

  /** contract-payment: a returned invoice is mailed to the supplier's system in Japanese, listing the problems. */
  @Test
  void theInvoiceReturnListsTheProblemsAndSaysThePaymentClockStands() {
    RenderedMail mail = templates.render("invoice-returned", Map.of("supplierName", "株式会社〇〇商事",
        "contractTitle", "事務用品の購入", "contractId", "C-2026-0042", "invoiceNumber", "INV-7",
        "returnedOn", "2026-11-18", "invoiceProblemsText",
        "・登録番号のチェックディジット（先頭の数字）が正しくありません。（REGISTRATION_NUMBER_CHECK_DIGIT）"));
    assertThat(mail.subject()).isEqualTo("【契約・支出】請求書の返戻のお知らせ（契約番号 C-2026-0042）");
    assertThat(mail.body()).startsWith("株式会社〇〇商事 御中\n")
        .contains("請求書（INV-7）に次の不備があるため、2026年11月18日付けで返戻します",
            "登録番号のチェックディジット", "支払期間（政府契約の支払遅延防止等に関する法律6条）に数えません")
        .doesNotContain("2026-11-18", "{");
  }

  @Test
  void theCorrectionLetterTellsTheConsequenceTheCatalogSaysAndStatesTheDeadlineAndThePauseOnce() {
    // review (newcomer #14): a procedure with correction.onTimeout: deemed-withdrawn was told 「そのまま判断」
    Map<String, Object> values = new java.util.HashMap<>(Map.of("procedureName", "保存樹木伐採届出",
        "caseNumber", "c-3", "applicantName", "デモ造園株式会社", "correctionDueDate", "2026-12-16",
        "contact", "デモ区 都市計画課", "correctionReason", "・位置図が添付されていません",
        "correctionConsequence", "期限までに補正がない場合は、申請は取り下げられたものとして扱います。"));
    String withdrawn = templates.render("correction-requested", values).body();
    assertThat(withdrawn).contains("期限までに補正がない場合は、申請は取り下げられたものとして扱います。")
        .doesNotContain("そのまま判断", "補正を求めました");
    assertThat(withdrawn.split("補正の期限", -1)).hasSize(2);
    assertThat(withdrawn.split("一時停止", -1)).hasSize(2);
    assertThat(withdrawn.indexOf("・位置図が添付されていません")).isLessThan(withdrawn.indexOf("補正の期限"));

    values.put("correctionConsequence", "期限までに補正がない場合は、形式上の要件に適合しない申請として拒否することになります（行政手続法第7条）。");
    assertThat(templates.render("correction-requested", values).body()).contains("拒否することになります（行政手続法第7条）")
        .doesNotContain("取り下げ", "そのまま判断");

    // a producer that does not say what happens gets an error, not a letter without the consequence
    values.remove("correctionConsequence");
    assertThatThrownBy(() -> templates.render("correction-requested", values))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'correctionConsequence'");
  }

  @Test
  void aMissingValueIsAnErrorNotAGapInTheLetter() {
    assertThatThrownBy(() -> templates.render("application-received", Map.of("procedureName", "保育所入所申請",
        "caseNumber", "R7-0042")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'applicantName'");
  }

  @Test
  void onlyKnownTemplateNamesAreAccepted() {
    assertThatThrownBy(() -> templates.render("no-such-event", Map.of()))
        .hasMessageContaining("no mail template for notification event 'no-such-event'");
    assertThatThrownBy(() -> templates.render("../../../../application", Map.of()))
        .hasMessageContaining("is not a template name");
  }
}
