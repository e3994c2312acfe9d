package jp.tetsuzuki.integrations.nursery.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A nursery ICT system on loopback, for the demo profile and tests: {@code GET /capacities} answers the places it
 * holds ({@code {"capacities":[{facilityId, admissionMonth, classAge, capacity}]}}), {@code POST /offers} and
 * {@code POST /enrollments} and {@code POST /offer-withdrawals} (an offer withdrawn or declined) accept a JSON message with an {@code Idempotency-Key} header (400 without) and answer a
 * repeated key as a replay (200, {@code "replayed":true}) without a second delivery. It can be told to be down
 * (503), to fail the next requests with a status, to refuse every message (e.g. 422), or to answer slowly; it keeps
 * the deliveries (one per key) and counts all requests. The data is fictional.
 */
public final class NurserySimulator implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A message the system accepted: path ({@code offers}/{@code enrollments}/{@code offer-withdrawals}), key, body. */
  public record Delivery(String path, String idempotencyKey, JsonNode body) {}

  private final HttpServer server;
  private final List<ObjectNode> capacities = new CopyOnWriteArrayList<>();
  private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile int failureStatus = 500;
  private volatile int refuseStatus;
  private volatile boolean down;
  private volatile long delayMillis;

  public NurserySimulator(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "nursery-simulator");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** The system now reports {@code capacity} places of class age {@code classAge} in the month. */
  public void capacity(String facilityId, String admissionMonth, int classAge, int capacity) {
    capacities.removeIf(c -> c.get("facilityId").asText().equals(facilityId)
        && c.get("admissionMonth").asText().equals(admissionMonth) && c.get("classAge").asInt() == classAge);
    ObjectNode c = JSON.createObjectNode();
    c.put("facilityId", facilityId);
    c.put("admissionMonth", admissionMonth);
    c.put("classAge", classAge);
    c.put("capacity", capacity);
    capacities.add(c);
  }

  /** The places of all six class ages of a facility and month at once. */
  public void capacities(String facilityId, String admissionMonth, int... byAge) {
    for (int age = 0; age < byAge.length; age++) {
      capacity(facilityId, admissionMonth, age, byAge[age]);
    }
  }

  public void clearCapacities() {
    capacities.clear();
  }

  public void down(boolean down) {
    this.down = down;
  }

  /** The next {@code count} requests are answered {@code status}. */
  public void failNext(int count, int status) {
    failureStatus = status;
    failures.set(count);
  }

  /** Every offer and enrollment is refused with {@code status} (0 = accept again). */
  public void refuse(int status) {
    refuseStatus = status;
  }

  public void delay(long millis) {
    delayMillis = millis;
  }

  /** The messages accepted, one per Idempotency-Key. */
  public List<Delivery> deliveries() {
    return new ArrayList<>(deliveries.values());
  }

  /** Every request, as {@code METHOD path [Idempotency-Key]}, in order of arrival. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public void reset() {
    deliveries.clear();
    requests.clear();
    failures.set(0);
    refuseStatus = 0;
    down = false;
    delayMillis = 0;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      requests.add(exchange.getRequestMethod() + " " + path + (key == null ? "" : " " + key));
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      if (down) {
        send(exchange, 503, "{\"error\":\"unavailable\"}");
        return;
      }
      if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        send(exchange, failureStatus, "{\"error\":\"failure\"}");
        return;
      }
      if ("GET".equals(exchange.getRequestMethod()) && "/capacities".equals(path)) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("capacities");
        capacities.stream().sorted(java.util.Comparator.comparing((ObjectNode c) -> c.get("facilityId").asText())
            .thenComparing(c -> c.get("admissionMonth").asText()).thenComparing(c -> c.get("classAge").asInt()))
            .forEach(list::add);
        send(exchange, 200, JSON.writeValueAsString(root));
        return;
      }
      if ("POST".equals(exchange.getRequestMethod()) && ("/offers".equals(path) || "/enrollments".equals(path)
          || "/offer-withdrawals".equals(path))) {
        if (key == null || key.isBlank()) {
          send(exchange, 400, "{\"error\":\"Idempotency-Key required\"}");
          return;
        }
        JsonNode body;
        try {
          body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
          send(exchange, 400, "{\"error\":\"not JSON\"}");
          return;
        }
        if (body == null || !body.hasNonNull("applicationId") || !body.hasNonNull("facilityId")) {
          send(exchange, 422, "{\"error\":\"applicationId and facilityId required\"}");
          return;
        }
        if (refuseStatus != 0) {
          send(exchange, refuseStatus, "{\"error\":\"refused\"}");
          return;
        }
        Delivery earlier = deliveries.putIfAbsent(key, new Delivery(path.substring(1), key, body));
        send(exchange, earlier == null ? 201 : 200, "{\"accepted\":true,\"replayed\":" + (earlier != null) + "}");
        return;
      }
      send(exchange, 404, "{\"error\":\"not found\"}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
