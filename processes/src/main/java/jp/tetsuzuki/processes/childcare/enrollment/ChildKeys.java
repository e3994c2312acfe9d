package jp.tetsuzuki.processes.childcare.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Who a child is, for the duplicate check of review F10b (domain childcare.md "Allocation round": each child is
 * offered one place, so one child must not enter a round twice): a SHA-256 of the child's name, birth date and one
 * guardian's name, names compared after NFKC with every white space removed and in lower case; one key per guardian,
 * so two applications sharing either guardian match. Only hashes are stored.
 */
public final class ChildKeys {

  private ChildKeys() {}

  /** A name as compared: NFKC (full-width and half-width the same), no white space at all, lower case. */
  static String normalized(String name) {
    return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "")
        .toLowerCase(Locale.ROOT);
  }

  /** The keys of one child: one per named guardian; none when the child has no name. */
  public static List<String> of(ApplicationContent.Child child, List<ApplicationContent.Guardian> guardians) {
    List<String> keys = new ArrayList<>();
    String name = normalized(child.name());
    if (name.isEmpty() || child.birthDate() == null) {
      return keys;
    }
    for (ApplicationContent.Guardian g : guardians) {
      String guardian = g == null ? "" : normalized(g.name());
      if (!guardian.isEmpty()) {
        keys.add(sha256(name + "\n" + child.birthDate() + "\n" + guardian));
      }
    }
    return keys;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
          StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
