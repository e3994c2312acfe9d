package jp.tetsuzuki.workers.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Safe intake of an uploaded document: the type is detected from the content (never the name or the declared type),
 * checked against the allow-list of its use, bounded in size, pages, pixels and inflated size, checked for encryption,
 * macros, archives and polyglots, and then its text and metadata are extracted with a time and an output limit.
 * Plain Java; thread-safe.
 */
public class DocumentInspector {

  private static final Logger log = LoggerFactory.getLogger(DocumentInspector.class);

  private static final MediaType ZIP = MediaType.application("zip");
  private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
  private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");
  private static final String OOXML_PROTECTED = "application/x-tika-ooxml-protected";
  private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-7z-compressed",
      "application/x-rar-compressed", "application/vnd.rar", "application/x-tar", "application/gzip",
      "application/x-gzip", "application/x-bzip2", "application/x-bzip", "application/x-xz", "application/zstd",
      "application/x-lzma", "application/x-compress", "application/java-archive", "application/x-archive",
      "application/x-cpio", "application/x-iso9660-image", "application/vnd.ms-cab-compressed",
      "application/x-apple-diskimage", "application/x-lzip", "application/x-lz4", "application/x-gtar");
  private static final Set<String> UBL_ROOTS = Set.of(
      "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
      "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2");
  private static final int MAX_METADATA_VALUE = 500;
  private static final int MAX_METADATA_ENTRIES = 200;

  private final InspectionLimits limits;
  private final TikaConfig tika;
  private final Parser parser;
  private final MediaTypeRegistry registry;
  private final InflationGuard inflation;
  private final ExecutorService parsing = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "document-parse");
    thread.setDaemon(true); // a parse that ignores interruption must not keep the JVM alive
    return thread;
  });

  public DocumentInspector() {
    this(InspectionLimits.defaults());
  }

  public DocumentInspector(InspectionLimits limits) {
    this.limits = limits;
    try (InputStream config = DocumentInspector.class.getResourceAsStream("tika-config.xml")) {
      this.tika = new TikaConfig(config);
    } catch (IOException | TikaException | SAXException e) {
      throw new IllegalStateException("Tika configuration tika-config.xml is unreadable", e);
    }
    this.parser = new AutoDetectParser(tika);
    this.registry = tika.getMediaTypeRegistry();
    this.inflation = new InflationGuard(limits);
  }

  /** The parser Tika would use; exposed so a test can prove no OCR parser is in it. */
  Parser parser() {
    return parser;
  }

  /**
   * Inspects a document for a use.
   *
   * @throws DocumentRefusedException the document is not acceptable (reason for the applicant inside)
   * @throws IOException the document could not be read from its source (a technical fault)
   */
  public Inspection inspect(InputStream content, DocumentUse use) throws DocumentRefusedException, IOException {
    Path file = Files.createTempFile("tetsuzuki-inspect-", ".bin");
    try {
      long size = spool(content, file);
      try {
        return inspect(file, size, use);
      } catch (IOException e) {
        // the bytes are on our disk now: a structure the libraries cannot read is the document's fault
        throw new DocumentRefusedException(RefusalReason.CORRUPT, "unreadable structure: " + e.getMessage());
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private Inspection inspect(Path file, long size, DocumentUse use) throws DocumentRefusedException, IOException {
    if (size == 0) {
      throw new DocumentRefusedException(RefusalReason.EMPTY, null);
    }
    MediaType detected = detect(file);
    String type = detected.getBaseType().toString();
    log.debug("document detected as {} ({} bytes) for {}", type, size, use);

    if (isArchive(detected)) {
      throw new DocumentRefusedException(RefusalReason.ARCHIVE, type);
    }
    if (type.equals(OOXML_PROTECTED)) {
      throw new DocumentRefusedException(RefusalReason.ENCRYPTED, "encrypted OOXML");
    }
    if (type.contains("macroenabled")) {
      throw new DocumentRefusedException(RefusalReason.MACRO, type);
    }
    boolean zipBasedOffice = registry.isSpecializationOf(detected, ZIP);
    if (!zipBasedOffice) {
      var second = PolyglotCheck.secondFormat(file, type);
      if (second.isPresent()) {
        throw new DocumentRefusedException(RefusalReason.POLYGLOT, type + " that is also " + second.get());
      }
    }
    if (zipBasedOffice) {
      OfficeCheck.checkZipBased(file);
    } else if (registry.isSpecializationOf(detected, OLE2) || detected.equals(OLE2)) {
      OfficeCheck.checkOle2(file);
    }
    if (!use.allows(type)) {
      throw new DocumentRefusedException(RefusalReason.TYPE_NOT_ALLOWED, type + " not allowed for " + use,
          describe(type), use.allowedJa());
    }

    int pages = 1;
    if (type.equals(DocumentUse.Media.PDF)) {
      inflation.checkPdf(file);
      pages = PdfCheck.check(file, limits.maxPages());
    } else if (zipBasedOffice) {
      inflation.checkZip(file);
    } else if (type.startsWith("image/")) {
      pages = checkImage(file);
    } else if (type.equals(DocumentUse.Media.XML)) {
      checkUbl(file);
    }
    return parse(file, size, type, pages);
  }

  private long spool(InputStream content, Path file) throws IOException, DocumentRefusedException {
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int n; (n = content.read(buffer)) > 0; ) {
        size += n;
        if (size > limits.maxBytes()) {
          throw new DocumentRefusedException(RefusalReason.TOO_LARGE, "more than " + limits.maxBytes() + " bytes",
              (limits.maxBytes() >> 20) + " MB");
        }
        out.write(buffer, 0, n);
      }
    }
    return size;
  }

  private MediaType detect(Path file) throws IOException {
    // no resource name in the metadata: the detector must decide from the bytes alone
    try (TikaInputStream in = TikaInputStream.get(file)) {
      return tika.getDetector().detect(in, new Metadata());
    }
  }

  private boolean isArchive(MediaType type) {
    if (ARCHIVES.contains(type.getBaseType().toString())) {
      return true;
    }
    // ZIP-based formats other than office documents (EPUB, APK, JAR variants…) are archives to us
    return registry.isSpecializationOf(type, ZIP) && !registry.isSpecializationOf(type, OOXML)
        && !type.getSubtype().startsWith("vnd.oasis.opendocument");
  }

  private int checkImage(Path file) throws IOException, DocumentRefusedException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new DocumentRefusedException(RefusalReason.CORRUPT, "no image reader");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, false, true);
        int pages = reader.getNumImages(true);
        if (pages > limits.maxPages()) {
          throw new DocumentRefusedException(RefusalReason.TOO_MANY_PAGES, pages + " images", limits.maxPages());
        }
        for (int i = 0; i < pages; i++) {
          // header values only: nothing is decoded yet
          long pixels = (long) reader.getWidth(i) * reader.getHeight(i);
          if (pixels > limits.maxPixels()) {
            throw new DocumentRefusedException(RefusalReason.TOO_LARGE, reader.getWidth(i) + "x"
                + reader.getHeight(i) + " pixels", (limits.maxPixels() / 1_000_000) + " メガピクセル");
          }
        }
        return Math.max(1, pages);
      } catch (IOException | RuntimeException e) {
        throw new DocumentRefusedException(RefusalReason.CORRUPT, "image header: " + e);
      } finally {
        reader.dispose();
      }
    }
  }

  private static void checkUbl(Path file) throws IOException, DocumentRefusedException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          int event = xml.next();
          if (event == XMLStreamConstants.DTD) {
            throw new DocumentRefusedException(RefusalReason.UNSAFE_XML, "XML with a DOCTYPE");
          }
          if (event == XMLStreamConstants.START_ELEMENT) {
            String namespace = xml.getNamespaceURI();
            if (namespace == null || !UBL_ROOTS.contains(namespace)) {
              throw new DocumentRefusedException(RefusalReason.TYPE_NOT_ALLOWED, "XML root {"
                  + xml.getNamespaceURI() + "}" + xml.getLocalName(), "UBL 以外の XML", "電子インボイス（UBL XML）");
            }
            return;
          }
        }
        throw new DocumentRefusedException(RefusalReason.CORRUPT, "XML without a root element");
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new DocumentRefusedException(RefusalReason.CORRUPT, "XML: " + e.getMessage());
    }
  }

  private Inspection parse(Path file, long size, String type, int pages)
      throws DocumentRefusedException, IOException {
    TikaInputStream in = TikaInputStream.get(file);
    StringWriter text = new StringWriter();
    WriteOutContentHandler limited = new WriteOutContentHandler(text, limits.maxTextChars());
    SecureContentHandler secure = new SecureContentHandler(new BodyContentHandler(limited), in);
    secure.setMaximumDepth(200);
    secure.setMaximumPackageEntryDepth(3);
    Metadata metadata = new Metadata();
    ParseContext context = new ParseContext();
    TesseractOCRConfig noOcr = new TesseractOCRConfig();
    noOcr.setSkipOcr(true);
    context.set(TesseractOCRConfig.class, noOcr);
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdf.setExtractInlineImages(false);
    context.set(PDFParserConfig.class, pdf);

    Future<Boolean> job = parsing.submit(() -> {
      try {
        parser.parse(in, secure, metadata, context);
        return false;
      } catch (SAXException e) {
        if (WriteLimitReachedException.isWriteLimitReached(e)) {
          return true; // enough text for search and checks; the document itself is fine
        }
        secure.throwIfCauseOf(e);
        throw e;
      }
    });
    try {
      boolean truncated = job.get(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return new Inspection(type, size, pages, text.toString().strip(), truncated, selected(metadata));
    } catch (TimeoutException e) {
      job.cancel(true);
      throw new DocumentRefusedException(RefusalReason.PARSE_TIMEOUT, "after " + limits.parseTimeout());
    } catch (InterruptedException e) {
      job.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof EncryptedDocumentException) {
        throw new DocumentRefusedException(RefusalReason.ENCRYPTED, cause.getMessage());
      }
      if (cause instanceof TikaException && String.valueOf(cause.getMessage()).contains("bomb")) {
        throw new DocumentRefusedException(RefusalReason.DECOMPRESSION_BOMB, cause.getMessage());
      }
      if (cause instanceof TikaException || cause instanceof SAXException) {
        throw new DocumentRefusedException(RefusalReason.CORRUPT, String.valueOf(cause.getMessage()));
      }
      throw new IOException("parsing failed", cause);
    } finally {
      // closing under a runaway parse makes its next read fail, so the thread ends soon after the timeout
      in.close();
    }
  }

  private static Map<String, String> selected(Metadata metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : metadata.names()) {
      if (out.size() >= MAX_METADATA_ENTRIES) {
        break;
      }
      String value = String.join("; ", metadata.getValues(name));
      out.put(name, value.length() > MAX_METADATA_VALUE ? value.substring(0, MAX_METADATA_VALUE) : value);
    }
    return out;
  }

  private static String describe(String type) {
    return switch (type) {
      case "application/msword", DocumentUse.Media.DOCX -> "Word 文書";
      case "application/vnd.ms-excel", DocumentUse.Media.XLSX -> "Excel ファイル";
      case "text/html", "application/xhtml+xml" -> "HTML";
      case "text/plain" -> "テキスト";
      case "image/gif" -> "GIF 画像";
      case "image/bmp" -> "BMP 画像";
      case "image/webp" -> "WebP 画像";
      case "image/heic", "image/heif" -> "HEIC 画像";
      default -> type;
    };
  }
}
