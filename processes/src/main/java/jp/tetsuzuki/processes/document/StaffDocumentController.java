package jp.tetsuzuki.processes.document;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.imageio.ImageIO;
import jp.tetsuzuki.processes.access.Role;
import jp.tetsuzuki.workers.documents.StoredDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff document view: a task form (Tasklist) shows the scan its task names, with the staff member's webapp
 * session (Camunda's login cookie; no Basic credentials, no engine grant on the case):
 * {@code GET /camunda/api/tetsuzuki/tasks/{taskId}/documents/{documentId}} (the file, inline) and
 * {@code …/pages/{n}.png} (one page as PNG for a form-js image; PDF pages are rendered). Only for a person who may work
 * that task, for the document that task's case links, in the task's tenant ({@link StaffTaskDocuments}); anything else
 * is 404, without a session 401. At most {@code tetsuzuki.staff-documents.max-size} bytes (413). The answer is
 * {@code inline}, {@code nosniff}, not cached, under a CSP of its own that runs nothing.
 */
@Hidden
@RestController
class StaffDocumentController {

  private static final Logger LOG = LoggerFactory.getLogger(StaffDocumentController.class);
  /** Types shown inline as they are; anything else is never served as its own type. */
  private static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg");
  /** The document itself runs nothing; a PDF viewer and images may show it. */
  static final String CSP = "default-src 'none'; img-src 'self' data: blob:; style-src 'unsafe-inline'; "
      + "object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
  /** Pages are rendered at 110 dpi (an A4 page: about 910 × 1290 pixels), at most this many pixels. */
  private static final float DPI = 110f;
  private static final long MAX_PIXELS = 12_000_000L;
  private static final int MAX_ID = 64;

  private final StaffTaskDocuments documents;
  private final DocumentStore store;
  private final long maxBytes;

  StaffDocumentController(StaffTaskDocuments documents, DocumentStore store,
      @Value("${tetsuzuki.staff-documents.max-size:20MB}") DataSize maxSize) {
    this.documents = documents;
    this.store = store;
    this.maxBytes = maxSize.toBytes();
  }

  @GetMapping(StaffDocumentLinks.PATH + "/{taskId}/documents/{documentId}")
  ResponseEntity<byte[]> content(@PathVariable String taskId, @PathVariable String documentId,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    ownPolicy(response);
    Shown shown = shown(request, taskId, documentId);
    if (shown.answer != null) {
      return shown.answer;
    }
    String type = INLINE.contains(shown.file.mediaType()) ? shown.file.mediaType()
        : MediaType.APPLICATION_OCTET_STREAM_VALUE;
    return ok(type, INLINE.contains(shown.file.mediaType()), shown.file.fileName(), shown.content);
  }

  @GetMapping(StaffDocumentLinks.PATH + "/{taskId}/documents/{documentId}/pages/{page}.png")
  ResponseEntity<byte[]> page(@PathVariable String taskId, @PathVariable String documentId, @PathVariable int page,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    ownPolicy(response);
    Shown shown = shown(request, taskId, documentId);
    if (shown.answer != null) {
      return shown.answer;
    }
    String type = shown.file.mediaType();
    if (("image/png".equals(type) || "image/jpeg".equals(type)) && page == 1) {
      return ok(type, true, null, shown.content);
    }
    byte[] png;
    if ("application/pdf".equals(type)) {
      try (PDDocument pdf = Loader.loadPDF(shown.content)) {
        if (page < 1 || page > pdf.getNumberOfPages()) {
          return problem(HttpStatus.NOT_FOUND, "no page " + page + " (the document has " + pdf.getNumberOfPages()
              + ")", "その頁はありません。");
        }
        if (jp.tetsuzuki.workers.documents.PdfImages.largestImage(pdf.getPage(page - 1))
            > jp.tetsuzuki.workers.documents.PdfImages.MAX_PIXELS) {
          // second review N8: rendering decodes every image at full size (1 GB per view of a 16000 × 16000 JPEG)
          return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the page draws an image too large to show",
              "この頁の画像は大きすぎるため画面に表示できません。原本を開いてください。");
        }
        var box = pdf.getPage(page - 1).getMediaBox();
        float scale = DPI / 72f;
        if ((long) (box.getWidth() * scale) * (long) (box.getHeight() * scale) > MAX_PIXELS) {
          scale = (float) Math.sqrt(MAX_PIXELS / (double) (box.getWidth() * box.getHeight()));
        }
        png = png(new PDFRenderer(pdf).renderImage(page - 1, scale, ImageType.RGB));
      }
    } else if (type.startsWith("image/") && page == 1) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(shown.content));
      if (image == null || (long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the image cannot be shown as PNG",
            "この画像は画面に表示できません。原本を開いてください。");
      }
      png = png(image);
    } else {
      return problem(HttpStatus.NOT_FOUND, "no page " + page, "その頁はありません。");
    }
    return ok(MediaType.IMAGE_PNG_VALUE, true, null, png);
  }

  private record Shown(StoredFile file, byte[] content, ResponseEntity<byte[]> answer) {}

  private Shown shown(HttpServletRequest request, String taskId, String documentId) throws IOException {
    String user = webappUser(request.getSession(false));
    if (user == null) {
      return new Shown(null, null, problem(HttpStatus.UNAUTHORIZED, "log in to the Tasklist first",
          "タスクリストにログインしてください。"));
    }
    if (taskId.length() > MAX_ID || documentId.length() > MAX_ID) {
      return new Shown(null, null, notFound());
    }
    // people only (machine accounts cannot log in to the webapps at the edge; administrators work no tasks)
    StoredFile file = peopleRole(request.getSession(false)) ? documents.visible(user, taskId, documentId).orElse(null)
        : null;
    if (file == null) {
      LOG.info("staff document view refused document {} of task {} to {}", documentId, taskId, user);
      return new Shown(null, null, notFound());
    }
    if (file.size() > maxBytes) {
      return new Shown(null, null, problem(HttpStatus.PAYLOAD_TOO_LARGE, "document " + documentId + " has "
          + file.size() + " bytes, more than the " + maxBytes + " shown here", "文書が大きすぎて表示できません。"));
    }
    byte[] content;
    try (StoredDocument stored = store.open(documentId).orElse(null)) {
      if (stored == null) {
        return new Shown(null, null, notFound());
      }
      content = stored.content().readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
    }
    LOG.info("staff document view: document {} of task {} shown to {}", documentId, taskId, user);
    return new Shown(file, content, null);
  }

  /** The person logged in to the webapps (any app) of the default engine. */
  static String webappUser(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    var authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine("default");
    if (!(authentication instanceof UserAuthentication user)) {
      return null;
    }
    return user.getName();
  }

  private static boolean peopleRole(HttpSession session) {
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications != null && authentications.getAuthenticationForProcessEngine("default")
        instanceof UserAuthentication user && Role.of(user.getGroupIds()).stream().anyMatch(Role.PEOPLE::contains);
  }

  private static ResponseEntity<byte[]> ok(String type, boolean inline, String fileName, byte[] body) {
    ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(fileName == null || fileName.isBlank() ? "document" : fileName, StandardCharsets.UTF_8).build();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).contentLength(body.length)
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Cross-Origin-Resource-Policy", "same-origin")
        .body(body);
  }

  /**
   * The webapps' header filter already set Camunda's page policy (scripts with a nonce, plugins off): a document is
   * not a page, it gets its own policy instead (replaced, not added: two policies would both apply).
   */
  private static void ownPolicy(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CSP);
  }

  private static ResponseEntity<byte[]> notFound() {
    return problem(HttpStatus.NOT_FOUND, "no such document for this task", "この文書は表示できません。");
  }

  private static ResponseEntity<byte[]> problem(HttpStatus status, String message, String messageJa) {
    String json = "{\"status\":" + status.value() + ",\"message\":\"" + message.replace("\"", "'")
        + "\",\"messageJa\":\"" + messageJa + "\"}";
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .header("X-Content-Type-Options", "nosniff").cacheControl(CacheControl.noStore())
        .body(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
