package jp.tetsuzuki.integrations.registry.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tetsuzuki.bpmn.rules.CheckDigits;
import jp.tetsuzuki.integrations.registry.CorporateRecord;
import jp.tetsuzuki.integrations.registry.InvoiceRegistration;

/**
 * Both 国税庁 registries on loopback, for the demo profile and tests: {@code GET /4/num} answers as the 法人番号システム
 * Web-API (XML, {@code type=12}) and {@code GET /1/num} as the 適格請求書発行事業者公表システム Web-API (JSON,
 * {@code type=21}), in the documented shapes (see {@code CorporateNumberResponse}, {@code InvoiceRegistrationResponse}).
 * An unknown application id gets 403. It can be told to be down (503), to fail the next requests with a status, or to
 * answer slowly; it counts and timestamps the requests. The data is fictional.
 */
public final class RegistrySimulator implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String applicationId;
  private final Map<String, CorporateRecord> corporations = new ConcurrentHashMap<>();
  private final Map<String, InvoiceRegistration> registrations = new ConcurrentHashMap<>();
  private final List<Instant> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile int failureStatus = 500;
  private volatile boolean down;
  private volatile long delayMillis;

  public RegistrySimulator(String applicationId, int port) throws IOException {
    this.applicationId = applicationId;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/4/num", exchange -> handle(exchange, true));
    server.createContext("/1/num", exchange -> handle(exchange, false));
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "registry-simulator");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /** A simulator with the demo's fictional corporations and registrations (see README, "Registries"). */
  public static RegistrySimulator withDemoData(String applicationId, int port) throws IOException {
    RegistrySimulator simulator = new RegistrySimulator(applicationId, port);
    String active = number("700110005901");
    String closed = number("700110005902");
    simulator.addCorporation(new CorporateRecord(active, "デモ建設株式会社", "東京都デモ区本町１丁目２番３号", "1000001",
        "301", LocalDate.of(2015, 10, 5), LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 1), null, "", ""));
    simulator.addCorporation(new CorporateRecord(closed, "旧デモ商事株式会社", "東京都デモ市中央２丁目", "1900001", "301",
        LocalDate.of(2015, 10, 5), LocalDate.of(2023, 3, 31), LocalDate.of(2023, 3, 31), LocalDate.of(2023, 3, 31),
        "01", ""));
    simulator.addRegistration(new InvoiceRegistration("T" + active, "デモ建設株式会社", "東京都デモ区本町１丁目２番３号", "2",
        "01", LocalDate.of(2023, 10, 1), LocalDate.of(2023, 10, 1), null, null));
    simulator.addRegistration(new InvoiceRegistration("T" + closed, "旧デモ商事株式会社", "東京都デモ市中央２丁目", "2",
        "04", LocalDate.of(2023, 10, 1), LocalDate.of(2024, 6, 30), LocalDate.of(2024, 7, 1), null));
    // 株式会社〇〇商事, the demo supplier of contract-payment (account supplier-marumaru, DemoData)
    simulator.addCorporation(new CorporateRecord("5010001008846", "株式会社〇〇商事", "東京都デモ区本町３丁目４番５号",
        "1000001", "301", LocalDate.of(2015, 10, 5), LocalDate.of(2023, 10, 1), LocalDate.of(2023, 10, 1), null, "",
        ""));
    simulator.addRegistration(new InvoiceRegistration("T5010001008846", "株式会社〇〇商事", "東京都デモ区本町３丁目４番５号",
        "2", "01", LocalDate.of(2023, 10, 1), LocalDate.of(2023, 10, 1), null, null));
    return simulator;
  }

  /** A 法人番号: the check digit in front of the 12-digit {@code base}. */
  public static String number(String base) {
    return CheckDigits.corporateNumber(base) + base;
  }

  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  public void addCorporation(CorporateRecord record) {
    corporations.put(record.corporateNumber(), record);
  }

  public void addRegistration(InvoiceRegistration registration) {
    registrations.put(registration.registrationNumber(), registration);
  }

  /** Every request is answered 503 while down. */
  public void down(boolean down) {
    this.down = down;
  }

  /** The next {@code count} requests are answered {@code status}. */
  public void failNext(int count, int status) {
    failureStatus = status;
    failures.set(count);
  }

  /** Each answer waits this long first (timeouts). */
  public void delay(long millis) {
    delayMillis = millis;
  }

  /** Requests received, in order of arrival. */
  public List<Instant> requests() {
    return List.copyOf(requests);
  }

  public void reset() {
    requests.clear();
    failures.set(0);
    down = false;
    delayMillis = 0;
  }

  private void handle(HttpExchange exchange, boolean corporate) throws IOException {
    try (exchange) {
      requests.add(Instant.now());
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      if (down) {
        send(exchange, 503, "text/plain", "Service Unavailable");
        return;
      }
      if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        send(exchange, failureStatus, "text/plain", "error");
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (!"GET".equals(exchange.getRequestMethod()) || !applicationId.equals(query.get("id"))) {
        send(exchange, 403, "text/plain", "Forbidden");
        return;
      }
      String number = query.getOrDefault("number", "");
      if (corporate && "12".equals(query.get("type"))) {
        send(exchange, 200, "application/xml; charset=UTF-8", corporationsXml(number));
      } else if (!corporate && "21".equals(query.get("type"))) {
        send(exchange, 200, "application/json; charset=UTF-8", registrationsJson(number));
      } else {
        send(exchange, 400, "text/plain", "Bad Request");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String corporationsXml(String numbers) {
    List<CorporateRecord> found = new ArrayList<>();
    for (String n : numbers.split(",")) {
      CorporateRecord record = corporations.get(n);
      if (record != null) {
        found.add(record);
      }
    }
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<corporations>\n")
        .append("  <lastUpdateDate>2026-11-30</lastUpdateDate>\n  <count>").append(found.size())
        .append("</count>\n  <divideNumber>1</divideNumber>\n  <divideSize>1</divideSize>\n");
    int sequence = 1;
    for (CorporateRecord r : found) {
      String prefecture = r.address().startsWith("東京都") ? "東京都" : "";
      String rest = r.address().substring(prefecture.length());
      int city = Math.max(rest.indexOf('区'), rest.indexOf('市')) + 1;
      xml.append("  <corporation>\n");
      element(xml, "sequenceNumber", String.valueOf(sequence++));
      element(xml, "corporateNumber", r.corporateNumber());
      element(xml, "process", r.closeDate() != null ? "21" : "01");
      element(xml, "correct", "0");
      element(xml, "updateDate", text(r.updateDate()));
      element(xml, "changeDate", text(r.changeDate()));
      element(xml, "name", r.name());
      element(xml, "nameImageId", "");
      element(xml, "kind", r.kind());
      element(xml, "prefectureName", prefecture);
      element(xml, "cityName", rest.substring(0, city));
      element(xml, "streetNumber", rest.substring(city));
      element(xml, "addressImageId", "");
      element(xml, "prefectureCode", prefecture.isEmpty() ? "" : "13");
      element(xml, "cityCode", "");
      element(xml, "postCode", r.postCode());
      element(xml, "addressOutside", "");
      element(xml, "addressOutsideImageId", "");
      element(xml, "closeDate", text(r.closeDate()));
      element(xml, "closeCause", r.closeCause());
      element(xml, "successorCorporateNumber", r.successorCorporateNumber());
      element(xml, "changeCause", "");
      element(xml, "assignmentDate", text(r.assignmentDate()));
      element(xml, "latest", "1");
      element(xml, "enName", "");
      element(xml, "enPrefectureName", "");
      element(xml, "enCityName", "");
      element(xml, "enAddressOutside", "");
      element(xml, "furigana", "");
      element(xml, "hihyoji", "0");
      xml.append("  </corporation>\n");
    }
    return xml.append("</corporations>\n").toString();
  }

  private String registrationsJson(String numbers) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode announcement = JSON.createArrayNode();
    int sequence = 1;
    for (String n : numbers.split(",")) {
      InvoiceRegistration r = registrations.get(n);
      if (r == null) {
        continue;
      }
      ObjectNode a = announcement.addObject();
      a.put("sequenceNumber", String.valueOf(sequence++));
      a.put("registratedNumber", r.registrationNumber());
      a.put("process", r.process());
      a.put("correct", "0");
      a.put("kind", r.kind());
      a.put("country", "1");
      a.put("latest", "1");
      a.put("registrationDate", text(r.registrationDate()));
      a.put("updateDate", text(r.updateDate()));
      a.put("disposalDate", text(r.disposalDate()));
      a.put("expireDate", text(r.expireDate()));
      a.put("address", r.address());
      a.put("addressPrefectureCode", "13");
      a.put("addressCityCode", "");
      a.put("addressRequest", "");
      a.put("addressRequestPrefectureCode", "");
      a.put("addressRequestCityCode", "");
      a.put("kana", "");
      a.put("name", r.name());
      a.put("addressInside", "");
      a.put("addressInsidePrefectureCode", "");
      a.put("addressInsideCityCode", "");
      a.put("tradeName", "");
      a.put("popularName_previousName", "");
    }
    root.put("lastUpdateDate", "2026-11-30");
    root.put("count", String.valueOf(announcement.size()));
    root.put("divideNumber", "1");
    root.put("divideSize", "1");
    root.set("announcement", announcement);
    return JSON.writeValueAsString(root);
  }

  private static void element(StringBuilder xml, String name, String value) {
    if (value == null || value.isEmpty()) {
      xml.append("    <").append(name).append("/>\n");
      return;
    }
    xml.append("    <").append(name).append('>').append(value.replace("&", "&amp;").replace("<", "&lt;"))
        .append("</").append(name).append(">\n");
  }

  private static String text(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
