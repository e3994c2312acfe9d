package jp.tetsuzuki.processes.contract.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.TaxCategory;
import jp.tetsuzuki.processes.contract.invoice.InvoiceParseException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JP PINT reader (shared/domain/contract-payment.md, "E-invoices": T-number in PartyTaxScheme/CompanyID, tax per
 * category and rate, totals, contract reference; "parse with … secure processing on, DOCTYPE refused, size
 * limited").
 */
class JpPintInvoiceParserTest {

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String INVOICE_OPEN = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
      + " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
      + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">";

  @ParameterizedTest
  @ValueSource(strings = {JpPintExamples.EXAMPLE, JpPintExamples.ALLOWANCE_CHARGE, JpPintExamples.CORRECTED})
  void eachExampleOfTheSpecificationParsesWithWhatValidationNeeds(String name) {
    EInvoice invoice = JpPintExamples.parse(name);

    assertThat(invoice.customizationId()).isEqualTo("urn:peppol:pint:billing-1@jp-1");
    assertThat(invoice.profileId()).isEqualTo("urn:peppol:bis:billing");
    assertThat(invoice.id()).isEqualTo("156");
    assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2023, 10, 24));
    assertThat(invoice.typeCode()).isEqualTo("380");
    assertThat(invoice.currency()).isEqualTo("JPY");
    assertThat(invoice.invoicePeriod()).isEqualTo(new EInvoice.Period(LocalDate.of(2023, 10, 18),
        LocalDate.of(2023, 10, 18)));
    assertThat(invoice.seller().registrationName()).isEqualTo("株式会社 〇〇商事");
    assertThat(invoice.seller().taxId()).isEqualTo("T1234567890123");
    assertThat(invoice.seller().taxIdSchemeId()).isNull();
    assertThat(invoice.seller().corporateNumber()).isEqualTo("1234567890123");
    assertThat(invoice.buyer().name()).isEqualTo("株式会社 〇〇物産");
    assertThat(invoice.lines()).extracting(EInvoice.Line::name)
        .containsExactly("デスクチェア", "コピー用紙（A4）", "検定済教科書(算数)");
    assertThat(invoice.lines()).extracting(l -> l.lineExtension().value())
        .containsExactly(new BigDecimal("250000"), new BigDecimal("2500"), new BigDecimal("3490"));
    assertThat(invoice.lines()).extracting(EInvoice.Line::category).containsExactly(
        new TaxCategory("S", new BigDecimal("10")), new TaxCategory("S", new BigDecimal("10")),
        new TaxCategory("E", new BigDecimal("0")));
    assertThat(invoice.allowanceCharges()).extracting(ac -> ac.charge() + ":" + ac.amount().value())
        .containsExactly("false:179", "true:7679");
    assertThat(invoice.taxTotal().taxAmount()).isEqualTo(new EInvoice.Amount(new BigDecimal("26000"), "JPY"));
    assertThat(invoice.taxTotal().subtotals()).extracting(s -> s.category().code() + "/" + s.category().percent()
        + ":" + s.taxable().value() + ":" + s.tax().value()).containsExactly("S/10:260000:26000", "E/0:3490:0");
    assertThat(invoice.totals().lineExtension().value()).isEqualByComparingTo("255990");
    assertThat(invoice.totals().taxExclusive().value()).isEqualByComparingTo("263490");
    assertThat(invoice.totals().taxInclusive().value()).isEqualByComparingTo("289490");
    assertThat(invoice.totals().payable().value()).isEqualByComparingTo("289490");
    assertThat(invoice.deliveryDate()).isEqualTo(LocalDate.of(2023, 10, 18));
    assertThat(invoice.transactionDate()).isEqualTo(LocalDate.of(2023, 10, 18));
  }

  @Test
  void theContractReferenceIsReadWhereTheExampleHasOne() {
    assertThat(JpPintExamples.parse(JpPintExamples.EXAMPLE).contractReference()).isEqualTo("framework no 1");
    assertThat(JpPintExamples.parse(JpPintExamples.ALLOWANCE_CHARGE).contractReference()).isNull();
  }

  @Test
  void aStreamLargerThanTheLimitIsRefusedBeforeParsing() {
    byte[] example = JpPintExamples.bytes(JpPintExamples.EXAMPLE);
    JpPintInvoiceParser parser = new JpPintInvoiceParser(example.length - 1);

    assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(example)))
        .isInstanceOfSatisfying(InvoiceParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
          assertThat(e.field()).isEqualTo("file");
          assertThat(e.messageJa()).contains("大きすぎます");
        });
  }

  @Test
  void aFileExactlyAtTheLimitParses() throws Exception {
    byte[] example = JpPintExamples.bytes(JpPintExamples.EXAMPLE);
    assertThat(new JpPintInvoiceParser(example.length).parse(new ByteArrayInputStream(example)).id()).isEqualTo("156");
  }

  static Stream<Arguments> refusedFiles(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "SECRET-CONTENT");
    String nested = "<cac:X>".repeat(JpPintInvoiceParser.MAX_DEPTH + 5) + "</cac:X>".repeat(JpPintInvoiceParser.MAX_DEPTH + 5);
    return Stream.of(
        Arguments.of("empty", "", Reason.EMPTY, "file"),
        Arguments.of("not XML", "this is not xml", Reason.MALFORMED, "file"),
        Arguments.of("cut off", HEAD + INVOICE_OPEN + "<cbc:ID>1</cbc:ID>", Reason.MALFORMED, "file"),
        Arguments.of("billion laughs", HEAD + "<!DOCTYPE Invoice [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;"
            + "&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + INVOICE_OPEN
            + "<cbc:ID>&c;</cbc:ID><cbc:IssueDate>2023-10-24</cbc:IssueDate></Invoice>", Reason.DOCTYPE_REFUSED, "file"),
        Arguments.of("external entity", HEAD + "<!DOCTYPE Invoice [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
            + INVOICE_OPEN + "<cbc:ID>&x;</cbc:ID><cbc:IssueDate>2023-10-24</cbc:IssueDate></Invoice>",
            Reason.DOCTYPE_REFUSED, "file"),
        Arguments.of("external DTD", HEAD + "<!DOCTYPE Invoice SYSTEM \"" + secret.toUri() + "\">" + INVOICE_OPEN
            + "<cbc:ID>1</cbc:ID><cbc:IssueDate>2023-10-24</cbc:IssueDate></Invoice>", Reason.DOCTYPE_REFUSED, "file"),
        Arguments.of("too deep", HEAD + INVOICE_OPEN + "<cbc:ID>1</cbc:ID><cbc:IssueDate>2023-10-24</cbc:IssueDate>"
            + nested + "</Invoice>", Reason.LIMIT_EXCEEDED, "file"),
        Arguments.of("credit note", HEAD + "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:"
            + "CreditNote-2\"/>", Reason.NOT_AN_INVOICE, "Invoice"),
        Arguments.of("no namespace", HEAD + "<Invoice><ID>1</ID></Invoice>", Reason.NOT_AN_INVOICE, "Invoice"),
        Arguments.of("no invoice number", HEAD + INVOICE_OPEN + "<cbc:IssueDate>2023-10-24</cbc:IssueDate></Invoice>",
            Reason.MISSING_ELEMENT, "cbc:ID"),
        Arguments.of("no issue date", HEAD + INVOICE_OPEN + "<cbc:ID>1</cbc:ID></Invoice>", Reason.MISSING_ELEMENT,
            "cbc:IssueDate"),
        Arguments.of("Japanese date", HEAD + INVOICE_OPEN + "<cbc:ID>1</cbc:ID><cbc:IssueDate>令和5年10月24日"
            + "</cbc:IssueDate></Invoice>", Reason.BAD_VALUE, "cbc:IssueDate"),
        Arguments.of("impossible date", HEAD + INVOICE_OPEN + "<cbc:ID>1</cbc:ID><cbc:IssueDate>2023-02-30"
            + "</cbc:IssueDate></Invoice>", Reason.BAD_VALUE, "cbc:IssueDate"),
        Arguments.of("amount with exponent", HEAD + INVOICE_OPEN + "<cbc:ID>1</cbc:ID><cbc:IssueDate>2023-10-24"
            + "</cbc:IssueDate><cac:LegalMonetaryTotal><cbc:PayableAmount currencyID=\"JPY\">1E999999999"
            + "</cbc:PayableAmount></cac:LegalMonetaryTotal></Invoice>", Reason.BAD_VALUE,
            "cac:LegalMonetaryTotal/cbc:PayableAmount"),
        Arguments.of("line amount with thousands separator", HEAD + INVOICE_OPEN + "<cbc:ID>1</cbc:ID><cbc:IssueDate>"
            + "2023-10-24</cbc:IssueDate><cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:LineExtensionAmount currencyID=\"JPY\">"
            + "250,000</cbc:LineExtensionAmount></cac:InvoiceLine></Invoice>", Reason.BAD_VALUE,
            "cac:InvoiceLine[1]/cbc:LineExtensionAmount"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void refusedFiles(String label, String xml, Reason reason, String field) {
    assertThatThrownBy(() -> new JpPintInvoiceParser().parse(xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(InvoiceParseException.class, e -> {
          assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.messageJa()).isNotBlank();
          assertThat(e.getMessage()).doesNotContain("SECRET-CONTENT");
        });
  }

  @Test
  void thePredefinedEntitiesStillWork() throws Exception {
    byte[] xml = JpPintExamples.edited(JpPintExamples.EXAMPLE, "<cbc:RegistrationName>株式会社 〇〇商事</cbc:RegistrationName>",
        "<cbc:RegistrationName>A&amp;B &lt;商事&gt;</cbc:RegistrationName>");

    assertThat(new JpPintInvoiceParser().parse(xml).seller().registrationName()).isEqualTo("A&B <商事>");
  }

  @Test
  void anXIncludeIsNotFollowed(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.xml");
    Files.writeString(secret, "<cbc:Note xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:"
        + "CommonBasicComponents-2\">SECRET</cbc:Note>");
    byte[] xml = JpPintExamples.edited(JpPintExamples.EXAMPLE, "<cbc:ID>156</cbc:ID>",
        "<cbc:ID>156</cbc:ID><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + secret.toUri()
            + "\"/>");

    EInvoice invoice = new JpPintInvoiceParser().parse(xml);

    assertThat(invoice.toString()).doesNotContain("SECRET");
  }

  @Test
  void theTaxTotalInTheDocumentCurrencyIsTakenWhenATaxCurrencyTotalFollows() throws Exception {
    byte[] xml = JpPintExamples.edited(JpPintExamples.EXAMPLE, "<cac:LegalMonetaryTotal>",
        "<cac:TaxTotal><cbc:TaxAmount currencyID=\"USD\">180</cbc:TaxAmount></cac:TaxTotal><cac:LegalMonetaryTotal>");

    assertThat(new JpPintInvoiceParser().parse(xml).taxTotal().taxAmount().value()).isEqualByComparingTo("26000");
  }
}
