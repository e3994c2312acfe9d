package jp.tetsuzuki.workers.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Structural checks of a PDF with PDFBox, run after {@link InflationGuard} made sure no stream can explode: encryption,
 * page count, JavaScript or launch actions, embedded files.
 */
final class PdfCheck {

  private static final COSName JS = COSName.getPDFName("JS");
  private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
  private static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "ImportData", "RichMediaExecute");

  private PdfCheck() {}

  /** Returns the page count of an acceptable PDF. */
  static int check(Path file, int maxPages) throws IOException, DocumentRefusedException {
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      if (pdf.isEncrypted()) {
        throw new DocumentRefusedException(RefusalReason.ENCRYPTED, "PDF is encrypted (owner password)");
      }
      int pages = pdf.getNumberOfPages();
      if (pages > maxPages) {
        throw new DocumentRefusedException(RefusalReason.TOO_MANY_PAGES, pages + " pages", maxPages);
      }
      for (int i = 0; i < pages; i++) {
        long pixels = PdfImages.largestImage(pdf.getPage(i));
        if (pixels > PdfImages.MAX_PIXELS) {
          throw new DocumentRefusedException(RefusalReason.TOO_LARGE, "page " + (i + 1) + " draws an image of "
              + pixels + " pixels", (PdfImages.MAX_PIXELS / 1_000_000) + " メガピクセル");
        }
      }
      for (COSObjectKey key : new HashSet<>(pdf.getDocument().getXrefTable().keySet())) {
        COSObject object = pdf.getDocument().getObjectFromPool(key);
        COSBase base = object.getObject();
        if (base instanceof COSDictionary dictionary) {
          checkDictionary(dictionary);
        }
      }
      return pages;
    } catch (InvalidPasswordException e) {
      throw new DocumentRefusedException(RefusalReason.ENCRYPTED, "PDF needs a password");
    }
  }

  private static void checkDictionary(COSDictionary dictionary) throws DocumentRefusedException {
    // actions are often direct dictionaries inside an annotation or the catalog, so look one level down as well
    inspect(dictionary);
    for (COSBase value : dictionary.getValues()) {
      if (value instanceof COSDictionary inner) {
        inspect(inner);
      }
    }
  }

  private static void inspect(COSDictionary dictionary) throws DocumentRefusedException {
    String action = dictionary.getNameAsString(COSName.S);
    if (dictionary.containsKey(JS) || action != null && ACTIVE_ACTIONS.contains(action)) {
      throw new DocumentRefusedException(RefusalReason.MACRO, "PDF has an active action ("
          + action + ")");
    }
    if (EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE)) || dictionary.containsKey(COSName.EMBEDDED_FILES)) {
      throw new DocumentRefusedException(RefusalReason.ARCHIVE, "PDF carries embedded files");
    }
  }
}
