package jp.tetsuzuki.integrations.municipalcsv;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway.Refused;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one municipal CSV file: its encoding, its header, then row by row an application through the platform's
 * application service as the route's service identity, for the tenant whose inbox the file came from. A refused row
 * (also bytes the encoding cannot read, a tenantId other than the inbox's tenant, a bad 到達日) is written to the rejection report and the next row goes on. Decides
 * where the file goes: {@code done} when every row was registered now or before, {@code failed} otherwise. Technical
 * faults (the database, the platform) are thrown: the route's dead-letter path handles them, and as every row is
 * idempotent (tenant + externalId) the file can simply be taken again.
 */
public class MunicipalCsvIntake {

  private static final Logger LOG = LoggerFactory.getLogger(MunicipalCsvIntake.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Where a file went and what became of its rows. */
  public record Outcome(Path target, Path report, String status, IntakeCounts counts, FileEncoding encoding) {}

  private final BatchApplicationGateway gateway;
  private final IntakeLedger ledger;
  private final MunicipalCsvProperties properties;
  private final Clock clock;
  private final Counter registered;
  private final Counter replayed;
  private final Counter rejected;
  private final MeterRegistry meters;
  private final Timer fileTime;

  public MunicipalCsvIntake(BatchApplicationGateway gateway, IntakeLedger ledger, MunicipalCsvProperties properties,
      MeterRegistry meters, Clock clock) {
    this.gateway = gateway;
    this.ledger = ledger;
    this.properties = properties;
    this.clock = clock;
    this.meters = meters;
    this.registered = rows(meters, "registered");
    this.replayed = rows(meters, "replayed");
    this.rejected = rows(meters, "rejected");
    this.fileTime = Timer.builder("tetsuzuki.integration.file.duration").tag("route", MunicipalCsvIntakeRoute.ROUTE_ID)
        .description("time to take one file").register(meters);
  }

  private static Counter rows(MeterRegistry meters, String outcome) {
    return Counter.builder("tetsuzuki.integration.rows").tag("route", MunicipalCsvIntakeRoute.ROUTE_ID)
        .tag("outcome", outcome).description("rows of the route's files by outcome").register(meters);
  }

  /** Counts a file by its outcome ({@code done}, {@code failed}, {@code duplicate}, {@code dead-letter}). */
  void countFile(String outcome) {
    Counter.builder("tetsuzuki.integration.files").tag("route", MunicipalCsvIntakeRoute.ROUTE_ID)
        .tag("outcome", outcome).description("files of the route by outcome").register(meters).increment();
  }

  /** The SHA-256 of a file's content (its identity in the ledger). */
  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return java.util.HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Takes a file of {@code tenantId}'s inbox: every row is registered for that tenant (the source decides the tenant;
   * a row naming another one is refused).
   */
  public Outcome take(Path file, String tenantId) throws IOException {
    if (!properties.serves(tenantId)) {
      throw new IllegalArgumentException("tenant " + tenantId + " is not served by " + properties.serviceUser());
    }
    Timer.Sample sample = Timer.start(meters);
    try {
      return takeTimed(file, tenantId);
    } finally {
      sample.stop(fileTime);
    }
  }

  private Outcome takeTimed(Path file, String inboxTenant) throws IOException {
    String name = file.getFileName().toString();
    Path failed = properties.failed(inboxTenant);
    Path done = properties.done(inboxTenant);
    long size = Files.size(file);
    if (size > properties.maxFileSize().toBytes()) {
      return fileProblem(file, null, FileEncoding.UTF_8_BOM, "ファイルが大きすぎます（" + size + " バイト、上限 "
          + properties.maxFileSize().toBytes() + " バイト）。分割して送ってください。", failed);
    }
    String sha = sha256(file);
    Instant now = clock.instant();
    IntakeLedger.Begun begun = ledger.begin(sha, name, properties.node(), now);
    FileEncoding encoding = FileEncoding.detect(file);
    switch (begun.start()) {
      case DUPLICATE -> {
        LOG.warn("municipal-csv-intake: {} has the content of {} registered before, nothing registered", name,
            begun.earlierName());
        countFile("duplicate");
        Path target = free(failed, name);
        RejectionReport report = new RejectionReport(failed, encoding);
        report.add(0, "", "", "このファイルは取込済みのファイル「" + begun.earlierName() + "」と同じ内容です（"
            + (begun.earlierFinishedAt() == null ? "" : WHEN.format(begun.earlierFinishedAt().atZone(JapanTime.ZONE))
            + " に取込") + "）。重複のため、行は登録していません。");
        return new Outcome(target, report.publish(report(target)), "duplicate", new IntakeCounts(0, 0, 0),
            encoding);
      }
      case TAKEN_OVER -> LOG.warn("municipal-csv-intake: {} was in work on node {} which stopped; taking it again"
          + " (rows registered before are not registered twice)", name, begun.earlierNode());
      case AGAIN -> LOG.info("municipal-csv-intake: {} again after it failed before (rows registered then are not"
          + " registered twice)", name);
      default -> LOG.info("municipal-csv-intake: taking {} ({})", name, encoding.label());
    }
    RejectionReport report = new RejectionReport(failed, encoding);
    IntakeCounts counts = new IntakeCounts(0, 0, 0);
    try (RawRecords records = new RawRecords(new BufferedInputStream(Files.newInputStream(file), 64 * 1024),
        properties.maxRowBytes())) {
      if (encoding.skip() > 0) {
        records.skipBytes(encoding.skip());
      }
      List<String> header = header(records.next(), encoding, report);
      if (header == null) {
        return finish(file, sha, report, counts, encoding, true, done, failed);
      }
      long rows = 0;
      RawRecords.Raw raw;
      while ((raw = records.next()) != null) {
        if (++rows > properties.maxRows()) {
          report.add(raw.line(), "", "", "行数が上限（" + properties.maxRows() + " 行）を超えたため、この行以降は取り込んで"
              + "いません。ファイルを分割して送ってください。");
          counts = counts.plusRejected();
          rejected.increment();
          break;
        }
        counts = row(raw, header, encoding, report, counts, inboxTenant);
      }
      return finish(file, sha, report, counts, encoding, false, done, failed);
    } catch (IOException | RuntimeException fault) {
      report.discard();
      throw fault;
    }
  }

  /** The header's columns, or {@code null} (reported) when the file cannot be read as a municipal CSV file. */
  private static List<String> header(RawRecords.Raw raw, FileEncoding encoding, RejectionReport report) {
    if (raw == null) {
      report.add(0, "", "", "ファイルが空です（見出し行がありません）。");
      return null;
    }
    Optional<String> text = encoding.decodeStrictly(raw.bytes());
    if (raw.tooLong() || text.isEmpty()) {
      report.add(raw.line(), "", "", raw.tooLong() ? "見出し行が長すぎます。"
          : "見出し行を文字コード " + encoding.label() + " として読めません。ファイル全体を取り込んでいません。");
      return null;
    }
    List<String> header;
    try {
      header = CsvFields.parse(text.get()).stream().map(String::trim).toList();
    } catch (CsvFields.Malformed e) {
      report.add(raw.line(), "", "", "見出し行が CSV として読めません（" + e.getMessage() + "）。");
      return null;
    }
    if (new HashSet<>(header).size() != header.size()) {
      report.add(raw.line(), "", "", "見出し行に同じ列名が2回以上あります。");
      return null;
    }
    List<String> missing = RowColumns.missing(header);
    if (!missing.isEmpty()) {
      report.add(raw.line(), String.join("、", missing), "", "見出し行に必須の列「" + String.join("」「", missing)
          + "」がありません。ファイル全体を取り込んでいません。");
      return null;
    }
    return header;
  }

  private IntakeCounts row(RawRecords.Raw raw, List<String> header, FileEncoding encoding, RejectionReport report,
      IntakeCounts counts, String inboxTenant) {
    long line = raw.line();
    if (raw.tooLong()) {
      return refuse(report, counts, line, "", "", "行が長すぎます（上限 " + properties.maxRowBytes() + " バイト）。");
    }
    Optional<String> text = encoding.decodeStrictly(raw.bytes());
    if (text.isEmpty()) {
      String column = undecodableColumn(encoding.decodeReplacing(raw.bytes()), header);
      return refuse(report, counts, line, column, "", "文字コード " + encoding.label() + " として読めない文字（バイト）があります。"
          + "この行は取り込んでいません。");
    }
    List<String> values;
    try {
      values = CsvFields.parse(text.get());
    } catch (CsvFields.Malformed e) {
      return refuse(report, counts, line, e.column < header.size() ? header.get(e.column) : "", "", e.getMessage());
    }
    if (values.stream().allMatch(String::isBlank)) {
      return counts; // a row of empty cells (spreadsheets write them below the data): nothing to register
    }
    if (values.size() != header.size()) {
      return refuse(report, counts, line, "", "", "列の数が見出し行と違います（見出し行 " + header.size() + " 列、この行 "
          + values.size() + " 列）。");
    }
    Map<String, String> byColumn = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      byColumn.put(header.get(i), values.get(i).strip());
    }
    String externalId = byColumn.get(RowColumns.EXTERNAL_ID);
    String tenantId = byColumn.get(RowColumns.TENANT_ID);
    if (externalId.isEmpty()) {
      return refuse(report, counts, line, RowColumns.EXTERNAL_ID, "", "externalId（行の識別子）がありません。");
    }
    if (externalId.length() > RowColumns.MAX_EXTERNAL_ID || externalId.chars().anyMatch(Character::isISOControl)) {
      return refuse(report, counts, line, RowColumns.EXTERNAL_ID, "", "externalId は改行を含まない "
          + RowColumns.MAX_EXTERNAL_ID + " 文字以内にしてください。");
    }
    if (tenantId.isEmpty()) {
      return refuse(report, counts, line, RowColumns.TENANT_ID, externalId, "tenantId（自治体）がありません。");
    }
    if (!tenantId.equals(inboxTenant)) {
      // the inbox is the source's identity: a ward system writes only into its own municipality's inbox
      return refuse(report, counts, line, RowColumns.TENANT_ID, externalId, "この行の tenantId「" + tenantId
          + "」は、ファイルを受け取った受信フォルダーの自治体「" + inboxTenant + "」と違います。他の自治体の申請は、その"
          + "自治体の受信フォルダーからしか登録できません。この行は取り込んでいません。");
    }
    try {
      Result result = gateway.submitRow(properties.serviceUser(), tenantId, externalId, RowColumns.row(byColumn));
      if (result.registered()) {
        registered.increment();
        return counts.plusRegistered();
      }
      replayed.increment();
      return counts.plusReplayed();
    } catch (Refused refused) {
      return refuse(report, counts, line, RowColumns.column(refused.field()), externalId, refused.getMessage());
    }
  }

  /** The first column whose value holds a replacement character, or empty. */
  private static String undecodableColumn(String replaced, List<String> header) {
    try {
      List<String> values = CsvFields.parse(replaced);
      for (int i = 0; i < values.size() && i < header.size(); i++) {
        if (values.get(i).indexOf('\uFFFD') >= 0) {
          return header.get(i);
        }
      }
    } catch (CsvFields.Malformed ignored) {
      // the bytes broke the quoting too: the whole row is named
    }
    return "";
  }

  private IntakeCounts refuse(RejectionReport report, IntakeCounts counts, long line, String column,
      String externalId, String reason) {
    report.add(line, column, externalId, reason);
    rejected.increment();
    return counts.plusRejected();
  }

  private Outcome fileProblem(Path file, String sha, FileEncoding encoding, String reason, Path failed)
      throws IOException {
    RejectionReport report = new RejectionReport(failed, encoding);
    report.add(0, "", "", reason);
    return finish(file, sha, report, new IntakeCounts(0, 0, 0), encoding, true, null, failed);
  }

  private Outcome finish(Path file, String sha, RejectionReport report, IntakeCounts counts, FileEncoding encoding,
      boolean unreadable, Path done, Path failed) throws IOException {
    boolean ok = !unreadable && report.lines() == 0;
    String status = ok ? IntakeLedger.DONE : IntakeLedger.FAILED;
    Path target = free(ok ? done : failed, file.getFileName().toString());
    Path published = report.publish(report(target));
    if (sha != null) {
      ledger.finish(sha, status, counts, encoding.name(), clock.instant());
    }
    countFile(status);
    if (ok) {
      LOG.info("municipal-csv-intake: {} done: {} registered, {} registered before", file.getFileName(),
          counts.registered(), counts.replayed());
    } else {
      LOG.warn("municipal-csv-intake: {} failed: {} registered, {} registered before, {} refused (report {})",
          file.getFileName(), counts.registered(), counts.replayed(), counts.rejected(), published);
    }
    return new Outcome(target, published, status, counts, encoding);
  }

  static Path report(Path target) {
    return target.resolveSibling(target.getFileName() + RejectionReport.SUFFIX);
  }

  /** {@code name} in the folder, or {@code name} with {@code -2}, {@code -3}, … before its extension if taken. */
  static Path free(Path folder, String name) {
    Path candidate = folder.resolve(name);
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 2; Files.exists(candidate) || Files.exists(report(candidate)); i++) {
      candidate = folder.resolve(base + "-" + i + ext);
    }
    return candidate;
  }
}
