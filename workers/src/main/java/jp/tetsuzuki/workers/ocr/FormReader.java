package jp.tetsuzuki.workers.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A form read by OCR into fields: the pipeline recognises the pages, the subclass extracts its fields. */
public abstract class FormReader {

  private final OcrPipeline pipeline;

  protected FormReader(OcrPipeline pipeline) {
    this.pipeline = pipeline;
  }

  public Recognition read(InputStream content, String mediaType) throws IOException {
    return read(content, mediaType, OcrPipeline.Progress.NONE);
  }

  public Recognition read(InputStream content, String mediaType, OcrPipeline.Progress progress) throws IOException {
    return extract(pipeline.read(content, mediaType, TextDirection.HORIZONTAL, progress));
  }

  /** Field extraction from recognised pages (public for tests and for text layers read elsewhere). */
  public abstract Recognition extract(List<OcrPage> pages);
}
