package jp.tetsuzuki.processes.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.tetsuzuki.workers.documents.DocumentInspector;
import jp.tetsuzuki.workers.documents.DocumentRefusedException;
import jp.tetsuzuki.workers.documents.DocumentUse;
import jp.tetsuzuki.workers.documents.Inspection;
import jp.tetsuzuki.workers.documents.StoredDocument;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The platform's document store ({@code tz_document}): files are inspected (type detected from the content by Tika,
 * limits, refusals) before they are kept, with their SHA-256. Workers never read it directly: they get a document
 * through the worker endpoint ({@link WorkerDocumentController}) while they hold a task that names it.
 */
public class DocumentStore {

  private static final RowMapper<StoredFile> FILE = (rs, i) -> new StoredFile(rs.getString("id"),
      rs.getString("tenant_id"), rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
      rs.getString("sha256"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());

  private final JdbcTemplate jdbc;
  private final DocumentInspector inspector;
  private final Clock clock;

  public DocumentStore(JdbcTemplate jdbc, DocumentInspector inspector, Clock clock) {
    this.jdbc = jdbc;
    this.inspector = inspector;
    this.clock = clock;
  }

  /**
   * Inspects and stores a file.
   *
   * @throws DocumentRefusedException the file is not acceptable for the use (reason inside, in Japanese too)
   * @throws IOException the file could not be read
   */
  public StoredFile store(String tenantId, String user, String fileName, byte[] content, DocumentUse use)
      throws DocumentRefusedException, IOException {
    Inspection inspection = inspector.inspect(new ByteArrayInputStream(content), use);
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    String sha256 = sha256(content);
    String name = fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
    jdbc.update("INSERT INTO tz_document (id, tenant_id, file_name, media_type, size_bytes, sha256, content, "
        + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, tenantId, name, inspection.mediaType(),
        (long) content.length, sha256, content, user, Timestamp.from(now));
    return new StoredFile(id, tenantId, name, inspection.mediaType(), content.length, sha256, user, now);
  }

  public Optional<StoredFile> find(String id) {
    List<StoredFile> found = jdbc.query("SELECT id, tenant_id, file_name, media_type, size_bytes, sha256, "
        + "created_by, created_at FROM tz_document WHERE id = ?", FILE, id);
    return found.stream().findFirst();
  }

  /** The content of a document (platform-side readers: synchronous recognition, the worker endpoint). */
  public Optional<StoredDocument> open(String documentId) {
    List<StoredDocument> found = jdbc.query("SELECT id, media_type, size_bytes, content FROM tz_document WHERE id = ?",
        (rs, i) -> new StoredDocument(rs.getString(1), rs.getString(2), rs.getLong(3),
            new ByteArrayInputStream(rs.getBytes(4))), documentId);
    return found.stream().findFirst();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
