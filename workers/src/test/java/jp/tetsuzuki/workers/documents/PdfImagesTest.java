package jp.tetsuzuki.workers.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.tetsuzuki.workers.ocr.PageImages;
import jp.tetsuzuki.workers.ocr.UnreadableDocumentException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Second review 2026-12-01 (N8), as the attack: a 3 MB PDF drawing one 16000 × 16000 JPEG passed the upload; each
 * render of its page for the staff form took more than 1 GB of heap, four at once ran the platform out of memory.
 * The image's declared size is read without decoding it, and such a page is refused before anything renders it.
 */
class PdfImagesTest {

  @TempDir Path dir;

  /** A one-page PDF whose page draws one image XObject declaring {@code width × height} (its data is not real). */
  static byte[] pdfWithImage(int width, int height) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      COSStream image = pdf.getDocument().createCOSStream();
      image.setItem(COSName.TYPE, COSName.XOBJECT);
      image.setItem(COSName.SUBTYPE, COSName.IMAGE);
      image.setInt(COSName.WIDTH, width);
      image.setInt(COSName.HEIGHT, height);
      image.setInt(COSName.BITS_PER_COMPONENT, 8);
      image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
      try (OutputStream out = image.createOutputStream()) {
        out.write(new byte[16]);
      }
      COSDictionary objects = new COSDictionary();
      objects.setItem(COSName.getPDFName("Im1"), image);
      PDResources resources = new PDResources();
      resources.getCOSObject().setItem(COSName.XOBJECT, objects);
      page.setResources(resources);
      pdf.addPage(page);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      pdf.save(bytes);
      return bytes.toByteArray();
    }
  }

  @Test
  void theLargestImageIsReadFromItsDictionaryWithoutDecodingIt() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(pdfWithImage(16_000, 16_000))) {
      assertThat(PdfImages.largestImage(pdf.getPage(0))).isEqualTo(256_000_000L);
    }
    try (PDDocument pdf = Loader.loadPDF(pdfWithImage(2_480, 3_508))) { // A4 at 300 dpi
      assertThat(PdfImages.largestImage(pdf.getPage(0))).isLessThan(PdfImages.MAX_PIXELS);
    }
  }

  @Test
  void theInspectionRefusesAPageDrawingAGiantImage() throws IOException {
    Path file = dir.resolve("giant.pdf");
    Files.write(file, pdfWithImage(16_000, 16_000));
    assertThatThrownBy(() -> PdfCheck.check(file, 10)).isInstanceOf(DocumentRefusedException.class)
        .hasMessageContaining("256000000 pixels");
    Path a4 = dir.resolve("a4.pdf");
    Files.write(a4, pdfWithImage(2_480, 3_508));
    assertThat(assertDoesNotThrow(a4)).isEqualTo(1);
  }

  @Test
  void theOcrReadersRefuseItBeforeRendering() throws IOException {
    byte[] giant = pdfWithImage(16_000, 16_000);
    assertThatThrownBy(() -> PageImages.forEachPage(new ByteArrayInputStream(giant), "application/pdf", 10,
        (n, image) -> { })).isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("too large");
  }

  private static int assertDoesNotThrow(Path file) {
    try {
      return PdfCheck.check(file, 10);
    } catch (IOException | DocumentRefusedException e) {
      throw new AssertionError(e);
    }
  }
}
