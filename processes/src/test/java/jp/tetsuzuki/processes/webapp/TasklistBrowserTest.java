package jp.tetsuzuki.processes.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.ChildcareEnrollment;
import jp.tetsuzuki.bpmn.ConnectivityCheck;
import jp.tetsuzuki.bpmn.ContractPayment;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.contractpayment.ContractPaymentHttpTest;
import jp.tetsuzuki.processes.support.Cases;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A staff member opens the Tasklist in a real browser (Debian's Chromium), sees it in Japanese, logs in and finds
 * the shared filters and a task of their municipality. Screenshots go to target/screenshots.
 */
@PlatformTest
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  private ChromeDriver browser;
  private Path profile;

  @BeforeEach
  void openBrowser() throws IOException {
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1400,900", "--lang=en-US", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void staffSeesTheTasklistInJapaneseAndTheirMunicipalitysTask() throws IOException {
    String businessKey = "browser-" + UUID.randomUUID();
    Http.as("staff-ku", port).postJson("/engine-rest/process-definition/key/" + ConnectivityCheck.ID + "/start",
        Map.of("businessKey", businessKey, "variables", Map.of("tenantId", Map.of("value", "demo-ku"))));

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    // an English browser still gets Japanese: the platform's default, not the browser's language, decides
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "ログイン"));
    screenshot("tasklist-login");
    assertThat(browser.findElement(By.id("tetsuzuki-language-switch")).getText()).isEqualTo("English");

    browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys("staff-ku");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(Http.DEMO_PASSWORD);
    browser.findElement(By.cssSelector("button[type='submit']")).click();

    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "グループのタスク"));
    } catch (RuntimeException e) {
      screenshot("tasklist-after-login-failure");
      Object probe = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "const urls = performance.getEntriesByType('resource').map(e => e.name).filter(u => u.includes('/api/'));"
          + "Promise.all(urls.map(u => fetch(u).then(r => r.text().then(t => r.status + ' ' + u + ' ' + t.substring(0, 200)))))"
          + ".then(all => done(all.join('\\n'))).catch(x => done('error ' + x));");
      throw new AssertionError("filters did not show; the Tasklist's filter request answered: " + probe, e);
    }
    browser.findElement(By.xpath("//*[contains(text(),'グループのタスク')]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "疎通を確認する"));
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains("自分のタスク（デモ区）", "期限が近いタスク（デモ区）", "期限切れのタスク（デモ区）",
        "代理で決裁できるタスク（デモ区）", "疎通を確認する").doesNotContain("デモ市");
    // the vendor's end-of-life banner of the community edition is not shown to staff
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allMatch(banner -> !banner.isDisplayed());
    assertThat(page).doesNotContain("Camunda 8", "Camunda 7 CE");
    screenshot("tasklist-group-tasks");
  }

  @Test
  void staffOpenAReviewTaskAndSeeTheJapaneseReviewForm() throws IOException {
    // a paper application registered by staff, as from the Tasklist start form
    String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(1).toString();
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("tenantId", Map.of("value", "demo-ku"));
    variables.put("procedureCode", Map.of("value", "outdoor-advertising-permit"));
    variables.put("receivedOn", Map.of("value", yesterday));
    variables.put("applicantName", Map.of("value", "ブラウザ看板株式会社"));
    variables.put("paperDocumentsReceived", Map.of("value", true));
    variables.put("outdoor-advertising-permit__location", Map.of("value", "デモ区2-2"));
    variables.put("outdoor-advertising-permit__displayArea", Map.of("value", 3));
    variables.put("outdoor-advertising-permit__displayFrom", Map.of("value", "2027-04-01"));
    Http.Response started = Http.as("staff-ku", port).postJson("/engine-rest/process-definition/key/"
        + "administrative-procedure/submit-form", Map.of("variables", variables));
    assertThat(started.status()).as(started.body()).isEqualTo(200);

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys("staff-ku");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(Http.DEMO_PASSWORD);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "グループのタスク"));
    browser.findElement(By.xpath("//*[contains(text(),'グループのタスク')]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "審査する"));
    // the list tells the cases apart: applicant and procedure of each task, not only 「審査する / 行政手続」
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "ブラウザ看板株式会社"));
    } catch (RuntimeException e) {
      screenshot("tasklist-review-list-failure");
      throw e;
    }
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("申請者", "屋外広告物表示許可申請");
    screenshot("tasklist-review-list");
    // this very case's task: other tests' review tasks of デモ区 are in the list too
    browser.findElement(By.xpath("//li[contains(@class,'task')][contains(.,'ブラウザ看板株式会社')]"
        + "//*[contains(text(),'審査する')]")).click();
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "起案する処分"));
    } catch (RuntimeException e) {
      screenshot("tasklist-review-form-failure");
      throw e;
    }
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains("審査結果", "起案する処分", "許可", "不許可（申請拒否処分）");
    // what the applicant submitted, as a table of the catalog's fields (rendered text, not inputs)
    assertThat(page).contains("申請内容（屋外広告物表示許可申請）", "デモ区2-2", "2027年4月1日");
    assertThat(browser.findElements(By.cssSelector("input")).stream().map(input -> input.getAttribute("value"))
        .toList()).doesNotContain("デモ区2-2");
    // the case's facts are shown read-only in the form's fields
    assertThat(browser.findElements(By.cssSelector("input")).stream().map(input -> input.getAttribute("value"))
        .toList()).contains("屋外広告物表示許可申請", "ブラウザ看板株式会社");
    // the attachments as a table (here: none, the documents came on paper), not a bare id field
    assertThat(page).contains("添付書類");
    screenshot("tasklist-review-form");
    // the language link never covers a button of the form (it used to float over 完了)
    Object overlap = browser.executeScript("const l = document.getElementById('tetsuzuki-language-switch');"
        + "if (!l) { return 'missing'; } const a = l.getBoundingClientRect();"
        + "return [...document.querySelectorAll('button')].filter(b => b.offsetParent !== null)"
        + ".map(b => b.getBoundingClientRect()).some(r => !(r.right <= a.left || r.left >= a.right"
        + " || r.bottom <= a.top || r.top >= a.bottom)) ? 'overlap' : 'clear';");
    assertThat(overlap).isEqualTo("clear");
  }

  /**
   * The paper-registration start form as the Tasklist renders it (form-js of Camunda 7.24): generated from the
   * catalog, staff-ku's own municipality preselected, and each procedure's typed fields shown only once that
   * procedure is chosen (conditional hide).
   */
  @Test
  void staffSeeTheCatalogsProceduresAndTheirTypedFieldsInThePaperForm() throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys("staff-ku");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(Http.DEMO_PASSWORD);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "グループのタスク"));
    try {
      browser.findElement(By.xpath("//a[contains(normalize-space(.),'プロセスを開始')]")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
          "//*[contains(@class,'modal')]//a[normalize-space(.)='行政手続']"))).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "紙の申請書の登録"));
      String before = browser.findElement(By.tagName("body")).getText();
      assertThat(before).contains("到達日（受付印の日付）", "申請者の氏名・名称", "デモ区")
          .doesNotContain("道路名", "表示場所");
      screenshot("tasklist-paper-form");

      WebElement procedure = browser.findElement(By.xpath("//*[contains(@class,'fjs-form-field-select')]"
          + "[.//label[normalize-space(text())='手続']]"));
      procedure.findElement(By.cssSelector(".fjs-input-group")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
          "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(text())='道路占用許可申請']"))).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "道路名"));
      String chosen = browser.findElement(By.tagName("body")).getText();
      assertThat(chosen).contains("道路占用許可申請の申請内容", "占用開始日", "占用面積（平方メートル）")
          .doesNotContain("表示場所", "交付申請額");
      screenshot("tasklist-paper-form-road");
    } catch (RuntimeException e) {
      screenshot("tasklist-paper-form-failure");
      throw e;
    }
  }

  /**
   * A PDF invoice read by the OCR worker (real Tesseract, in this JVM) reaches 「請求書の読取内容を確認」 as in
   * ContractPaymentHttpTest; staff open that task in the Tasklist and see the scan (a Markdown image with a relative
   * source, loaded with their webapp session) beside the fields OCR read.
   */
  @Test
  void staffSeeTheScannedInvoiceBesideTheFieldsOcrRead() throws Exception {
    String id = "C-BROWSER-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> contract = jp.tetsuzuki.processes.contractpayment.ContractPaymentHttpTest
        .pdfInvoiceContract(id, "事務用品の購入（ブラウザ確認）");
    Http contractSystem = Http.as("api-client", port);
    Http supplier = Http.as("supplier-marumaru", port);
    assertThat(contractSystem.header("Idempotency-Key", "c-" + id).postJson("/api/v1/contracts", contract).status())
        .isEqualTo(201);
    assertThat(supplier.header("Idempotency-Key", "n-" + id).postJson("/api/v1/contracts/" + id + "/completion",
        Map.of()).status()).isEqualTo(200);
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    Http inspector = Http.as("kensa-ku", port);
    JsonNode inspect = inspector.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey="
        + ContractPayment.TASK_INSPECT + "&maxResults=10").json();
    assertThat(inspect.size()).as(inspect.toString()).isEqualTo(1);
    assertThat(inspector.postJson("/engine-rest/task/" + inspect.get(0).get("id").asText() + "/submit-form",
        Map.of("variables", Map.of(ContractPayment.INSPECTION_RESULT, Map.of("value", "pass", "type", "String"))))
        .status()).isEqualTo(204);
    String boundary = "b" + UUID.randomUUID();
    Http.Response sent = supplier.header("Idempotency-Key", "p1-" + id).post("/api/v1/invoices",
        "multipart/form-data; boundary=" + boundary, ContractPaymentHttpTest.pdfMultipart(boundary,
            ContractPaymentHttpTest.invoicePdf(LocalDate.now(JapanTime.ZONE).minusDays(1)), id));
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    String taskId = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(
        () -> tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(ContractPayment.TASK_VERIFY_INVOICE)
            .list(), t -> t.size() == 1).get(0).getId();
    String read = (String) tasks.getVariable(taskId, ContractPayment.REGISTRATION_NUMBER);

    // the relative source loads from whatever host the Tasklist is opened at, with that host's session cookie
    for (String host : List.of("localhost", "127.0.0.1")) {
      seeTheScanBesideTheFields(host, taskId, "請求書の原本（1頁目）", "登録番号", read,
          "tasklist-verify-invoice-" + host, "請求書（PDF・画像）の読取内容を確認する", "登録番号（T＋13桁）",
          "請求金額（税込、円）");
    }
  }

  /**
   * An employment certificate of a childcare application (as in ChildcareRoundHttpTest), read by the OCR worker,
   * reaches 「就労証明書の内容を確認」: staff see its first page beside the fields read from it.
   */
  @Test
  void staffSeeTheScannedCertificateBesideTheFieldsOcrRead() throws Exception {
    Http app = Http.as("api-client", port);
    String certificate = Cases.upload(app, "demo-ku", Cases.pdf("shuro shomeisho"));
    String child = "子" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> body = Map.of(
        "tenantId", "demo-ku",
        "admissionMonth", "2027-01",
        "household", Map.of("singleParent", true),
        "guardians", List.of(Map.of("name", "保護者1", "reason", "work", "daysPerMonth", 20, "hoursPerDay", 8)),
        "children", List.of(Map.of("childId", "c1", "name", child, "birthDate", "2025-06-01",
            "preferences", List.of("minami-hoikuen"))),
        "documents", List.of(Map.of("documentId", certificate, "kind", "employment-certificate",
            "guardianNumber", 1)));
    Http.Response created = app.header("Idempotency-Key", UUID.randomUUID().toString())
        .postJson("/api/v1/childcare/applications", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String pid = created.json().get("processInstanceId").asText();
    String taskId = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(
        () -> tasks.createTaskQuery().processInstanceId(pid)
            .taskDefinitionKey(ChildcareEnrollment.TASK_VERIFY_CERTIFICATE).list(), t -> t.size() == 1).get(0).getId();
    Object guardian = tasks.getVariable(taskId, ChildcareEnrollment.GUARDIAN_NUMBER);

    seeTheScanBesideTheFields("localhost", taskId, "就労証明書の原本（1頁目）", "保護者（1または2）",
        guardian == null ? null : guardian.toString(), "tasklist-verify-certificate", "就労証明書の内容を確認する",
        "本人氏名", "事業所名");
  }

  private void seeTheScanBesideTheFields(String host, String taskId, String alt, String fieldLabel, String read,
      String screenshot, String... texts) throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    logIn(wait, host);
    // the task itself, as a link to it (other tests' verification tasks of デモ区 are in the list too)
    browser.get("http://" + host + ":" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    WebElement scan;
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "読取内容"));
      scan = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector(".fjs-container .fjs-form-field-text img")));
      wait.until(driver -> Boolean.TRUE.equals(((ChromeDriver) driver).executeScript(
          "return arguments[0].complete;", scan)));
    } catch (RuntimeException e) {
      screenshot(screenshot + "-failure");
      throw new AssertionError("no scan in the form; form HTML: " + browser.executeScript(
          "const f = document.querySelector('.fjs-container'); return f ? f.innerHTML.substring(0, 3000) : 'none';"),
          e);
    }
    String src = scan.getAttribute("src");
    assertThat(src).startsWith("http://" + host + ":" + port + "/camunda/api/tetsuzuki/tasks/" + taskId
        + "/documents/").endsWith("/pages/1.png");
    assertThat(scan.getAttribute("alt")).isEqualTo(alt);
    Object naturalWidth = browser.executeScript("return arguments[0].naturalWidth;", scan);
    if (!(naturalWidth instanceof Number width) || width.longValue() <= 0) {
      screenshot(screenshot + "-failure");
      throw new AssertionError("the scan did not load (naturalWidth " + naturalWidth + "); the page answered: "
          + browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')))"
              + ".catch(x => done('error ' + x));", src));
    }
    browser.executeScript("arguments[0].scrollIntoView({block: 'start'});", scan);
    screenshot(screenshot);
    // a page at 110 dpi (A4 or Letter), shown at most as wide as its column
    assertThat(((Number) naturalWidth).longValue()).isGreaterThan(800);
    assertThat(((Number) browser.executeScript("return arguments[0].getBoundingClientRect().width;", scan))
        .doubleValue()).isPositive().isLessThanOrEqualTo(((Number) browser.executeScript(
            "return arguments[0].closest('.fjs-form-field-text').getBoundingClientRect().width;", scan))
            .doubleValue() + 1);
    // the fields OCR read are in the same form, beside the scan
    WebElement form = scan.findElement(By.xpath(
        "ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form ')][1]"));
    assertThat(form.getText()).contains(texts).contains(fieldLabel);
    assertThat(form.findElements(By.cssSelector("input")).stream().map(input -> input.getAttribute("value"))
        .toList()).contains(java.util.Objects.toString(read, ""));
    WebElement fields = form.findElement(By.xpath(".//*[contains(@class,'fjs-form-field-group')]"
        + "[.//label[contains(normalize-space(.),'" + fieldLabel + "')]]"));
    assertThat(fields.getRect().getY()).isLessThan(scan.getRect().getY() + scan.getRect().getHeight());
    assertThat(fields.getRect().getX()).isGreaterThanOrEqualTo(scan.getRect().getX() + scan.getRect().getWidth() - 1);
  }

  private void logIn(WebDriverWait wait, String host) {
    browser.get("http://" + host + ":" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys("staff-ku");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(Http.DEMO_PASSWORD);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "グループのタスク"));
  }

  private void screenshot(String name) throws IOException {
    Path target = Path.of("target/screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
