package jp.tetsuzuki.workers.documents;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The largest image a PDF page draws, by the sizes its image dictionaries declare (nothing is decoded). Rendering or
 * reading a page decodes every image at full size: one 16000 × 16000 JPEG in a 3 MB PDF took more than 1 GB of heap
 * per render and ran the platform out of memory (second review N8). Checked before anything renders a page: the
 * document inspection, the OCR readers, the staff document view.
 */
public final class PdfImages {

  /** Images larger than this are refused (an A4 page scanned at 600 dpi is about 35 MP). */
  public static final long MAX_PIXELS = 40_000_000L;

  private static final int MAX_DEPTH = 8;

  private PdfImages() {}

  /** The pixel count of the page's largest image XObject, form XObjects and their resources included. */
  public static long largestImage(PDPage page) {
    return largest(page.getCOSObject().getCOSDictionary(COSName.RESOURCES), 0, new IdentityHashMap<>());
  }

  private static long largest(COSDictionary resources, int depth, Map<COSBase, Boolean> seen) {
    if (resources == null || depth > MAX_DEPTH || seen.put(resources, Boolean.TRUE) != null) {
      return 0;
    }
    long largest = 0;
    COSDictionary objects = resources.getCOSDictionary(COSName.XOBJECT);
    if (objects == null) {
      return 0;
    }
    for (COSBase value : objects.getValues()) {
      COSBase base = value instanceof COSObject object ? object.getObject() : value;
      if (!(base instanceof COSStream stream)) {
        continue;
      }
      COSName subtype = stream.getCOSName(COSName.SUBTYPE);
      if (COSName.IMAGE.equals(subtype)) {
        long width = Math.max(0, stream.getLong(COSName.WIDTH, 0));
        long height = Math.max(0, stream.getLong(COSName.HEIGHT, 0));
        largest = Math.max(largest, width * height);
      } else if (COSName.FORM.equals(subtype)) {
        largest = Math.max(largest, largest(stream.getCOSDictionary(COSName.RESOURCES), depth + 1, seen));
      }
    }
    return largest;
  }
}
