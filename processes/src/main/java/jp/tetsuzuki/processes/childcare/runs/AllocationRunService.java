package jp.tetsuzuki.processes.childcare.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.childcare.allocation.AllocationEngine;
import jp.tetsuzuki.processes.childcare.allocation.AllocationResult;
import jp.tetsuzuki.processes.childcare.allocation.Explanation;
import jp.tetsuzuki.processes.childcare.allocation.Facility;
import jp.tetsuzuki.processes.childcare.allocation.Placement;
import jp.tetsuzuki.processes.childcare.allocation.csv.ChilmaiCsv;
import jp.tetsuzuki.processes.childcare.allocation.csv.CsvPart;
import jp.tetsuzuki.processes.childcare.allocation.csv.CsvText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One stand-alone run: decode and read the two ChilmAI files, allocate, store the answer. Everything is checked
 * before the single INSERT, so a refused run leaves nothing behind.
 */
@Service
class AllocationRunService {

  /** Explanation entries kept per child: one per facility ranked above its result, at most the preferences. */
  static final int MAX_EXPLANATION = ChilmaiCsv.MAX_PREFERENCES;

  private static final Logger LOG = LoggerFactory.getLogger(AllocationRunService.class);

  /** The answer of a run, as stored and as read back. */
  record RunView(String id, String tenantId, Instant createdAt, int applicants, int facilities, int placed,
      int waiting, List<ResultView> results) {}

  record ResultView(String applicantId, String facilityId, String facilityName, String outcome,
      Integer preferenceRank, String summaryJa, List<ExplanationView> explanation) {}

  /** One explanation entry with its Japanese sentence written out. */
  record ExplanationView(int preferenceRank, String facilityId, String facilityName, int classAge, String reason,
      int places, int admitted, Double cutoffScore, double ownScore, String messageJa) {
    static ExplanationView of(Explanation e) {
      return new ExplanationView(e.preferenceRank(), e.facilityId(), e.facilityName(), e.classAge(),
          e.reason().name(), e.places(), e.admitted(), e.cutoffScore(), e.ownScore(), e.messageJa());
    }
  }

  private final AllocationRunStore store;
  private final AllocationRunProperties properties;
  private final ObjectMapper json;
  private final AllocationRunPool pool;
  private final AllocationEngine engine = new AllocationEngine();

  AllocationRunService(AllocationRunStore store, AllocationRunProperties properties, ObjectMapper json,
      AllocationRunPool pool) {
    this.store = store;
    this.properties = properties;
    this.json = json;
    this.pool = pool;
  }

  /**
   * Reads, allocates and stores one run in the node's bounded run pool (review C5).
   *
   * @throws AllocationRunPool.Busy every run thread and queue place taken
   */
  AllocationRun create(String tenantId, String caller, byte[] applicants, byte[] facilities, String charset) {
    return pool.run(() -> compute(tenantId, caller, applicants, facilities, charset));
  }

  private AllocationRun compute(String tenantId, String caller, byte[] applicants, byte[] facilities,
      String charset) {
    String applicantsText = CsvText.decode(applicants, charset, CsvPart.APPLICANTS);
    String facilitiesText = CsvText.decode(facilities, charset, CsvPart.FACILITIES);
    ChilmaiCsv.Imported imported = ChilmaiCsv.read(applicantsText, facilitiesText, properties.maxApplicants(),
        properties.maxFacilities());
    long cells = imported.request().applicants().stream().mapToLong(a -> a.preferences().size()).sum();
    if (cells > properties.maxPreferenceCells()) {
      throw new ApiException(413, "applicants", "applicants: " + cells + " preferences in all (applicants x "
          + "preferences), at most " + properties.maxPreferenceCells() + " per run",
          "申請者ファイルの希望の合計（申請者数×希望数）が " + cells + " 件で、1回の実行の上限 "
              + properties.maxPreferenceCells() + " 件を超えています。ファイルを分けて実行してください。");
    }
    long started = System.nanoTime();
    AllocationResult result = engine.allocate(imported.request());
    long millis = (System.nanoTime() - started) / 1_000_000;
    Map<String, String> names = imported.request().facilities().stream()
        .collect(Collectors.toMap(Facility::id, Facility::name));
    List<ResultView> results = result.placements().stream().map(p -> new ResultView(p.applicantId(),
        p.facilityId(), p.facilityId() == null ? null : names.get(p.facilityId()), p.outcome().name(),
        p.preferenceRank(), p.summaryJa(), p.explanation().stream().limit(MAX_EXPLANATION)
        .map(ExplanationView::of).toList()))
        .toList();
    int placed = (int) result.placements().stream().filter(p -> p.outcome() == Placement.Outcome.PLACED).count();
    int waiting = (int) result.placements().stream().filter(p -> p.outcome() == Placement.Outcome.WAITING).count();
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    RunView view = new RunView(id, tenantId, now, results.size(), names.size(), placed, waiting, results);
    String body;
    try {
      body = json.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("allocation run answer not serializable", e);
    }
    long bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > properties.maxResultBytes()) {
      throw new ApiException(413, "applicants", "the answer would be " + bytes + " bytes, at most "
          + properties.maxResultBytes(), "結果が大きすぎるため保存できません（" + bytes + " バイト、上限 "
          + properties.maxResultBytes() + " バイト）。ファイルを分けて実行してください。");
    }
    // review C6: the result file is bounded like the answer, before anything is stored
    String resultCsv = ChilmaiCsv.result(imported, result);
    long csvBytes = utf8Length(resultCsv);
    if (csvBytes > properties.maxResultBytes()) {
      throw new ApiException(413, "applicants", "the result file would be " + csvBytes + " bytes, at most "
          + properties.maxResultBytes(), "結果ファイル（result.csv）が大きすぎるため保存できません（" + csvBytes
          + " バイト、上限 " + properties.maxResultBytes() + " バイト）。ファイルを分けて実行してください。");
    }
    AllocationRun run = new AllocationRun(id, tenantId, caller, now, results.size(), names.size(), placed, body,
        resultCsv);
    store.insert(run, sha256(applicants), sha256(facilities));
    // counts only: the files hold personal data
    LOG.info("allocation run {} for tenant {} by {}: {} applicants, {} facilities, {} placed, {} waiting, {} ms",
        id, tenantId, caller, results.size(), names.size(), placed, waiting, millis);
    return run;
  }

  /** The UTF-8 length of the text without encoding it. */
  static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
