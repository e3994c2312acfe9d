package jp.tetsuzuki.workers.documents;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Files for intake tests, built in code: no binary fixtures in the repository, fictional content only. */
final class Samples {

  static final Path GOTHIC = Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");
  private static final int MB = 1 << 20;

  private Samples() {}

  static byte[] pdf(int pages, String text) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDType0Font font = PDType0Font.load(pdf, GOTHIC.toFile());
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage();
        pdf.addPage(page);
        try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
          out.beginText();
          out.setFont(font, 14);
          out.newLineAtOffset(72, 700);
          out.showText(text + "（" + (i + 1) + "頁）");
          out.endText();
        }
      }
      return save(pdf);
    }
  }

  static byte[] encryptedPdf(String userPassword) throws IOException {
    try (PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(pdf(1, "保護された書類"))) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
          new AccessPermission());
      policy.setEncryptionKeyLength(128);
      pdf.protect(policy);
      return save(pdf);
    }
  }

  static byte[] pdfWithJavaScript() throws IOException {
    try (PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(pdf(1, "スクリプト付き"))) {
      pdf.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x');"));
      return save(pdf);
    }
  }

  static byte[] pdfWithAttachment() throws IOException {
    try (PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(pdf(1, "添付付き"))) {
      PDEmbeddedFile file = new PDEmbeddedFile(pdf, new java.io.ByteArrayInputStream("MZ...".getBytes()));
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile("tool.exe");
      spec.setEmbeddedFile(file);
      PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(java.util.Map.of("tool.exe", spec));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      pdf.getDocumentCatalog().setNames(names);
      return save(pdf);
    }
  }

  /** A valid PDF whose header comment is HTML: a browser sniffing it would run the script. */
  static byte[] pdfThatIsAlsoHtml() throws IOException {
    String pdf = new String(pdf(1, "HTML 兼用"), StandardCharsets.ISO_8859_1);
    int afterHeader = pdf.indexOf('\n') + 1;
    String html = "%<html><script>alert(document.cookie)</script></html>\n";
    return (pdf.substring(0, afterHeader) + html + pdf.substring(afterHeader)).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A PDF with a JAR appended: PDF readers stop at %%EOF, Java reads the ZIP directory at the end. */
  static byte[] withZipAppended(byte[] first) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(first);
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\nMain-Class: Evil\n".getBytes());
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("Evil.class"));
      zip.write(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe});
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  static byte[] png(String text, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    try {
      g.setFont(Font.createFont(Font.TRUETYPE_FONT, GOTHIC.toFile()).deriveFont(48f));
    } catch (java.awt.FontFormatException e) {
      throw new IOException(e);
    }
    g.drawString(text, 40, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static byte[] gif() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_INDEXED), "gif", out);
    return out.toByteArray();
  }

  /** A PNG whose header claims 100,000 × 100,000 pixels (10 gigapixels) in a few dozen bytes. */
  static byte[] pixelBombPng() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000)
        .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    byte[] idat = deflate(new byte[1024], true);
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.write(typeBytes);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText(text);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  static byte[] encryptedDocx() throws Exception {
    EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
    Encryptor encryptor = info.getEncryptor();
    encryptor.confirmPassword("secret");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      try (OutputStream os = encryptor.getDataStream(fs)) {
        os.write(docx("暗号化された文書"));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  /** A Word file declared macro-enabled (.docm) with a VBA project part. */
  static byte[] docm() throws IOException {
    return ooxml("application/vnd.ms-word.document.macroEnabled.main+xml", true, null);
  }

  /** Declared as a plain .docx but carrying a VBA project: the name of the part gives it away. */
  static byte[] docxWithHiddenVba() throws IOException {
    return ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", true, null);
  }

  /** A .docx whose document part inflates to {@code bytes} of zeros. */
  static Path docxBomb(Path dir, long bytes) throws IOException {
    Path file = dir.resolve("bomb.docx");
    Files.write(file, ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        false, bytes));
    return file;
  }

  private static byte[] ooxml(String mainType, boolean vba, Long zeroDocumentBytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      put(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>
          <Override PartName="/word/document.xml" ContentType="%s"/>
          </Types>""".formatted(mainType));
      put(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
          </Relationships>""");
      if (zeroDocumentBytes == null) {
        put(zip, "word/document.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>\
            <w:t>申請書</w:t></w:r></w:p></w:body></w:document>""");
      } else {
        putZeros(zip, "word/document.xml", zeroDocumentBytes);
      }
      if (vba) {
        ZipArchiveEntry entry = new ZipArchiveEntry("word/vbaProject.bin");
        zip.putArchiveEntry(entry);
        zip.write(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0});
        zip.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** An Excel 97 workbook with a VBA storage, as Excel writes it for a file with macros. */
  static byte[] xlsWithMacros() throws IOException {
    try (HSSFWorkbook workbook = new HSSFWorkbook()) {
      workbook.createSheet("申請").createRow(0).createCell(0).setCellValue("金額");
      ByteArrayOutputStream plain = new ByteArrayOutputStream();
      workbook.write(plain);
      try (POIFSFileSystem fs = new POIFSFileSystem(new java.io.ByteArrayInputStream(plain.toByteArray()))) {
        fs.getRoot().createDirectory("_VBA_PROJECT_CUR").createDirectory("VBA")
            .createDocument("dir", new java.io.ByteArrayInputStream(new byte[16]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        return out.toByteArray();
      }
    }
  }

  private static void put(ZipArchiveOutputStream zip, String name, String text) throws IOException {
    zip.putArchiveEntry(new ZipArchiveEntry(name));
    zip.write(text.strip().getBytes(StandardCharsets.UTF_8));
    zip.closeArchiveEntry();
  }

  /** Adds an entry of {@code bytes} zeros as pre-deflated raw data, so building a 2 GB bomb takes well under a second. */
  private static void putZeros(ZipArchiveOutputStream zip, String name, long bytes) throws IOException {
    byte[] raw = deflate(bytes, false);
    ZipArchiveEntry entry = new ZipArchiveEntry(name);
    entry.setMethod(ZipEntry.DEFLATED);
    entry.setSize(bytes);
    entry.setCompressedSize(raw.length);
    entry.setCrc(crcOfZeros(bytes));
    zip.addRawArchiveEntry(entry, new java.io.ByteArrayInputStream(raw));
  }

  /** A ZIP with one entry of {@code bytes} zeros (about 1 MB compressed per GB). */
  static Path zipOfZeros(Path dir, String fileName, long bytes) throws IOException {
    Path file = dir.resolve(fileName);
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
      putZeros(zip, "zeros.bin", bytes);
    }
    return file;
  }

  /** A ZIP holding the bomb above: a nested archive, as in 42.zip. */
  static Path nestedZip(Path dir, long innerBytes) throws IOException {
    Path inner = zipOfZeros(dir, "inner.zip", innerBytes);
    Path outer = dir.resolve("outer.zip");
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(outer)) {
      for (int i = 0; i < 4; i++) {
        zip.putArchiveEntry(new ZipArchiveEntry("part" + i + ".zip"));
        try (InputStream in = Files.newInputStream(inner)) {
          in.transferTo(zip);
        }
        zip.closeArchiveEntry();
      }
    }
    return outer;
  }

  /** A one-page PDF whose content stream is FlateDecode data inflating to {@code bytes} zeros. */
  static Path pdfBomb(Path dir, long bytes) throws IOException {
    Path file = dir.resolve("bomb.pdf");
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      COSStream stream = pdf.getDocument().createCOSStream();
      try (OutputStream out = stream.createRawOutputStream()) {
        out.write(deflate(bytes, true));
      }
      stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
      page.getCOSObject().setItem(COSName.CONTENTS, stream);
      pdf.save(file.toFile());
    }
    return file;
  }

  /**
   * Deflated zeros. A FULL_FLUSH block of 1 MB of zeros depends on nothing before it, so the same compressed block is
   * repeated instead of compressing gigabytes.
   */
  static byte[] deflate(long bytes, boolean zlibWrapper) throws IOException {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] chunk = compress(deflater, new byte[MB], Deflater.FULL_FLUSH);
    long chunks = bytes / MB;
    byte[] rest = compress(deflater, new byte[(int) (bytes % MB)], Deflater.FULL_FLUSH);
    deflater.finish();
    byte[] end = new byte[64];
    int endLength = deflater.deflate(end);
    deflater.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) (chunks * chunk.length + 1024));
    if (zlibWrapper) {
      out.write(0x78);
      out.write(0xDA);
    }
    for (long i = 0; i < chunks; i++) {
      out.write(chunk);
    }
    out.write(rest);
    out.write(end, 0, endLength);
    if (zlibWrapper) {
      Adler32 adler = new Adler32();
      byte[] zeros = new byte[MB];
      for (long i = 0; i < chunks; i++) {
        adler.update(zeros);
      }
      adler.update(zeros, 0, (int) (bytes % MB));
      out.write(ByteBuffer.allocate(4).putInt((int) adler.getValue()).array());
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data, boolean zlibWrapper) throws IOException {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, !zlibWrapper);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static byte[] compress(Deflater deflater, byte[] data, int flush) {
    deflater.setInput(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, flush);
      out.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    return out.toByteArray();
  }

  private static long crcOfZeros(long bytes) {
    CRC32 crc = new CRC32();
    byte[] zeros = new byte[MB];
    for (long i = 0; i < bytes / MB; i++) {
      crc.update(zeros);
    }
    crc.update(zeros, 0, (int) (bytes % MB));
    return crc.getValue();
  }

  static String ubl(String doctype) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        %s<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
          xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:CustomizationID>urn:peppol:pint:billing-1@jp-1</cbc:CustomizationID>
          <cbc:ID>INV-2025-0042</cbc:ID>
          <cbc:IssueDate>2025-04-30</cbc:IssueDate>
          <cbc:Note>%s</cbc:Note>
        </Invoice>""".formatted(doctype, doctype.isEmpty() ? "架空商事" : "&xxe;");
  }

  private static byte[] save(PDDocument pdf) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf.save(out);
    return out.toByteArray();
  }
}
