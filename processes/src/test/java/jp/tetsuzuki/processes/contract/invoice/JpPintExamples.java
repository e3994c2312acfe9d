package jp.tetsuzuki.processes.contract.invoice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The specification's own example invoices (shared/data/jp-pint/, copied to src/test/resources/contract/jp-pint with
 * their NOTICE: PINT Japan billing 1.1.3 examples as kept by phax/phive-rules, Apache License 2.0).
 */
final class JpPintExamples {

  static final String EXAMPLE = "Example.xml";
  static final String ALLOWANCE_CHARGE = "Example5-AllowanceCharge.xml";
  static final String CORRECTED = "Example6-CorrInv.xml";

  private JpPintExamples() {}

  static byte[] bytes(String name) {
    try (InputStream in = JpPintExamples.class.getResourceAsStream("/contract/jp-pint/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static EInvoice parse(String name) {
    try {
      return new JpPintInvoiceParser().parse(bytes(name));
    } catch (InvoiceParseException e) {
      throw new AssertionError(name + " did not parse: " + e.getMessage(), e);
    }
  }

  /** An example with a replacement applied (exactly once: the test fails if the text is not there). */
  static byte[] edited(String name, String from, String to) {
    String text = text(name);
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("'" + from + "' is not in " + name + " exactly once");
    }
    return (text.substring(0, at) + to + text.substring(at + from.length())).getBytes(StandardCharsets.UTF_8);
  }
}
