package jp.tetsuzuki.workers.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Document → pages at 300 dpi → preprocessing → Tesseract. One instance serves all threads. */
public class OcrPipeline {

  /** Called before each page, so a long OCR job can extend its task lock. */
  public interface Progress {
    void beforePage(int pageNumber);

    Progress NONE = page -> {};
  }

  private final TesseractEngine engine;
  private final Preprocessor preprocessor;
  private final int maxPages;

  public OcrPipeline(TesseractEngine engine) {
    this(engine, new Preprocessor(), 10);
  }

  public OcrPipeline(TesseractEngine engine, Preprocessor preprocessor, int maxPages) {
    this.engine = engine;
    this.preprocessor = preprocessor;
    this.maxPages = maxPages;
  }

  public List<OcrPage> read(InputStream content, String mediaType, TextDirection direction, Progress progress)
      throws IOException {
    engine.checkAvailable(); // fail before rendering anything when OCR cannot run here
    List<OcrPage> pages = new ArrayList<>();
    PageImages.forEachPage(content, mediaType, maxPages, (number, image) -> {
      progress.beforePage(number);
      pages.add(recognize(number, image, direction));
    });
    return pages;
  }

  public OcrPage recognize(int pageNumber, GreyImage image, TextDirection direction) {
    return engine.recognize(pageNumber, preprocessor.prepare(image), direction);
  }
}
