package jp.tetsuzuki.workers.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Turns a document into grey page images at 300 dpi, one page at a time (never all pages in memory). PDFs are
 * rendered by PDFBox; images are read by ImageIO (TIFF may have several pages). Run on inspected documents only:
 * the inspector has already bounded pages, pixels and inflated sizes.
 */
public final class PageImages {

  public static final int DPI = 300;
  /** A page larger than this (A3 at 300 dpi is 17 MP) is not a form; refuse to allocate it. */
  private static final long MAX_PIXELS = 40_000_000L;

  /** Receives each page image; the page number starts at 1. */
  public interface PageConsumer {
    void accept(int pageNumber, GreyImage image);
  }

  private PageImages() {}

  public static void forEachPage(InputStream content, String mediaType, int maxPages, PageConsumer consumer)
      throws IOException {
    Path file = Files.createTempFile("tetsuzuki-ocr-", ".bin");
    try {
      Files.copy(content, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      if (mediaType.equals("application/pdf")) {
        renderPdf(file, maxPages, consumer);
      } else if (mediaType.startsWith("image/")) {
        readImages(file, maxPages, consumer);
      } else {
        throw new UnreadableDocumentException("no page images in " + mediaType);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void renderPdf(Path file, int maxPages, PageConsumer consumer) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      PDFRenderer renderer = new PDFRenderer(pdf);
      int pages = Math.min(maxPages, pdf.getNumberOfPages());
      for (int i = 0; i < pages; i++) {
        var box = pdf.getPage(i).getCropBox();
        long pixels = (long) (box.getWidth() / 72 * DPI) * (long) (box.getHeight() / 72 * DPI);
        long drawn = jp.tetsuzuki.workers.documents.PdfImages.largestImage(pdf.getPage(i));
        if (drawn > jp.tetsuzuki.workers.documents.PdfImages.MAX_PIXELS) {
          throw new UnreadableDocumentException("page " + (i + 1) + " draws an image too large to decode (" + drawn
              + " px)");
        }
        if (pixels > MAX_PIXELS) {
          throw new UnreadableDocumentException("page " + (i + 1) + " is too large to render (" + pixels + " px)");
        }
        consumer.accept(i + 1, GreyImage.of(renderer.renderImageWithDPI(i, DPI, ImageType.GRAY)));
      }
    }
  }

  private static void readImages(Path file, int maxPages, PageConsumer consumer) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new UnreadableDocumentException("no image reader for the page image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, false, true);
        int pages = Math.min(maxPages, reader.getNumImages(true));
        for (int i = 0; i < pages; i++) {
          if ((long) reader.getWidth(i) * reader.getHeight(i) > MAX_PIXELS) {
            throw new UnreadableDocumentException("image " + (i + 1) + " is too large to read");
          }
          BufferedImage image = reader.read(i);
          consumer.accept(i + 1, GreyImage.of(image));
        }
      } finally {
        reader.dispose();
      }
    }
  }

}
