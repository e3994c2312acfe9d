package jp.tetsuzuki.workers.ocr;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.tess4j.ITessAPI.ETEXT_DESC;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract through tess4j's raw C API binding. Only calls that take our own 8-bit grey buffer are used: tess4j's
 * image helpers go through its bundled Leptonica binding, which does not match Debian's Leptonica (STACK.md).
 * Tesseract is not thread-safe and an engine costs ~0.15 s to create, so each thread keeps its own, per direction.
 * Run with {@code OMP_THREAD_LIMIT=1} and one worker thread per core: Tesseract's own threads only slow that down.
 */
public class TesseractEngine implements AutoCloseable {

  public static final String DEBIAN_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";
  private static final Logger log = LoggerFactory.getLogger(TesseractEngine.class);
  private static final int DPI = 300;

  /** Default time budget per page; a clean page takes about 1 s, the worst damaged scans we generate about 2 s. */
  public static final long DEFAULT_PAGE_BUDGET_MILLIS = 20_000;

  private final String dataPath;
  private final long pageBudgetMillis;
  private final List<TessBaseAPI> all = new ArrayList<>();
  private final ThreadLocal<Map<TextDirection, TessBaseAPI>> perThread =
      ThreadLocal.withInitial(() -> new EnumMap<>(TextDirection.class));
  /** The eng engine that reads digits a second time, per thread (null until first needed). */
  private final ThreadLocal<TessBaseAPI> digitsPerThread = new ThreadLocal<>();

  public TesseractEngine() {
    this(System.getenv().getOrDefault("TESSDATA_PREFIX", DEBIAN_TESSDATA));
  }

  public TesseractEngine(String dataPath) {
    this(dataPath, DEFAULT_PAGE_BUDGET_MILLIS);
  }

  /**
   * @param pageBudgetMillis time Tesseract may spend recognising one page; past it, recognition stops (Tesseract's
   *     own monitor deadline, checked between words) and the page is returned incomplete
   */
  public TesseractEngine(String dataPath, long pageBudgetMillis) {
    this.dataPath = dataPath;
    this.pageBudgetMillis = pageBudgetMillis;
  }

  /** Throws {@link OcrUnavailableException} with an operator-readable reason if OCR cannot run here. */
  public void checkAvailable() {
    handle(TextDirection.HORIZONTAL);
  }

  public boolean isAvailable() {
    try {
      checkAvailable();
      return true;
    } catch (OcrUnavailableException e) {
      return false;
    }
  }

  /**
   * Recognises one page image within the page budget. The monitor is created and read by Tesseract's C API only:
   * tess4j's Java mirror of ETEXT_DESC predates Tesseract 5's layout, so JNA must never write it back (no auto-sync).
   */
  public OcrPage recognize(int pageNumber, GreyImage image, TextDirection direction) {
    TessBaseAPI handle = handle(direction);
    TessAPI api = TessAPI.INSTANCE;
    ByteBuffer buffer = ByteBuffer.allocateDirect(image.pixels().length);
    buffer.put(image.pixels()).flip();
    api.TessBaseAPISetImage(handle, buffer, image.width(), image.height(), 1, image.width());
    api.TessBaseAPISetSourceResolution(handle, DPI);
    ETEXT_DESC monitor = api.TessMonitorCreate();
    monitor.setAutoSynch(false);
    Pointer tsv = null;
    try {
      api.TessMonitorSetDeadlineMSecs(monitor, (int) Math.min(Integer.MAX_VALUE, pageBudgetMillis));
      long start = System.nanoTime();
      int rc = api.TessBaseAPIRecognize(handle, monitor);
      long millis = (System.nanoTime() - start) / 1_000_000;
      boolean complete = rc == 0 && millis < pageBudgetMillis;
      if (!complete) {
        log.warn("page {} stopped after {} ms (budget {} ms): its fields go to verification", pageNumber, millis,
            pageBudgetMillis);
      }
      tsv = api.TessBaseAPIGetTsvText(handle, pageNumber);
      List<OcrLine> lines = parseTsv(tsv == null ? "" : tsv.getString(0, StandardCharsets.UTF_8.name()));
      return new OcrPage(pageNumber, complete && direction == TextDirection.HORIZONTAL
          ? recheckDigits(lines, buffer, image) : lines, complete, image);
    } finally {
      if (tsv != null) {
        api.TessDeleteText(tsv);
      }
      api.TessMonitorDelete(monitor);
      api.TessBaseAPIClear(handle);
    }
  }

