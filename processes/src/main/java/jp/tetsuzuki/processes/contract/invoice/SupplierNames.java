package jp.tetsuzuki.processes.contract.invoice;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a supplier's name as an invoice and a contract spell it: NFKC (full-width letters and digits, ㈱), no
 * spaces of any width, Latin letters in upper case, and the abbreviated company forms ((株), (有), (合), (資), (名))
 * written out. "株式会社 〇〇商事", "㈱〇〇商事" and "(株)〇〇商事" are the same name; "〇〇商事" alone is not.
 */
final class SupplierNames {

  private static final Map<String, String> FORMS = Map.of("(株)", "株式会社", "(有)", "有限会社", "(合)", "合同会社",
      "(資)", "合資会社", "(名)", "合名会社");

  private SupplierNames() {}

  static String normalize(String name) {
    String text = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "")
        .toUpperCase(Locale.ROOT);
    for (Map.Entry<String, String> form : FORMS.entrySet()) {
      text = text.replace(form.getKey(), form.getValue());
    }
    return text;
  }

  static boolean same(String a, String b) {
    return a != null && b != null && normalize(a).equals(normalize(b));
  }
}
