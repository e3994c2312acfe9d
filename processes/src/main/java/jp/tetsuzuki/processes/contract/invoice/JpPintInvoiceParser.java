package jp.tetsuzuki.processes.contract.invoice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.AllowanceCharge;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.Amount;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.Line;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.MonetaryTotals;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.Party;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.Period;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.TaxCategory;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.TaxSubtotal;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.TaxTotal;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a JP PINT UBL 2.1 {@code Invoice} (shared/domain/contract-payment.md, "E-invoices") into an {@link EInvoice}.
 *
 * <p>Secure by construction: the JDK's own parser (never one found on the class path), secure processing on, any
 * DOCTYPE refused (so no DTD, no internal or external entities), external DTDs and schemas not accessible, XInclude
 * off, entity references not expanded, at most {@value #MAX_DEPTH} levels of elements, and the file at most the size
 * given to the constructor (read in full before parsing, so an oversized stream is refused without being parsed).
 * A file that cannot be read in full is refused with an {@link InvoiceParseException} naming the problem; no partial
 * result is ever returned.
 *
 * <p>Thread-safe: a new {@link DocumentBuilder} per call.
 */
public final class JpPintInvoiceParser {

  /** The default size limit: 5 MiB, far above the examples (30 KB) and any invoice without attachments. */
  public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
  /** Deepest element nesting accepted; UBL invoices nest about ten levels. */
  public static final int MAX_DEPTH = 64;
  /** Most invoice lines accepted. */
  public static final int MAX_LINES = 9_999;

  static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
  static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
  static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

  private static final String JAXP = "http://www.oracle.com/xml/jaxp/properties/";
  // yen amounts and percentages: at most 15 integer digits and 4 decimals, so nothing can be huge
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,4})?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private final int maxBytes;

  /** A parser with the {@link #DEFAULT_MAX_BYTES} limit. */
  public JpPintInvoiceParser() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * @param maxBytes the largest file accepted, 1..{@value #DEFAULT_MAX_BYTES} × 4
   */
  public JpPintInvoiceParser(int maxBytes) {
    if (maxBytes < 1 || maxBytes > 4 * DEFAULT_MAX_BYTES) {
      throw new IllegalArgumentException("maxBytes must be 1.." + 4 * DEFAULT_MAX_BYTES);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * Reads at most the limit plus one byte of the stream, then parses it. The stream is not closed.
   *
   * @throws InvoiceParseException if the file is empty, too large, not well-formed, has a DOCTYPE, exceeds a limit,
   *                               is not a UBL Invoice, or an element the model needs is missing or malformed
   * @throws IOException           if reading the stream fails
   */
  public EInvoice parse(InputStream in) throws InvoiceParseException, IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new InvoiceParseException(InvoiceParseException.Reason.TOO_LARGE, "file",
          "the invoice is larger than " + maxBytes + " bytes",
          "請求書ファイルが大きすぎます（上限 " + maxBytes + " バイト）。");
    }
    return parse(bytes);
  }

  /**
   * @throws InvoiceParseException as {@link #parse(InputStream)}
   */
  public EInvoice parse(byte[] bytes) throws InvoiceParseException {
    if (bytes == null || bytes.length == 0) {
      throw new InvoiceParseException(InvoiceParseException.Reason.EMPTY, "file", "the invoice file is empty",
          "請求書ファイルが空です。");
    }
    if (bytes.length > maxBytes) {
      throw new InvoiceParseException(InvoiceParseException.Reason.TOO_LARGE, "file",
          "the invoice is larger than " + maxBytes + " bytes",
          "請求書ファイルが大きすぎます（上限 " + maxBytes + " バイト）。");
    }
    Document document = read(bytes);
    Element root = document.getDocumentElement();
    if (!INVOICE_NS.equals(root.getNamespaceURI()) || !"Invoice".equals(root.getLocalName())) {
      throw new InvoiceParseException(InvoiceParseException.Reason.NOT_AN_INVOICE, "Invoice",
          "the root element is not a UBL 2.1 Invoice ({" + INVOICE_NS + "}Invoice)",
          "UBL 2.1 の請求書（Invoice）ではありません。");
    }
    return invoice(root);
  }

  private Document read(byte[] bytes) throws InvoiceParseException {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler() {
        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entities are not resolved");
      });
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (SAXParseException e) {
      throw refused(e);
    } catch (SAXException e) {
      throw new InvoiceParseException(InvoiceParseException.Reason.MALFORMED, "file",
          "the invoice is not well-formed XML: " + e.getMessage(), "請求書ファイルが正しい XML ではありません。");
    } catch (IOException | ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser could not be set up", e);
    }
  }

  private static InvoiceParseException refused(SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    String where = " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
    if (message.contains("DOCTYPE")) {
      return new InvoiceParseException(InvoiceParseException.Reason.DOCTYPE_REFUSED, "file",
          "the invoice has a DOCTYPE declaration, which is refused (no DTD, no entities)" + where,
          "請求書ファイルに DOCTYPE 宣言があるため受け付けられません（DTD・実体参照は使用できません）。");
    }
    if (message.contains("JAXP0001") || message.contains("JAXP0002")) {
      return new InvoiceParseException(InvoiceParseException.Reason.LIMIT_EXCEEDED, "file",
          "the invoice exceeds a parser limit: " + message + where,
          "請求書ファイルが処理上限（要素の深さ・数など）を超えています。");
    }
    return new InvoiceParseException(InvoiceParseException.Reason.MALFORMED, "file",
        "the invoice is not well-formed XML: " + message + where,
        "請求書ファイルが正しい XML ではありません（" + e.getLineNumber() + " 行目）。");
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    // newDefaultInstance: the JDK's parser, whose limits and features below are known to apply
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setAttribute(JAXP + "maxElementDepth", Integer.toString(MAX_DEPTH));
    // no DOCTYPE means no entity can be declared; the limits stay small anyway (0 would mean "no limit")
    factory.setAttribute(JAXP + "entityExpansionLimit", "100");
    factory.setAttribute(JAXP + "maxGeneralEntitySizeLimit", "1024");
    factory.setAttribute(JAXP + "totalEntitySizeLimit", "4096");
    factory.setAttribute(JAXP + "elementAttributeLimit", "64");
    return factory;
  }

  private static EInvoice invoice(Element root) throws InvoiceParseException {
    Element supplier = child(root, CAC, "AccountingSupplierParty");
    Element customer = child(root, CAC, "AccountingCustomerParty");
    Element contract = child(root, CAC, "ContractDocumentReference");
    Element delivery = child(root, CAC, "Delivery");
    List<Element> lineElements = children(root, CAC, "InvoiceLine");
    if (lineElements.size() > MAX_LINES) {
      throw new InvoiceParseException(InvoiceParseException.Reason.LIMIT_EXCEEDED, "cac:InvoiceLine",
          "the invoice has more than " + MAX_LINES + " lines", "請求書の明細行が多すぎます（上限 " + MAX_LINES + " 行）。");
    }
    List<Line> lines = new ArrayList<>();
    for (Element line : lineElements) {
      lines.add(line(line, "cac:InvoiceLine[" + (lines.size() + 1) + "]"));
    }
    List<AllowanceCharge> allowanceCharges = new ArrayList<>();
    for (Element ac : children(root, CAC, "AllowanceCharge")) {
      String path = "cac:AllowanceCharge[" + (allowanceCharges.size() + 1) + "]";
      allowanceCharges.add(new AllowanceCharge("true".equals(text(ac, CBC, "ChargeIndicator")),
          amount(ac, "Amount", path), category(child(ac, CAC, "TaxCategory"), path + "/cac:TaxCategory"),
          text(ac, CBC, "AllowanceChargeReason")));
    }
    String currency = text(root, CBC, "DocumentCurrencyCode");
    return new EInvoice(text(root, CBC, "CustomizationID"), text(root, CBC, "ProfileID"),
        required(root, CBC, "ID", "cbc:ID"), requiredDate(root, "IssueDate", "cbc:IssueDate"),
        text(root, CBC, "InvoiceTypeCode"), currency, date(root, "TaxPointDate", "cbc:TaxPointDate"),
        delivery == null ? null : date(delivery, "ActualDeliveryDate", "cac:Delivery/cbc:ActualDeliveryDate"),
        period(child(root, CAC, "InvoicePeriod"), "cac:InvoicePeriod"),
        contract == null ? null : text(contract, CBC, "ID"),
        party(supplier == null ? null : child(supplier, CAC, "Party")),
        party(customer == null ? null : child(customer, CAC, "Party")), lines, allowanceCharges,
        taxTotal(root, currency), totals(child(root, CAC, "LegalMonetaryTotal")));
  }

  private static Line line(Element line, String path) throws InvoiceParseException {
    Element item = child(line, CAC, "Item");
    return new Line(text(line, CBC, "ID"), item == null ? null : text(item, CBC, "Name"),
        amount(line, "LineExtensionAmount", path),
        item == null ? null : category(child(item, CAC, "ClassifiedTaxCategory"),
            path + "/cac:Item/cac:ClassifiedTaxCategory"),
        period(child(line, CAC, "InvoicePeriod"), path + "/cac:InvoicePeriod"));
  }

  private static Party party(Element party) {
    if (party == null) {
      return null;
    }
    String taxId = null;
    String taxIdScheme = null;
    for (Element scheme : children(party, CAC, "PartyTaxScheme")) {
      Element taxScheme = child(scheme, CAC, "TaxScheme");
      if (taxScheme != null && "VAT".equals(text(taxScheme, CBC, "ID"))) {
        Element companyId = child(scheme, CBC, "CompanyID");
        if (companyId != null) {
          taxId = bounded(companyId.getTextContent());
          taxIdScheme = attribute(companyId, "schemeID");
        }
        break;
      }
    }
    Element legal = child(party, CAC, "PartyLegalEntity");
    Element legalId = legal == null ? null : child(legal, CBC, "CompanyID");
    Element endpoint = child(party, CBC, "EndpointID");
    Element partyName = child(party, CAC, "PartyName");
    return new Party(legal == null ? null : text(legal, CBC, "RegistrationName"),
        partyName == null ? null : text(partyName, CBC, "Name"), taxId, taxIdScheme,
        legalId == null ? null : bounded(legalId.getTextContent()), legalId == null ? null : attribute(legalId, "schemeID"),
        endpoint == null ? null : bounded(endpoint.getTextContent()),
        endpoint == null ? null : attribute(endpoint, "schemeID"));
  }

  /** The TaxTotal in the document currency (JP PINT may add a second one in the tax currency). */
  private static TaxTotal taxTotal(Element root, String currency) throws InvoiceParseException {
    List<Element> totals = children(root, CAC, "TaxTotal");
    for (int i = 0; i < totals.size(); i++) {
      Element total = totals.get(i);
      String path = "cac:TaxTotal[" + (i + 1) + "]";
      Amount tax = amount(total, "TaxAmount", path);
      if (totals.size() > 1 && tax != null && currency != null && !currency.equals(tax.currency())) {
        continue;
      }
      List<TaxSubtotal> subtotals = new ArrayList<>();
      for (Element sub : children(total, CAC, "TaxSubtotal")) {
        String subPath = path + "/cac:TaxSubtotal[" + (subtotals.size() + 1) + "]";
        subtotals.add(new TaxSubtotal(amount(sub, "TaxableAmount", subPath), amount(sub, "TaxAmount", subPath),
            category(child(sub, CAC, "TaxCategory"), subPath + "/cac:TaxCategory")));
      }
      return new TaxTotal(tax, subtotals);
    }
    return null;
  }

  private static MonetaryTotals totals(Element totals) throws InvoiceParseException {
    if (totals == null) {
      return null;
    }
    String p = "cac:LegalMonetaryTotal";
    return new MonetaryTotals(amount(totals, "LineExtensionAmount", p), amount(totals, "TaxExclusiveAmount", p),
        amount(totals, "TaxInclusiveAmount", p), amount(totals, "AllowanceTotalAmount", p),
        amount(totals, "ChargeTotalAmount", p), amount(totals, "PrepaidAmount", p),
        amount(totals, "PayableRoundingAmount", p), amount(totals, "PayableAmount", p));
  }

  private static TaxCategory category(Element category, String path) throws InvoiceParseException {
    if (category == null) {
      return null;
    }
    String percent = text(category, CBC, "Percent");
    return new TaxCategory(text(category, CBC, "ID"),
        percent == null ? null : decimal(percent, path + "/cbc:Percent"));
  }

  private static Period period(Element period, String path) throws InvoiceParseException {
    if (period == null) {
      return null;
    }
    return new Period(date(period, "StartDate", path + "/cbc:StartDate"),
        date(period, "EndDate", path + "/cbc:EndDate"));
  }

  private static Amount amount(Element parent, String localName, String parentPath) throws InvoiceParseException {
    Element element = child(parent, CBC, localName);
    if (element == null) {
      return null;
    }
    String path = parentPath + "/cbc:" + localName;
    return new Amount(decimal(element.getTextContent().strip(), path), attribute(element, "currencyID"));
  }

  private static BigDecimal decimal(String value, String path) throws InvoiceParseException {
    if (!DECIMAL.matcher(value).matches()) {
      throw new InvoiceParseException(InvoiceParseException.Reason.BAD_VALUE, path,
          path + " is not a decimal number of at most 15 digits and 4 decimals",
          path + " の値が数値として読めません。");
    }
    return new BigDecimal(value);
  }

  private static LocalDate requiredDate(Element parent, String localName, String path)
      throws InvoiceParseException {
    LocalDate date = date(parent, localName, path);
    if (date == null) {
      throw missing(path);
    }
    return date;
  }

  private static LocalDate date(Element parent, String localName, String path) throws InvoiceParseException {
    String value = text(parent, CBC, localName);
    if (value == null) {
      return null;
    }
    try {
      if (DATE.matcher(value).matches()) {
        return LocalDate.parse(value);
      }
    } catch (DateTimeParseException e) {
      // falls through to the refusal below
    }
    throw new InvoiceParseException(InvoiceParseException.Reason.BAD_VALUE, path,
        path + " is not a date YYYY-MM-DD", path + " の日付が YYYY-MM-DD 形式ではありません。");
  }

  private static String required(Element parent, String ns, String localName, String path)
      throws InvoiceParseException {
    String value = text(parent, ns, localName);
    if (value == null) {
      throw missing(path);
    }
    return value;
  }

  private static InvoiceParseException missing(String path) {
    return new InvoiceParseException(InvoiceParseException.Reason.MISSING_ELEMENT, path,
        "the invoice has no " + path, "請求書に " + path + " がありません。");
  }

  /** The stripped text of the first child element, null when absent or blank. */
  private static String text(Element parent, String ns, String localName) {
    Element element = child(parent, ns, localName);
    if (element == null) {
      return null;
    }
    return bounded(element.getTextContent());
  }

  // the size limit bounds every text; nothing is cut
  private static String bounded(String text) {
    String value = text.strip();
    return value.isEmpty() ? null : value;
  }

  private static String attribute(Element element, String name) {
    String value = element.getAttribute(name);
    return value.isEmpty() ? null : value;
  }

  private static Element child(Element parent, String ns, String localName) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String ns, String localName) {
    List<Element> result = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        result.add(e);
      }
    }
    return result;
  }
}
