package jp.tetsuzuki.integrations.nursery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jp.tetsuzuki.integrations.port.NurseryCapacityGateway.Entry;

/**
 * A nursery system's answer to {@code GET {baseUrl}/capacities}: {@code {"capacities":[{"facilityId":…,
 * "admissionMonth":"YYYY-MM","classAge":0..5,"capacity":n}]}}, the same shape as the push endpoint's body. Read
 * here only as far as its shape; the values are checked by the platform's capacity service. Its idempotency key is
 * the SHA-256 of the bytes: the same answer again is the same snapshot.
 */
public record CapacitySnapshot(String key, List<Entry> entries) {

  static final int MAX_ENTRIES = 50_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** @throws IllegalArgumentException when the answer is not that shape (the message says where) */
  public static CapacitySnapshot parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the answer is not JSON: " + e.getClass().getSimpleName());
    }
    JsonNode list = root == null ? null : root.get("capacities");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("the answer has no array 'capacities'");
    }
    if (list.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("the answer has more than " + MAX_ENTRIES + " capacities");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      if (!e.isObject()) {
        throw new IllegalArgumentException("capacities[" + i + "] is not an object");
      }
      entries.add(new Entry(text(e, "facilityId"), text(e, "admissionMonth"), integer(e, "classAge", i),
          integer(e, "capacity", i)));
    }
    return new CapacitySnapshot("pull-" + sha256(body), entries);
  }

  private static String text(JsonNode e, String field) {
    JsonNode v = e.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Integer integer(JsonNode e, String field, int i) {
    JsonNode v = e.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("capacities[" + i + "]." + field + " is not a whole number");
    }
    return v.intValue();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
