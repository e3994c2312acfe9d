package jp.tetsuzuki.workers.rpa;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.htmlunit.BrowserVersion;
import org.htmlunit.ElementNotFoundException;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableRow;

/**
 * Enters an approved case into the legacy welfare ledger (福祉給付台帳), which has only HTML screens: log in, search
 * the case number, and only if no record has it, fill the entry form, pass its validation, confirm, read the record
 * number. A re-run after a crash therefore finds the record and enters nothing. Every screen step goes into an
 * {@link AuditTrail}. One {@link WebClient} (one session) per run: WebClient is not thread-safe.
 *
 * <p>The screens are recognised by their titles and the forms by their names, as the legacy system serves them.
 */
public class LegacyEntryBot {

  // screen titles of the legacy system
  static final String SCREEN_LOGIN = "ログイン";
  static final String SCREEN_MENU = "メニュー";
  static final String SCREEN_SEARCH = "受給者検索";
  static final String SCREEN_RESULTS = "検索結果";
  static final String SCREEN_ENTRY = "受給者登録";
  static final String SCREEN_CONFIRM = "登録内容確認";
  static final String SCREEN_DONE = "登録完了";
  /** Dates on the legacy screens: 2025/04/01. */
  private static final DateTimeFormatter LEGACY_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

  private final LegacySystemSettings settings;
  private final Clock clock;

