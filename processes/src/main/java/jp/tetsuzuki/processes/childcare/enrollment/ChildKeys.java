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
 * guardian's name, names compared after NFKC with white space and invisible characters removed and in lower case;
 * one key per guardian, so two applications sharing either guardian match. Only hashes are stored.
 */
public final class ChildKeys {

  private ChildKeys() {}

  /**
   * What a name loses before it is compared: white space and separators of every kind (U+3000 included), controls
   * (U+0000, tabs, line breaks), format characters (Unicode category Cf: U+200B zero-width space, U+200C/U+200D
   * zero-width (non-)joiners, U+2060 word joiner, U+FEFF, U+00AD soft hyphen, bidi marks, …) and the other invisible
   * code points of Unicode's Default_Ignorable_Code_Point (variation selectors, combining grapheme joiner, Hangul
   * fillers): a name with one of them inserted reads the same to people, so it is the same name (review C2).
   */
  private static final java.util.regex.Pattern IGNORED = java.util.regex.Pattern.compile(
      "[\\s\\p{Z}\\p{Cc}\\p{Cf}\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u3164\\uFE00-\\uFE0F\\uFFA0"
          + "\\x{E0100}-\\x{E01EF}]+");

  /**
   * A name as compared: NFKC (full-width and half-width the same), without white space, controls or invisible
   * characters ({@link #IGNORED}, removed before NFKC as well, so an invisible character cannot keep two characters
   * from composing), lower case.
   */
  static String normalized(String name) {
    if (name == null) {
      return "";
    }
    String visible = IGNORED.matcher(name).replaceAll("");
    return IGNORED.matcher(Normalizer.normalize(visible, Normalizer.Form.NFKC)).replaceAll("")
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