  /**
   * Reads the words whose digits matter (amounts, registration and phone numbers, a date's numbers) again with the
   * {@code eng} model, one box at a time, and combines both readings ({@link DigitRecheck}). About 15 ms a box. Without
   * eng.traineddata the first reading stays as it is.
   */
  private List<OcrLine> recheckDigits(List<OcrLine> lines, ByteBuffer buffer, GreyImage image) {
    TessBaseAPI digits = digitsHandle();
    if (digits == null) {
      return lines;
    }
    TessAPI api = TessAPI.INSTANCE;
    boolean imageSet = false;
    List<OcrLine> out = new ArrayList<>(lines.size());
    try {
      for (OcrLine line : lines) {
        List<OcrWord> words = new ArrayList<>(line.words());
        for (int i = 0; i < words.size(); i++) {
          // Tesseract splits an amount into words now and then (「\\674,」 「948」): such pieces are read as one
          int last = i;
          while (last + 1 < words.size() && DigitRecheck.isNumberPiece(words.get(i).text())
              && DigitRecheck.isNumberPiece(words.get(last + 1).text())
              && words.get(last + 1).left() - (words.get(last).left() + words.get(last).width())
              < Math.max(words.get(last).height(), words.get(last + 1).height())) {
            last++;
          }
          OcrWord word = last == i ? words.get(i) : joined(words.subList(i, last + 1));
          var kind = DigitRecheck.kindOf(word.text(), last + 1 < words.size() ? words.get(last + 1).text() : null);
          if (kind.isEmpty()) {
            continue;
          }
          if (last > i) {
            words.subList(i + 1, last + 1).clear();
          }
          if (!imageSet) {
            api.TessBaseAPISetImage(digits, buffer, image.width(), image.height(), 1, image.width());
            api.TessBaseAPISetSourceResolution(digits, DPI);
            imageSet = true;
          }
          int pad = Math.max(4, word.height() / 4);
          int left = Math.max(0, word.left() - pad);
          int top = Math.max(0, word.top() - pad);
          int width = Math.min(image.width() - left, word.width() + 2 * pad);
          int height = Math.min(image.height() - top, word.height() + 2 * pad);
          api.TessBaseAPISetRectangle(digits, left, top, width, height);
          Pointer text = api.TessBaseAPIGetUTF8Text(digits);
          String second;
          try {
            second = text == null ? "" : text.getString(0, StandardCharsets.UTF_8.name());
          } finally {
            if (text != null) {
              api.TessDeleteText(text);
            }
          }
          DigitRecheck.Reading reading = DigitRecheck.combine(kind.get(), word.text(), word.confidence(), second,
              api.TessBaseAPIMeanTextConf(digits));
          words.set(i, new OcrWord(reading.text(), reading.confidence(), word.left(), word.top(), word.width(),
              word.height()));
        }
        out.add(new OcrLine(words));
      }
    } finally {
      if (imageSet) {
        api.TessBaseAPIClear(digits);
      }
    }
    return out;
  }

  /** Words side by side as one: their texts, the lowest confidence, the box around them. */
  private static OcrWord joined(List<OcrWord> parts) {
    StringBuilder text = new StringBuilder();
    double confidence = 100;
    int left = Integer.MAX_VALUE;
    int top = Integer.MAX_VALUE;
    int right = 0;
    int bottom = 0;
    for (OcrWord w : parts) {
      text.append(w.text());
      confidence = Math.min(confidence, w.confidence());
      left = Math.min(left, w.left());
      top = Math.min(top, w.top());
      right = Math.max(right, w.left() + w.width());
      bottom = Math.max(bottom, w.top() + w.height());
    }
    return new OcrWord(text.toString(), confidence, left, top, right - left, bottom - top);
  }

