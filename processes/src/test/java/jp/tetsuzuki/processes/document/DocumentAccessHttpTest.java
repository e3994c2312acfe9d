package jp.tetsuzuki.processes.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two outside systems of one municipality (issue 8, item 7): the second one neither reads nor OCRs what the first
 * submitted, and is not even told that it exists. The municipality's staff read it; another municipality's do not.
 */
@PlatformTest
class DocumentAccessHttpTest {

  private static final String SECOND_SYSTEM = "second-system";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @BeforeEach
  void secondOutsideSystemOfDemoKu() {
    if (identity.createUserQuery().userId(SECOND_SYSTEM).count() == 0) {
      var user = identity.newUser(SECOND_SYSTEM);
      user.setPassword(Http.DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(SECOND_SYSTEM, Roles.API_CLIENTS);
      identity.createTenantUserMembership("demo-ku", SECOND_SYSTEM);
    }
  }

  @Test
  void anotherOutsideSystemOfTheSameTenantGetsNotFoundForADocumentItDidNotSubmit() throws IOException {
    String id = upload(Http.as("api-client", port), "demo-ku");
    Http second = Http.as(SECOND_SYSTEM, port);

    assertThat(Http.as("api-client", port).get("/api/v1/documents/" + id).status()).isEqualTo(200);
    Http.Response read = second.get("/api/v1/documents/" + id);
    assertThat(read.status()).as(read.body()).isEqualTo(404);
    // the same answer as for a document that does not exist
    assertThat(read.json().get("detail").asText()).isEqualTo("no document '" + id + "'");
    Http.Response ocr = second.post("/api/v1/documents/" + id + "/recognition?form=invoice", "application/json",
        new byte[0]);
    assertThat(ocr.status()).as(ocr.body()).isEqualTo(404);

    // its own upload it reads as usual
    String own = upload(second, "demo-ku");
    assertThat(second.get("/api/v1/documents/" + own).status()).isEqualTo(200);
  }

  @Test
  void theTenantsStaffReadTheDocumentOtherTenantsStaffDoNot() throws IOException {
    String id = upload(Http.as("api-client", port), "demo-ku");
    Http.Response staff = Http.as("staff-ku", port).get("/api/v1/documents/" + id);
    assertThat(staff.status()).as(staff.body()).isEqualTo(200);
    assertThat(staff.json().get("documentId").asText()).isEqualTo(id);
    assertThat(Http.as("supervisor-ku", port).get("/api/v1/documents/" + id).status()).isEqualTo(200);
    assertThat(Http.as("staff-shi", port).get("/api/v1/documents/" + id).status()).isEqualTo(404);
    assertThat(Http.as("staff-shi", port).post("/api/v1/documents/" + id + "/recognition?form=invoice",
        "application/json", new byte[0]).status()).isEqualTo(404);
  }

  private static String upload(Http as, String tenant) throws IOException {
    String boundary = "tz-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenantId\"\r\n\r\n" + tenant
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf());
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Http.Response stored = as.post("/api/v1/documents", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    return stored.json().get("documentId").asText();
  }

  private static byte[] pdf() throws IOException {
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
        out.beginText();
        out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
        out.newLineAtOffset(72, 700);
        out.showText("Site plan of a road occupancy");
        out.endText();
      }
      pdf.save(bytes);
      return bytes.toByteArray();
    }
  }
}
