package jp.tetsuzuki.workers.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import jp.tetsuzuki.workers.fixtures.Fixture;
import jp.tetsuzuki.workers.fixtures.FixtureGenerator;
import jp.tetsuzuki.workers.ocr.EmploymentCertificateReader;
import jp.tetsuzuki.workers.ocr.GreyImage;
import jp.tetsuzuki.workers.ocr.InvoiceReader;
import jp.tetsuzuki.workers.ocr.OcrLine;
import jp.tetsuzuki.workers.ocr.OcrPage;
import jp.tetsuzuki.workers.ocr.OcrPipeline;
import jp.tetsuzuki.workers.ocr.OcrWord;
import jp.tetsuzuki.workers.ocr.Recognition;
import jp.tetsuzuki.workers.ocr.TesseractEngine;
import jp.tetsuzuki.workers.ocr.TextDirection;

/**
 * OCR benchmark: our pipeline against the {@code tesseract} command line on the same generated scans. Not a test:
 * run it with {@code workers/bench/ocr-benchmark.sh} (single-threaded, OMP_THREAD_LIMIT=1). Arguments: documents per
 * kind (default 100), output markdown file, fixture seed (default 20250401). One line per document goes to standard
 * output (damage, seconds and accuracy of both readers), so slow or bad pages can be found.
 *
 * <p>For tuning only, {@code -Docr.bench.cliCache=DIR} keeps the command line's text and time per seed and document,
 * so repeated runs on the same sample only rerun our pipeline; {@code -Docr.bench.cli=false} leaves the command line
 * out, and {@code -Docr.bench.kinds=invoice} (or {@code certificate}) reads only that kind (the other is still
 * generated, so each document is the same as in a full run). Reported figures are measured without these.
 */
public final class OcrBenchmark {

  private static final class Tally {
    long edits;
    long chars;
    long nanos;
    int pages;
    int fields;
    int fieldsRight;
    int flagged;
    int confidentWrong;

    void add(int[] distance, long time) {
      edits += distance[0];
      chars += distance[1];
      nanos += time;
      pages++;
    }

    double charAccuracy() {
      return 1 - (double) edits / chars;
    }

    double pagesPerSecond() {
      return pages / (nanos / 1e9);
    }
  }

