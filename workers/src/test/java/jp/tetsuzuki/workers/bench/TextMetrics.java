package jp.tetsuzuki.workers.bench;

import java.text.Normalizer;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Character accuracy = 1 − CER, CER = edit distance / length of the truth, after NFKC and without white space. */
public final class TextMetrics {

  private TextMetrics() {}

  public static String normalize(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
  }

  /** Edit distance between the normalized texts, and the normalized truth length. */
  public static int[] distance(String truth, String recognised) {
    String t = normalize(truth);
    String r = normalize(recognised);
    return new int[] {LevenshteinDistance.getDefaultInstance().apply(t, r), t.length()};
  }
}