  private TessBaseAPI digitsHandle() {
    TessBaseAPI handle = digitsPerThread.get();
    if (handle != null || !Files.isRegularFile(Path.of(dataPath, "eng.traineddata"))) {
      return handle;
    }
    TessAPI api = TessAPI.INSTANCE;
    handle = api.TessBaseAPICreate();
    if (api.TessBaseAPIInit3(handle, dataPath, "eng") != 0) {
      api.TessBaseAPIDelete(handle);
      return null;
    }
    api.TessBaseAPISetPageSegMode(handle, 7); // one line: the word's box
    synchronized (all) {
      all.add(handle);
    }
    digitsPerThread.set(handle);
    return handle;
  }

  /** Plain text as the command line prints it, for comparisons. */
  public String plainText(GreyImage image, TextDirection direction) {
    TessBaseAPI handle = handle(direction);
    TessAPI api = TessAPI.INSTANCE;
    ByteBuffer buffer = ByteBuffer.allocateDirect(image.pixels().length);
    buffer.put(image.pixels()).flip();
    api.TessBaseAPISetImage(handle, buffer, image.width(), image.height(), 1, image.width());
    api.TessBaseAPISetSourceResolution(handle, DPI);
    Pointer text = api.TessBaseAPIGetUTF8Text(handle);
    try {
      return text == null ? "" : text.getString(0, StandardCharsets.UTF_8.name());
    } finally {
      if (text != null) {
        api.TessDeleteText(text);
      }
      api.TessBaseAPIClear(handle);
    }
  }

  static List<OcrLine> parseTsv(String tsv) {
    Map<String, List<OcrWord>> lines = new LinkedHashMap<>();
    for (String row : tsv.split("\n")) {
      String[] f = row.split("\t", 12);
      if (f.length < 12 || !f[0].equals("5") || f[11].isBlank()) {
        continue;
      }
      String key = f[2] + "/" + f[3] + "/" + f[4];
      lines.computeIfAbsent(key, k -> new ArrayList<>()).add(new OcrWord(f[11].strip(), Double.parseDouble(f[10]),
          Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9])));
    }
    return lines.values().stream().map(OcrLine::new).toList();
  }

  private TessBaseAPI handle(TextDirection direction) {
    return perThread.get().computeIfAbsent(direction, this::create);
  }

  private TessBaseAPI create(TextDirection direction) {
    for (String language : direction.languages.split("\\+")) {
      if (!Files.isRegularFile(Path.of(dataPath, language + ".traineddata"))) {
        throw new OcrUnavailableException("OCR unavailable: " + language + ".traineddata not found in " + dataPath
            + " (install tesseract-ocr-jpn, tesseract-ocr-jpn-vert, tesseract-ocr-eng)", null);
      }
    }
    TessAPI api;
    try {
      api = TessAPI.INSTANCE;
    } catch (LinkageError e) {
      throw new OcrUnavailableException("OCR unavailable: libtesseract does not load (install tesseract-ocr and "
          + "libtesseract5): " + e.getMessage(), e);
    }
    TessBaseAPI handle = api.TessBaseAPICreate();
    int rc = api.TessBaseAPIInit3(handle, dataPath, direction.languages);
    if (rc != 0) {
      api.TessBaseAPIDelete(handle);
      throw new OcrUnavailableException("OCR unavailable: Tesseract could not load " + direction.languages
          + " from " + dataPath + " (code " + rc + ")", null);
    }
    api.TessBaseAPISetPageSegMode(handle, direction.pageSegMode);
    synchronized (all) {
      all.add(handle);
    }
    log.info("Tesseract engine created for {} on thread {}", direction.languages, Thread.currentThread().getName());
    return handle;
  }

  /** Frees every engine; call when the worker stops (no thread may be recognising then). */
  @Override
  public void close() {
    synchronized (all) {
      for (TessBaseAPI handle : all) {
        TessAPI.INSTANCE.TessBaseAPIEnd(handle);
        TessAPI.INSTANCE.TessBaseAPIDelete(handle);
      }
      all.clear();
    }
  }
}
