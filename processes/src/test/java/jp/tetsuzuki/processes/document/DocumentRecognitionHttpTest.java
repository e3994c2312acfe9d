package jp.tetsuzuki.processes.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An app pre-fills its invoice form: it uploads the invoice PDF and asks for the fields synchronously (issue 5), with
 * real Tesseract through the same readers the OCR workers use.
 */
@PlatformTest
class DocumentRecognitionHttpTest {

  private static final File GOTHIC = new File("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");

  @LocalServerPort int port;

  @Test
  void anUploadedInvoiceIsReadIntoFieldsWithConfidence() throws IOException {
    Http client = Http.as("api-client", port);
    String documentId = upload(client, invoicePdf()).json().get("documentId").asText();

    Http.Response read = client.post("/api/v1/documents/" + documentId + "/recognition?form=invoice",
        "application/json", new byte[0]);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    JsonNode fields = read.json().get("fields");
    assertThat(fields.fieldNames()).toIterable().contains("registrationNumber", "issuerName", "issueDate",
        "recipientName", "subtotal10", "tax10", "subtotal8", "tax8", "total");
    assertThat(fields.get("registrationNumber").get("value").asText()).isEqualTo("T1180301018771");
    assertThat(fields.get("registrationNumber").get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(read.json().has("needsVerification")).isTrue();

    assertThat(client.post("/api/v1/documents/" + documentId + "/recognition?form=passport", "application/json",
        new byte[0]).json().get("field").asText()).isEqualTo("form");
    assertThat(Http.as("staff-shi", port).post("/api/v1/documents/" + documentId + "/recognition?form=invoice",
        "application/json", new byte[0]).status()).isEqualTo(404);
  }

  private Http.Response upload(Http client, byte[] pdf) {
    String boundary = "----tetsuzuki" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenantId\"\r\n\r\ndemo-ku\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Http.Response stored = client.post("/api/v1/documents", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    return stored;
  }

  /** A plain qualified invoice, as a supplier's accounting software prints it. */
  private static byte[] invoicePdf() throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDType0Font font = PDType0Font.load(document, GOTHIC);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        float y = 760;
        for (String line : List.of("請求書", "デモ区 御中", "登録番号 T1180301018771", "発行者 株式会社テスト商事",
            "請求日 令和7年4月1日", "10%対象 10,000円 消費税 1,000円", "8%対象 0円 消費税 0円", "合計 11,000円")) {
          text.beginText();
          text.setFont(font, 14);
          text.newLineAtOffset(72, y);
          text.showText(line);
          text.endText();
          y -= 36;
        }
      }
      document.save(out);
      return out.toByteArray();
    }
  }
}
