package jp.tetsuzuki.processes.childcare.round;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The published lottery (抽選番号) of a round: the last tie-breaker that makes the order total (domain file, "Priority
 * and tie-breaks"). One seed per round, drawn once and recorded; an application's place in the draw is the order of
 * SHA-256(seed + ":" + application id), numbered from 1 (lower wins). Anyone holding the seed and the ids can redo
 * the draw. Numbers already given are kept: applications that join on a re-run get the next numbers, in the same
 * seed order among themselves. Plain Java.
 */
public final class Lottery {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Lottery() {}

  /** A new seed: 128 random bits as 32 hex digits. */
  public static String newSeed() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * The numbers of {@code applicationIds}: those in {@code given} keep theirs, the others are numbered after the
   * highest given one in the order of their draw key.
   */
  public static Map<String, Long> draw(String seed, Collection<String> applicationIds, Map<String, Long> given) {
    Map<String, Long> numbers = new LinkedHashMap<>();
    long highest = 0;
    for (Long n : given.values()) {
      highest = Math.max(highest, n);
    }
    TreeMap<String, String> newcomers = new TreeMap<>();
    for (String id : applicationIds) {
      Long n = given.get(id);
      if (n != null) {
        numbers.put(id, n);
      } else {
        newcomers.put(key(seed, id) + ":" + id, id);
      }
    }
    List<String> order = new ArrayList<>(newcomers.values());
    for (String id : order) {
      numbers.put(id, ++highest);
    }
    return numbers;
  }

  /** The draw key of one application: hex SHA-256 of seed, colon, id. */
  static String key(String seed, String applicationId) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest((seed + ":" + applicationId).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
