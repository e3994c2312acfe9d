package jp.tetsuzuki.workers.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Macro and encryption checks of office files, by their structure (names of parts), without running a parser. */
final class OfficeCheck {

  private static final Set<String> OLE_MACRO_ENTRIES = Set.of("_vba_project_cur", "vba", "macros", "_vba_project");
  private static final Set<String> OLE_ENCRYPTION_ENTRIES = Set.of("encryptioninfo", "encryptedpackage");

  private OfficeCheck() {}

  static void checkZipBased(Path file) throws IOException, DocumentRefusedException {
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName().toLowerCase(Locale.ROOT);
        if (name.endsWith("vbaproject.bin") || name.endsWith("vbadata.xml") || name.startsWith("basic/")) {
          throw new DocumentRefusedException(RefusalReason.MACRO, "office part " + name);
        }
      }
    }
  }

  static void checkOle2(Path file) throws IOException, DocumentRefusedException {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      walk(fs.getRoot(), 0);
    }
  }

  private static void walk(DirectoryEntry directory, int depth) throws DocumentRefusedException {
    if (depth > 8) {
      return;
    }
    for (Entry entry : directory) {
      String name = entry.getName().toLowerCase(Locale.ROOT);
      if (OLE_ENCRYPTION_ENTRIES.contains(name)) {
        throw new DocumentRefusedException(RefusalReason.ENCRYPTED, "OLE2 entry " + entry.getName());
      }
      if (OLE_MACRO_ENTRIES.contains(name)) {
        throw new DocumentRefusedException(RefusalReason.MACRO, "OLE2 entry " + entry.getName());
      }
      if (entry instanceof DirectoryEntry child) {
        walk(child, depth + 1);
      }
    }
  }
}