  public static void main(String[] args) throws Exception {
    int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Path report = Path.of(args.length > 1 ? args[1] : "target/ocr-benchmark.md");
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20250401L;
    List<FixtureGenerator.Template> templates = Arrays.stream((args.length > 3 ? args[3] : "LABEL_LEFT").split(","))
        .map(String::strip).map(FixtureGenerator.Template::valueOf).toList();
    boolean details = Boolean.getBoolean("ocr.bench.details");
    String cache = System.getProperty("ocr.bench.cliCache");
    boolean withCli = Boolean.parseBoolean(System.getProperty("ocr.bench.cli", "true"));
    List<String> kinds = List.of(System.getProperty("ocr.bench.kinds", "certificate,invoice").split(","));
    Path images = Files.createTempDirectory("ocr-bench");
    // the page budget is a production guard; on a machine shared with other builds (load 20 on 2 cores, this run
    // niced) wall time per page is several times the CPU time, so the benchmark gives Tesseract longer
    long budget = Long.getLong("ocr.bench.pageBudgetMillis", 120_000);
    try (TesseractEngine engine = new TesseractEngine(TesseractEngine.DEBIAN_TESSDATA, budget)) {
      engine.checkAvailable();
      OcrPipeline pipeline = new OcrPipeline(engine);
      EmploymentCertificateReader certificates = new EmploymentCertificateReader(pipeline);
      InvoiceReader invoices = new InvoiceReader(pipeline);
      Map<String, Tally[]> tallies = new java.util.LinkedHashMap<>();
      for (FixtureGenerator.Template template : templates) {
        // one generator per template and seed, so a template's documents do not depend on which others run
        FixtureGenerator generator = new FixtureGenerator(seed + template.ordinal());
        for (int i = 0; i < 2 * perKind; i++) {
          Fixture fixture = i % 2 == 0 ? generator.certificate(i / 2, template) : generator.invoice(i / 2, template);
          if (!kinds.contains(fixture.kind())) {
            continue;
          }
          String group = fixture.kind() + " " + template;
          Tally[] t = tallies.computeIfAbsent(group, k -> new Tally[] {new Tally(), new Tally(), new Tally()});
          Path png = images.resolve(fixture.id() + ".png");
          ImageIO.write(fixture.scan(), "png", png.toFile());
          GreyImage image = GreyImage.of(fixture.scan());

          long start = System.nanoTime();
          OcrPage ours = pipeline.recognize(1, image, TextDirection.HORIZONTAL);
          boolean certificate = fixture.kind().equals("certificate");
          Recognition oursFields = certificate ? certificates.extract(List.of(ours)) : invoices.extract(List.of(ours));
          long oursNanos = System.nanoTime() - start;

          long[] cliNanos = new long[2];
          String cli = withCli ? cli(cache, seed, fixture.id(), png, "jpn+eng", cliNanos, 0) : "";
          String cliJpn = withCli ? cli(cache, seed, fixture.id(), png, "jpn", cliNanos, 1) : "";

          t[0].add(TextMetrics.distance(fixture.text(), ours.text()), oursNanos);
          t[1].add(TextMetrics.distance(fixture.text(), cli), cliNanos[0]);
          t[2].add(TextMetrics.distance(fixture.text(), cliJpn), cliNanos[1]);
          OcrPage cliPage = asPage(cli);
          Recognition cliFields = certificate ? certificates.extract(List.of(cliPage))
              : invoices.extract(List.of(cliPage));
          int[] oursDistance = TextMetrics.distance(fixture.text(), ours.text());
          int[] cliDistance = TextMetrics.distance(fixture.text(), cli);
          int oursRight = score(t[0], fixture, oursFields, details ? fixture.id() : null);
          int cliRight = score(t[1], fixture, cliFields, null);
          OcrPage cliJpnPage = asPage(cliJpn);
          score(t[2], fixture, certificate ? certificates.extract(List.of(cliJpnPage))
              : invoices.extract(List.of(cliJpnPage)), null);
          System.out.printf(Locale.ROOT, "%-24s %-32s ours %6.2f s %5.1f %% %2d/%d | cli %6.2f s %5.1f %% %2d/%d%n",
              fixture.id(), fixture.degradation(), oursNanos / 1e9, 100 - 100.0 * oursDistance[0] / oursDistance[1],
              oursRight, fixture.fields().size(), cliNanos[0] / 1e9, 100 - 100.0 * cliDistance[0] / cliDistance[1],
              cliRight, fixture.fields().size());
          if (details) {
            System.out.println("  ours text: " + ours.text().replace("\n", " ⏎ "));
          }
          Files.delete(png);
        }
      }
      String markdown = markdown(perKind, seed, templates, tallies, withCli);
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, markdown, StandardCharsets.UTF_8);
      System.out.println(markdown);
    } finally {
      try (var left = Files.list(images)) {
        left.forEach(f -> f.toFile().delete());
      }
      Files.deleteIfExists(images);
    }
  }

  private static String cli(String cache, long seed, String id, Path png, String languages, long[] nanos, int slot)
      throws Exception {
    Path cached = cache == null ? null : Path.of(cache, seed + "-" + id + "-" + languages + ".txt");
    if (cached != null && Files.exists(cached)) {
      String stored = Files.readString(cached);
      int nl = stored.indexOf('\n');
      nanos[slot] = Long.parseLong(stored.substring(0, nl));
      return stored.substring(nl + 1);
    }
    long start = System.nanoTime();
    String text = runCli(png, languages);
    nanos[slot] = System.nanoTime() - start;
    if (cached != null) {
      Files.createDirectories(cached.getParent());
      Files.writeString(cached, nanos[slot] + "\n" + text);
    }
    return text;
  }

  /** The command line as an operator would run it on a 300 dpi scan. */
  private static String runCli(Path png, String languages) throws Exception {
    Process process = new ProcessBuilder("tesseract", png.toString(), "-", "-l", languages, "--dpi", "300")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("tesseract exited with " + process.exitValue());
    }
    return text;
  }

  /** CLI text as lines without confidences, so the same field extraction can run on it. */
  private static OcrPage asPage(String text) {
    List<OcrLine> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(new OcrLine(Arrays.stream(line.strip().split("\\s+"))
            .map(w -> new OcrWord(w, 100, 0, 0, 0, 0)).toList()));
      }
    }
    return new OcrPage(1, lines);
  }

  private static int score(Tally tally, Fixture fixture, Recognition recognition, String detailsFor) {
    int rightCount = 0;
    for (var expected : fixture.fields().entrySet()) {
      String value = recognition.value(expected.getKey());
      boolean right = value != null && TextMetrics.normalize(value).equals(TextMetrics.normalize(expected.getValue()));
      tally.fields++;
      if (right) {
        tally.fieldsRight++;
        rightCount++;
      }
      boolean flagged = value == null || recognition.confidence(expected.getKey()) < Recognition.VERIFY_BELOW;
      if (flagged) {
        tally.flagged++;
      } else if (!right) {
        tally.confidentWrong++;
      }
      if (detailsFor != null && (!right || flagged)) {
        Recognition.Field f = recognition.fields().get(expected.getKey());
        System.out.printf(Locale.ROOT, "  %s %-18s %s expected %s read %s (%.2f) %s%n", detailsFor, expected.getKey(),
            right ? "FLAGGED-RIGHT" : flagged ? "FLAGGED-WRONG" : "UNFLAGGED-WRONG", expected.getValue(), value,
            f == null ? 0 : f.confidence(), f == null || f.reason() == null ? "" : f.reason());
      }
    }
    return rightCount;
  }

  private static String markdown(int perKind, long seed, List<FixtureGenerator.Template> templates,
      Map<String, Tally[]> tallies, boolean withCli) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Generated documents: %d employment certificates and %d invoices per template"
        + " (templates %s; seed %d + template ordinal; about 3/4 with scan damage). One thread, OMP_THREAD_LIMIT=1,"
        + " %s.%n%n", perKind, perKind, templates, seed, System.getProperty("os.arch")));
    out.append("| documents | template | reader | character accuracy | field accuracy | fields flagged for verification "
        + "| unflagged fields wrong | pages/s per core |\n|---|---|---|---|---|---|---|---|\n");
    for (var entry : tallies.entrySet()) {
      String[] group = entry.getKey().split(" ");
      Tally[] t = entry.getValue();
      row(out, group[0], group[1], "Tetsuzuki pipeline", t[0], true);
      if (!withCli) {
        continue;
      }
      row(out, group[0], group[1], "tesseract CLI (jpn+eng, --dpi 300)", t[1], false);
      row(out, group[0], group[1], "tesseract CLI (jpn, --dpi 300)", t[2], false);
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String kind, String template, String reader, Tally t,
      boolean confidences) {
    out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f %% | %.1f %% | %s | %s | %.2f |%n", kind, template,
        reader,
        100 * t.charAccuracy(), 100.0 * t.fieldsRight / t.fields,
        confidences ? String.format(Locale.ROOT, "%.1f %%", 100.0 * t.flagged / t.fields) : "n/a (no confidences)",
        confidences ? String.format(Locale.ROOT, "%.1f %%", 100.0 * t.confidentWrong / t.fields) : "n/a",
        t.pagesPerSecond()));
  }
}
