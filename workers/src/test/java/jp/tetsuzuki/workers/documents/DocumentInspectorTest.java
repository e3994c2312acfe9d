package jp.tetsuzuki.workers.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentInspectorTest {

  private static final long TWO_GB = 2L << 30;
  private final DocumentInspector inspector = new DocumentInspector();

  @TempDir Path dir;

  @Test
  void acceptsAPdfAndExtractsItsJapaneseTextAndPages() throws Exception {
    Inspection result = inspect(Samples.pdf(2, "就労証明書 架空株式会社"), DocumentUse.APPLICATION_ATTACHMENT);

    assertThat(result.mediaType()).isEqualTo("application/pdf");
    assertThat(result.pages()).isEqualTo(2);
    assertThat(result.text()).contains("就労証明書 架空株式会社（1頁）", "（2頁）");
    assertThat(result.textTruncated()).isFalse();
    assertThat(result.metadata()).containsKey("Content-Type");
  }

  @Test
  void acceptsAScanWithoutRunningOcrInsideTika() throws Exception {
    Inspection result = inspect(Samples.png("就労証明書", 800, 200), DocumentUse.APPLICATION_ATTACHMENT);

    assertThat(result.mediaType()).isEqualTo("image/png");
    // Tika's Tesseract parser would have produced text here; OCR is our own step
    assertThat(result.text()).isEmpty();
    assertThat(((CompositeParser) inspector.parser()).getAllComponentParsers())
        .noneMatch(TesseractOCRParser.class::isInstance);
  }

  @Test
  void detectsTheTypeFromTheContentNotFromWhatTheUploaderClaims() throws Exception {
    byte[] html = "<!DOCTYPE html><html><body>申請書.pdf</body></html>".getBytes(StandardCharsets.UTF_8);
    DocumentRefusedException refused = refuse(html, DocumentUse.APPLICATION_ATTACHMENT);

    assertThat(refused.reason()).isEqualTo(RefusalReason.TYPE_NOT_ALLOWED);
    assertThat(refused.messageJa()).contains("HTML", "PDF、PNG、JPEG、TIFF");
  }

  @Test
  void refusesTypesOutsideTheAllowListOfTheUse() throws Exception {
    assertThat(refuse(Samples.gif(), DocumentUse.APPLICATION_ATTACHMENT).reason())
        .isEqualTo(RefusalReason.TYPE_NOT_ALLOWED);
    DocumentRefusedException word = refuse(Samples.docx("申請"), DocumentUse.APPLICATION_ATTACHMENT);
    assertThat(word.reason()).isEqualTo(RefusalReason.TYPE_NOT_ALLOWED);
    assertThat(word.messageJa()).contains("Word 文書");
    // the same Word file is fine where office files are allowed
    assertThat(inspect(Samples.docx("補足資料"), DocumentUse.SUPPORTING_DOCUMENT).text()).contains("補足資料");
  }

  @Test
  void refusesEmptyAndTooLargeFilesAndTooManyPages() throws Exception {
    assertThat(refuse(new byte[0], DocumentUse.INVOICE).reason()).isEqualTo(RefusalReason.EMPTY);

    DocumentInspector small = new DocumentInspector(InspectionLimits.defaults().withMaxBytes(1 << 20));
    DocumentRefusedException tooLarge = catchThrowableOfType(DocumentRefusedException.class,
        () -> small.inspect(new ByteArrayInputStream(new byte[2 << 20]), DocumentUse.APPLICATION_ATTACHMENT));
    assertThat(tooLarge.reason()).isEqualTo(RefusalReason.TOO_LARGE);
    assertThat(tooLarge.messageJa()).contains("1 MB");

    DocumentInspector twoPages = new DocumentInspector(InspectionLimits.defaults().withMaxPages(2));
    DocumentRefusedException pages = catchThrowableOfType(DocumentRefusedException.class,
        () -> twoPages.inspect(new ByteArrayInputStream(Samples.pdf(3, "頁")), DocumentUse.APPLICATION_ATTACHMENT));
    assertThat(pages.reason()).isEqualTo(RefusalReason.TOO_MANY_PAGES);
    assertThat(pages.messageJa()).contains("2 ページ");
  }

  @Test
  void refusesAnImageWhoseHeaderAsksForGigapixels() throws Exception {
    DocumentRefusedException refused = refuse(Samples.pixelBombPng(), DocumentUse.APPLICATION_ATTACHMENT);
    assertThat(refused.reason()).isEqualTo(RefusalReason.TOO_LARGE);
    assertThat(refused.getMessage()).contains("100000x100000");
  }

  @Test
  void refusesEncryptedPdfsWithOrWithoutAnOpenPassword() throws Exception {
    assertThat(refuse(Samples.encryptedPdf("open-me"), DocumentUse.APPLICATION_ATTACHMENT).reason())
        .isEqualTo(RefusalReason.ENCRYPTED);
    DocumentRefusedException ownerOnly = refuse(Samples.encryptedPdf(""), DocumentUse.APPLICATION_ATTACHMENT);
    assertThat(ownerOnly.reason()).isEqualTo(RefusalReason.ENCRYPTED);
    assertThat(ownerOnly.messageJa()).contains("保護を解除");
  }

  @Test
  void refusesEncryptedOfficeFilesEvenWhereOfficeIsAllowed() throws Exception {
    assertThat(refuse(Samples.encryptedDocx(), DocumentUse.SUPPORTING_DOCUMENT).reason())
        .isEqualTo(RefusalReason.ENCRYPTED);
  }

  @Test
  void refusesMacroBearingOfficeFilesAndPdfScripts() throws Exception {
    assertThat(refuse(Samples.docm(), DocumentUse.SUPPORTING_DOCUMENT).reason()).isEqualTo(RefusalReason.MACRO);
    assertThat(refuse(Samples.docxWithHiddenVba(), DocumentUse.SUPPORTING_DOCUMENT).reason())
        .isEqualTo(RefusalReason.MACRO);
    assertThat(refuse(Samples.xlsWithMacros(), DocumentUse.SUPPORTING_DOCUMENT).reason())
        .isEqualTo(RefusalReason.MACRO);
    DocumentRefusedException script = refuse(Samples.pdfWithJavaScript(), DocumentUse.APPLICATION_ATTACHMENT);
    assertThat(script.reason()).isEqualTo(RefusalReason.MACRO);
    assertThat(script.messageJa()).contains("マクロやスクリプト");
  }

  @Test
  void refusesArchivesAndPdfsCarryingFiles() throws Exception {
    DocumentRefusedException zip = catchThrowableOfType(DocumentRefusedException.class,
        () -> inspectFile(Samples.zipOfZeros(dir, "small.zip", 10_000), DocumentUse.SUPPORTING_DOCUMENT));
    assertThat(zip.reason()).isEqualTo(RefusalReason.ARCHIVE);
    assertThat(zip.messageJa()).contains("1件ずつ");
    assertThat(refuse(Samples.pdfWithAttachment(), DocumentUse.APPLICATION_ATTACHMENT).reason())
        .isEqualTo(RefusalReason.ARCHIVE);
  }

  @Test
  void refusesPolyglots() throws Exception {
    byte[] pdf = Samples.pdf(1, "普通の書類");
    assertThat(refuse(Samples.withZipAppended(pdf), DocumentUse.APPLICATION_ATTACHMENT).reason())
        .isEqualTo(RefusalReason.POLYGLOT);
    assertThat(refuse(Samples.pdfThatIsAlsoHtml(), DocumentUse.APPLICATION_ATTACHMENT).reason())
        .isEqualTo(RefusalReason.POLYGLOT);
    DocumentRefusedException gifar = refuse(Samples.withZipAppended(Samples.png("画像", 300, 100)),
        DocumentUse.APPLICATION_ATTACHMENT);
    assertThat(gifar.reason()).isEqualTo(RefusalReason.POLYGLOT);
    assertThat(gifar.messageJa()).contains("別の形式");
    // the untouched PDF is fine: the check is not refusing everything
    assertThat(inspect(pdf, DocumentUse.APPLICATION_ATTACHMENT).mediaType()).isEqualTo("application/pdf");
  }

  @Test
  void acceptsAUblInvoiceButNeverResolvesEntities() throws Exception {
    Inspection invoice = inspect(Samples.ubl("").getBytes(StandardCharsets.UTF_8), DocumentUse.INVOICE);
    assertThat(invoice.mediaType()).isEqualTo("application/xml");
    assertThat(invoice.text()).contains("INV-2025-0042", "架空商事");

    String xxe = Samples.ubl("<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n");
    DocumentRefusedException refused = refuse(xxe.getBytes(StandardCharsets.UTF_8), DocumentUse.INVOICE);
    assertThat(refused.reason()).isEqualTo(RefusalReason.UNSAFE_XML);
    assertThat(refused.getMessage()).doesNotContain("root:");

    byte[] notUbl = "<?xml version=\"1.0\"?><order><id>1</id></order>".getBytes(StandardCharsets.UTF_8);
    assertThat(refuse(notUbl, DocumentUse.INVOICE).reason()).isEqualTo(RefusalReason.TYPE_NOT_ALLOWED);
  }

  @Test
  void refusesAParseThatRunsPastTheTimeLimit() throws Exception {
    DocumentInspector impatient = new DocumentInspector(
        InspectionLimits.defaults().withParseTimeout(Duration.ofMillis(1)));
    byte[] pdf = Samples.pdf(40, "長い書類の本文です。");
    DocumentRefusedException refused = catchThrowableOfType(DocumentRefusedException.class,
        () -> impatient.inspect(new ByteArrayInputStream(pdf), DocumentUse.APPLICATION_ATTACHMENT));
    assertThat(refused.reason()).isEqualTo(RefusalReason.PARSE_TIMEOUT);
  }

  @Test
  void refusesCorruptFiles() throws Exception {
    byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(refuse(broken, DocumentUse.APPLICATION_ATTACHMENT).reason()).isEqualTo(RefusalReason.CORRUPT);
  }

  // ---- decompression bombs: each inflates to 2 GB; the test bounds the time and the memory the check may use

  @Test
  void stopsA2GbZipBombInBoundedTimeAndMemory() throws Exception {
    Path bomb = Samples.zipOfZeros(dir, "bomb.zip", TWO_GB);
    assertThat(Files.size(bomb)).isLessThan(5L << 20);

    assertBounded(bomb, DocumentUse.SUPPORTING_DOCUMENT, RefusalReason.ARCHIVE);
  }

  @Test
  void stopsANestedZipBombInBoundedTimeAndMemory() throws Exception {
    assertBounded(Samples.nestedZip(dir, TWO_GB), DocumentUse.APPLICATION_ATTACHMENT, RefusalReason.ARCHIVE);
  }

  @Test
  void stopsA2GbFlateBombInsideAnAllowedPdf() throws Exception {
    assertBounded(Samples.pdfBomb(dir, TWO_GB), DocumentUse.APPLICATION_ATTACHMENT,
        RefusalReason.DECOMPRESSION_BOMB);
  }

  @Test
  void stopsA2GbBombInsideAnAllowedWordFile() throws Exception {
    assertBounded(Samples.docxBomb(dir, TWO_GB), DocumentUse.SUPPORTING_DOCUMENT, RefusalReason.DECOMPRESSION_BOMB);
  }

  private void assertBounded(Path bomb, DocumentUse use, RefusalReason expected) throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long allocatedBefore = threads.getThreadAllocatedBytes(thread);
    long start = System.nanoTime();

    DocumentRefusedException refused = catchThrowableOfType(DocumentRefusedException.class,
        () -> inspectFile(bomb, use));

    long millis = (System.nanoTime() - start) / 1_000_000;
    long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
    assertThat(refused).as("bomb must be refused").isNotNull();
    assertThat(refused.reason()).isEqualTo(expected);
    assertThat(millis).as("milliseconds to refuse").isLessThan(10_000);
    // allocation over the whole check, not just live heap: far below the 2 GB the bomb asks for
    assertThat(allocated).as("bytes allocated while refusing").isLessThan(300L << 20);
  }

  private Inspection inspect(byte[] content, DocumentUse use) throws Exception {
    return inspector.inspect(new ByteArrayInputStream(content), use);
  }

  private Inspection inspectFile(Path file, DocumentUse use) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return inspector.inspect(in, use);
    }
  }

  private DocumentRefusedException refuse(byte[] content, DocumentUse use) {
    DocumentRefusedException refused = catchThrowableOfType(DocumentRefusedException.class,
        () -> inspect(content, use));
    assertThat(refused).as("expected a refusal").isNotNull();
    assertThat(refused.messageJa()).isNotBlank().doesNotContain("%s");
    return refused;
  }
}
