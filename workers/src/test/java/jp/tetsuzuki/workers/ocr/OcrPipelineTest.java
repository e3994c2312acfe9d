package jp.tetsuzuki.workers.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.tetsuzuki.workers.fixtures.Fixture;
import jp.tetsuzuki.workers.fixtures.FixtureGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real Tesseract on generated pages. Skipped only where Tesseract with jpn is not installed (CI installs it). */
class OcrPipelineTest {

  private static TesseractEngine engine;

  @BeforeAll
  static void engine() {
    engine = new TesseractEngine();
    assumeTrue(engine.isAvailable(), "Tesseract with jpn/eng tessdata is not installed in "
        + TesseractEngine.DEBIAN_TESSDATA + "; install tesseract-ocr tesseract-ocr-jpn tesseract-ocr-jpn-vert");
  }

  @org.junit.jupiter.api.AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void readsTheFieldsOfACleanCertificatePdf() throws Exception {
    Fixture fixture = cleanOne(true);
    List<Integer> pagesSeen = new ArrayList<>();
    Recognition r = new EmploymentCertificateReader(new OcrPipeline(engine))
        .read(new ByteArrayInputStream(fixture.pdf()), "application/pdf", pagesSeen::add);

    assertThat(pagesSeen).containsExactly(1);
    int right = 0;
    for (var expected : fixture.fields().entrySet()) {
      if (expected.getValue().equals(r.value(expected.getKey()))) {
        right++;
      }
    }
    assertThat(right).as("fields read right of " + fixture.fields() + " in " + r.fields()).isGreaterThanOrEqualTo(9);
    assertThat(r.value("certificationDate")).isEqualTo(fixture.fields().get("certificationDate"));
  }

  @Test
  void readsTheAmountsOfACleanInvoice() throws Exception {
    Fixture fixture = cleanOne(false);
    Recognition r = new InvoiceReader(new OcrPipeline(engine))
        .read(new ByteArrayInputStream(fixture.pdf()), "application/pdf");

    assertThat(r.value("total")).isEqualTo(fixture.fields().get("total"));
    assertThat(r.value("registrationNumber")).isEqualTo(fixture.fields().get("registrationNumber"));
  }

  @Test
  void readsVerticalJapanese() {
    BufferedImage image = new BufferedImage(300, 1400, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 300, 1400);
    g.setColor(java.awt.Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    try {
      g.setFont(Font.createFont(Font.TRUETYPE_FONT, FixtureGenerator.GOTHIC).deriveFont(80f));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    String text = "保育所入所申込書";
    for (int i = 0; i < text.length(); i++) {
      g.drawString(String.valueOf(text.charAt(i)), 110, 150 + i * 100);
    }
    g.dispose();

    String read = new OcrPipeline(engine).recognize(1, GreyImage.of(image), TextDirection.VERTICAL).text();
    assertThat(JapaneseText.compact(read)).contains("保育所", "申込書");
  }

  @Test
  void aPageOverItsTimeBudgetIsReturnedIncompleteAndAllItsFieldsGoToVerification() throws Exception {
    Fixture fixture = cleanOne(true);
    GreyImage page = GreyImage.of(fixture.scan());
    try (TesseractEngine hurried = new TesseractEngine(TesseractEngine.DEBIAN_TESSDATA, 1)) {
      OcrPage read = new OcrPipeline(hurried).recognize(1, page, TextDirection.HORIZONTAL);
      assertThat(read.complete()).isFalse();
      Recognition r = new EmploymentCertificateReader(null).extract(List.of(read));
      assertThat(r.fields().values()).allMatch(f -> f.confidence() < Recognition.VERIFY_BELOW);
      assertThat(r.needsVerification()).isTrue();
    }
    OcrPage unhurried = new OcrPipeline(engine).recognize(1, page, TextDirection.HORIZONTAL);
    assertThat(unhurried.complete()).isTrue();
    assertThat(new EmploymentCertificateReader(null).extract(List.of(unhurried)).value("certificationDate"))
        .isEqualTo(fixture.fields().get("certificationDate"));
  }

  @Test
  void reportsOcrUnavailableWhenTheLanguageDataIsMissing() throws Exception {
    Path empty = Files.createTempDirectory("no-tessdata");
    TesseractEngine missing = new TesseractEngine(empty.toString());
    assertThat(missing.isAvailable()).isFalse();
    assertThatThrownBy(() -> new OcrPipeline(missing).read(new ByteArrayInputStream(new byte[0]), "image/png",
        TextDirection.HORIZONTAL, OcrPipeline.Progress.NONE))
        .isInstanceOf(OcrUnavailableException.class)
        .hasMessageContaining("OCR unavailable").hasMessageContaining("jpn.traineddata");
  }

  /** The first undamaged fixture of a kind from a fixed seed. */
  private static Fixture cleanOne(boolean certificate) {
    FixtureGenerator generator = new FixtureGenerator(42);
    for (int i = 0; ; i++) {
      Fixture fixture = certificate ? generator.certificate(i) : generator.invoice(i);
      if (fixture.degradation().equals("clean")) {
        return fixture;
      }
    }
  }
}