  public LegacyEntryBot(LegacySystemSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Enters the case unless the legacy system already has it.
   *
   * @throws LegacyValidationException the entry form refused the data (a business outcome)
   * @throws LegacySystemException a technical fault; safe to retry
   */
  public EntryResult enter(CaseEntry entry, AuditTrail.StepListener listener) throws LegacyValidationException {
    if (!settings.configured()) {
      throw new IllegalStateException("tetsuzuki.legacy-system.base-url is not configured");
    }
    AuditTrail audit = new AuditTrail(entry.caseNumber(), clock, listener);
    try (WebClient web = browser()) {
      HtmlPage page = web.getPage(URI.create(settings.baseUrl()).resolve("login").toURL());
      expect(page, SCREEN_LOGIN, audit, "-", "open login page");
      page = logIn(page, audit);
      try {
        return enterOrFind(page, entry, audit);
      } finally {
        logOut(web, audit);
      }
    } catch (IOException | FailingHttpStatusCodeException | ElementNotFoundException e) {
      audit.record("-", "request", "FAILED: " + e.getClass().getSimpleName());
      throw new LegacySystemException("legacy system unreachable or changed: " + e.getMessage(), audit, e);
    }
  }

  private EntryResult enterOrFind(HtmlPage menu, CaseEntry entry, AuditTrail audit)
      throws IOException, LegacyValidationException {
    HtmlPage page = menu.getAnchorByText(SCREEN_SEARCH).click();
    expect(page, SCREEN_SEARCH, audit, SCREEN_MENU, "open search");

    HtmlForm search = page.getFormByName("search");
    search.getInputByName("uketsukeNo").setValue(entry.caseNumber());
    page = search.getInputByName("search").click();
    expect(page, SCREEN_RESULTS, audit, SCREEN_SEARCH, "search case " + entry.caseNumber());

    Optional<String> existing = recordNumberOf(page, entry.caseNumber());
    if (existing.isPresent()) {
      audit.record(SCREEN_RESULTS, "look for case " + entry.caseNumber(), "FOUND " + existing.get()
          + ": nothing entered");
      return new EntryResult(EntryResult.Outcome.ALREADY_PRESENT, existing.get(), audit);
    }
    audit.record(SCREEN_RESULTS, "look for case " + entry.caseNumber(), "NOT FOUND");

    page = page.getAnchorByText("新規登録").click();
    expect(page, SCREEN_ENTRY, audit, SCREEN_RESULTS, "open new entry");

    HtmlForm form = page.getFormByName("entry");
    form.getInputByName("uketsukeNo").setValue(entry.caseNumber());
    form.getInputByName("shimei").setValue(nullToEmpty(entry.applicantName()));
    form.getInputByName("shimeiKana").setValue(nullToEmpty(entry.applicantNameKana()));
    form.getInputByName("seinengappi").setValue(legacyDate(entry.birthDate()));
    form.getInputByName("yubinBango").setValue(nullToEmpty(entry.postalCode()));
    form.getInputByName("jusho").setValue(nullToEmpty(entry.address()));
    form.getInputByName("ketteibi").setValue(legacyDate(entry.decisionDate()));
    form.getInputByName("getsugaku").setValue(Long.toString(entry.monthlyAmount()));
    page = form.getInputByName("confirm").click();

    if (page.getTitleText().startsWith(SCREEN_ENTRY)) {
      List<String> errors = page.querySelectorAll("ul.errors li").stream()
          .map(node -> node.getTextContent().strip()).filter(text -> !text.isEmpty()).toList();
      if (!errors.isEmpty()) {
        audit.record(SCREEN_ENTRY, "fill uketsukeNo, shimei, shimeiKana, seinengappi, yubinBango, jusho, ketteibi, "
            + "getsugaku; confirm", "VALIDATION ERRORS: " + errors.size());
        throw new LegacyValidationException(errors, audit);
      }
    }
    expect(page, SCREEN_CONFIRM, audit, SCREEN_ENTRY,
        "fill uketsukeNo, shimei, shimeiKana, seinengappi, yubinBango, jusho, ketteibi, getsugaku; confirm");
    // guard: register only what the confirmation shows to be this case
    DomElement shownCase = page.getElementById("uketsukeNo");
    if (shownCase == null || !entry.caseNumber().equals(shownCase.getTextContent().strip())) {
      audit.record(SCREEN_CONFIRM, "check case number", "MISMATCH");
      throw new LegacySystemException("confirmation screen does not show case " + entry.caseNumber(), audit, null);
    }
    page = page.getFormByName("register").getInputByName("register").click();
    expect(page, SCREEN_DONE, audit, SCREEN_CONFIRM, "register");

    DomElement number = page.getElementById("kanriNo");
    String recordNumber = number == null ? "" : number.getTextContent().strip();
    if (recordNumber.isEmpty()) {
      audit.record(SCREEN_DONE, "read record number", "MISSING");
      throw new LegacySystemException("completion screen shows no record number", audit, null);
    }
    audit.record(SCREEN_DONE, "read record number", "ENTERED " + recordNumber);
    return new EntryResult(EntryResult.Outcome.ENTERED, recordNumber, audit);
  }

  private HtmlPage logIn(HtmlPage page, AuditTrail audit) throws IOException {
    HtmlForm form = page.getFormByName("login");
    form.getInputByName("userId").setValue(settings.userId());
    form.getInputByName("password").setValue(settings.password());
    HtmlPage next = form.getInputByName("login").click();
    if (next.getTitleText().startsWith(SCREEN_LOGIN)) {
      audit.record(SCREEN_LOGIN, "log in as " + settings.userId(), "REFUSED");
      throw new LegacySystemException("legacy system refused the bot's login (account " + settings.userId() + ")",
          audit, null);
    }
    expect(next, SCREEN_MENU, audit, SCREEN_LOGIN, "log in as " + settings.userId());
    return next;
  }

  /** Best effort: the legacy system allows few concurrent sessions, so leave properly; a failure here changes nothing. */
  private void logOut(WebClient web, AuditTrail audit) {
    try {
      if (web.getCurrentWindow().getEnclosedPage() instanceof HtmlPage page) {
        String screen = screenOf(page);
        page.getAnchorByText("ログアウト").click();
        audit.record(screen, "log out", "OK");
      }
    } catch (IOException | RuntimeException e) {
      audit.record("-", "log out", "SKIPPED: " + e.getClass().getSimpleName());
    }
  }

  private static Optional<String> recordNumberOf(HtmlPage results, String caseNumber) {
    DomElement table = results.getElementById("results");
    if (!(table instanceof HtmlTable rows)) {
      return Optional.empty();
    }
    // the legacy search matches prefixes ("R7-1" finds "R7-10"): only an exact case number counts
    for (HtmlTableRow row : rows.getRows()) {
      DomElement caseCell = row.querySelector("td.uketsukeNo");
      DomElement numberCell = row.querySelector("td.kanriNo");
      if (caseCell != null && numberCell != null && caseNumber.equals(caseCell.getTextContent().strip())) {
        return Optional.of(numberCell.getTextContent().strip());
      }
    }
    return Optional.empty();
  }

  private static void expect(HtmlPage page, String screen, AuditTrail audit, String from, String action) {
    String title = page.getTitleText();
    if (!title.startsWith(screen)) {
      audit.record(from, action, "UNEXPECTED SCREEN: " + title);
      throw new LegacySystemException("expected the screen " + screen + " after '" + action + "' but got '" + title
          + "'", audit, null);
    }
    audit.record(from, action, "OK: " + screen);
  }

  /** The screen's name: its title up to the system name ("ログイン｜福祉給付台帳システム" → "ログイン"). */
  private static String screenOf(HtmlPage page) {
    String title = page.getTitleText();
    int bar = title.indexOf('｜');
    return bar < 0 ? title : title.substring(0, bar);
  }

  private WebClient browser() {
    WebClient web = new WebClient(BrowserVersion.BEST_SUPPORTED);
    // the legacy screens are plain forms; scripts and styles only cost time
    web.getOptions().setJavaScriptEnabled(false);
    web.getOptions().setCssEnabled(false);
    web.getOptions().setDownloadImages(false);
    web.getOptions().setThrowExceptionOnFailingStatusCode(true);
    web.getOptions().setTimeout((int) settings.timeout().toMillis());
    return web;
  }

  private static String legacyDate(LocalDate date) {
    return date == null ? "" : LEGACY_DATE.format(date);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
