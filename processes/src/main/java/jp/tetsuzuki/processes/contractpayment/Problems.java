package jp.tetsuzuki.processes.contractpayment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The stored problems of an invoice ({@code [{"code","message","field"}]}). */
final class Problems {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  static List<Map<String, String>> read(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
