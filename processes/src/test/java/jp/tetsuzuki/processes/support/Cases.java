package jp.tetsuzuki.processes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Requests and files the platform tests of several features send: an application, a document, small models. */
public final class Cases {

  public static final String ROAD = "road-occupancy-permit";

  private Cases() {}

  /** A road-occupancy application of デモ区 as an outside system sends it. */
  public static Map<String, Object> roadApplication(List<Map<String, String>> documents) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("procedureCode", ROAD);
    body.put("tenantId", "demo-ku");
    body.put("applicant", Map.of("name", "デモ建設株式会社", "email", "info@example.invalid", "address",
        "東京都デモ区1-1"));
    // the last four are what the road register (legacy system) needs after a grant
    body.put("data", Map.of("roadName", "区道1号", "occupancyFrom", "2027-01-04", "occupancyTo", "2027-03-31",
        "occupancyArea", 12.5, "applicantNameKana", "デモケンセツカブシキガイシャ", "representativeBirthDate",
        "1970-04-01", "postalCode", "100-0001", "occupancyFee", 3200));
    body.put("documents", documents);
    return body;
  }

  /** Uploads a file as {@code as} and returns its document id. */
  public static String upload(Http as, String tenant, byte[] pdf) {
    String boundary = "tz-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenantId\"\r\n\r\n" + tenant + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Http.Response stored = as.post("/api/v1/documents", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    return stored.json().get("documentId").asText();
  }

  public static byte[] pdf(String text) {
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
        out.beginText();
        out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
        out.newLineAtOffset(72, 700);
        out.showText("Tetsuzuki test document: " + text);
        out.endText();
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      pdf.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deploys one BPMN file as {@code h}, for a tenant or shared ({@code tenant} null). */
  public static Http.Response deploy(Http h, String tenant, String bpmn) {
    String boundary = "tz-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder();
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n")
        .append("matrix\r\n");
    if (tenant != null) {
      head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"tenant-id\"\r\n\r\n")
          .append(tenant).append("\r\n");
    }
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"data\"; ")
        .append("filename=\"matrix.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bpmn.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return h.post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
  }

  /** A model any designer may deploy: start, end, nothing else. */
  public static String harmlessProcess() {
    return process("matrix-", "");
  }

  /** A model with a script task: code execution on the engine, for administrators only. */
  public static String scriptProcess() {
    return process("matrix-script-", """
        <bpmn:scriptTask id="Task_Script" scriptFormat="javascript">
          <bpmn:script>execution.setVariable("ran", true)</bpmn:script>
        </bpmn:scriptTask>""");
  }

  /** start → (the given element, if any, with id Task_Script) → end, under a new key. */
  private static String process(String keyPrefix, String element) {
    String key = keyPrefix + UUID.randomUUID().toString().substring(0, 8);
    String flows = element.isEmpty()
        ? "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"Event_Start\" targetRef=\"Event_End\"/>"
        : "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"Event_Start\" targetRef=\"Task_Script\"/>\n" + element
            + "\n<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_Script\" targetRef=\"Event_End\"/>";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test"
            targetNamespace="http://tetsuzuki.jp/test">
          <bpmn:process id="%s" name="権限確認" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="Event_Start"/>
            %s
            <bpmn:endEvent id="Event_End"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, flows);
  }
}
