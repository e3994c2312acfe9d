package jp.tetsuzuki.workers.rpa.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tetsuzuki.workers.rpa.LegacySystemStandIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulator of the legacy welfare ledger (福祉給付台帳) for the demo profile and the tests, as the bot meets the
 * real one: Japanese HTML screens in Windows-31J under {@code /fukushi/}, a cookie session, a prefix search, an entry
 * form with server-side validation, a confirmation screen with a one-time token, and a completion screen with the
 * record number (管理番号). Listens on loopback only; data lives in memory. Fault injection (maintenance screen, a lost
 * answer after registration) shows retries and idempotence.
 */
public final class LegacySystemSimulator implements LegacySystemStandIn, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LegacySystemSimulator.class);
  private static final Charset CHARSET = Charset.forName("Windows-31J");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT);

  /** One record of the ledger: its number and the form fields as entered. */
  public record Ledger(String recordNumber, Map<String, String> fields) {}

  private final String user;
  private final String password;

  private final HttpServer server;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Ledger> records = new LinkedHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicInteger registrations = new AtomicInteger();
  private volatile boolean maintenance;
  private volatile boolean failAfterNextRegistration;

  private static final class Session {
    Map<String, String> pending;
    String token;
  }

  /** Starts on the loopback {@code port} (0 = any free port) with one account. */
  public LegacySystemSimulator(String user, String password, int port) throws IOException {
    if (user == null || user.isBlank() || password == null || password.isBlank()) {
      throw new IllegalArgumentException("the legacy system simulator needs an account (user-id and password)");
    }
    this.user = user;
    this.password = password;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/fukushi/", this::handle);
    server.start();
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/fukushi/";
  }

  /** Every request answers 503 with the maintenance screen. */
  public void maintenance(boolean on) {
    maintenance = on;
  }

  /** The next registration is stored, but its answer is a 500: what the bot sees when the connection breaks late. */
  public void failAfterNextRegistration() {
    failAfterNextRegistration = true;
  }

  /** A record entered by hand earlier (for search tests). */
  public synchronized String existing(String caseNumber, String name) {
    String number = nextNumber();
    records.put(caseNumber, new Ledger(number, Map.of("uketsukeNo", caseNumber, "shimei", name)));
    return number;
  }

  public synchronized Map<String, Ledger> records() {
    return new LinkedHashMap<>(records);
  }

  /** How many times the register button was accepted. */
  public int registrations() {
    return registrations.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange http) throws IOException {
    try (http) {
      String path = http.getRequestURI().getPath().substring("/fukushi/".length());
      boolean post = "POST".equals(http.getRequestMethod());
      if (maintenance) {
        page(http, 503, "システムメンテナンス中", "<p>ただいまシステムメンテナンス中です。しばらくしてから再度アクセスしてください。</p>");
        return;
      }
      if (path.equals("login")) {
        login(http, post);
        return;
      }
      Session session = session(http);
      if (session == null) {
        redirect(http, "login");
        return;
      }
      switch (path) {
        case "menu" -> page(http, 200, "メニュー", "<ul><li><a href=\"search\">受給者検索</a></li></ul>" + logoutLink());
        case "search" -> page(http, 200, "受給者検索", """
            <form name="search" method="post" action="results">
              <label>受付番号 <input type="text" name="uketsukeNo" size="20"></label>
              <input type="submit" name="search" value="検索">
            </form>""" + logoutLink());
        case "results" -> results(http, form(http).getOrDefault("uketsukeNo", ""));
        case "entry" -> {
          if (post) {
            entry(http, session, form(http));
          } else {
            entryForm(http, session, Map.of(), List.of());
          }
        }
        case "register" -> register(http, session, form(http));
        case "logout" -> {
          sessions.values().remove(session);
          redirect(http, "login");
        }
        default -> page(http, 404, "エラー", "<p>ページが見つかりません。</p>");
      }
    } catch (RuntimeException e) {
      log.warn("legacy system simulator failed on {}", http.getRequestURI(), e);
      throw e;
    }
  }

  private void login(HttpExchange http, boolean post) throws IOException {
    String error = "";
    if (post) {
      Map<String, String> form = form(http);
      if (user.equals(form.get("userId")) && password.equals(form.get("password"))) {
        String id = UUID.randomUUID().toString();
        sessions.put(id, new Session());
        http.getResponseHeaders().add("Set-Cookie", "SID=" + id + "; Path=/fukushi/; HttpOnly");
        redirect(http, "menu");
        return;
      }
      error = "<p class=\"error\">利用者IDまたはパスワードが違います。</p>";
    }
    page(http, 200, "ログイン", error + """
        <form name="login" method="post" action="login">
          <label>利用者ID <input type="text" name="userId"></label>
          <label>パスワード <input type="password" name="password"></label>
          <input type="submit" name="login" value="ログイン">
        </form>""");
  }

  private synchronized void results(HttpExchange http, String caseNumber) throws IOException {
    StringBuilder rows = new StringBuilder();
    records.forEach((key, ledger) -> {
      if (!caseNumber.isEmpty() && key.startsWith(caseNumber)) {
        rows.append("<tr><td class=\"kanriNo\">").append(ledger.recordNumber()).append("</td><td class=\"uketsukeNo\">")
            .append(escape(key)).append("</td><td>").append(escape(ledger.fields().get("shimei"))).append("</td></tr>");
      }
    });
    String body = rows.isEmpty()
        ? "<p class=\"none\">該当するデータはありません。</p>"
        : "<table id=\"results\"><tr><th>管理番号</th><th>受付番号</th><th>氏名</th></tr>" + rows + "</table>";
    page(http, 200, "検索結果", body + "<p><a href=\"entry\">新規登録</a></p>" + logoutLink());
  }

  private void entry(HttpExchange http, Session session, Map<String, String> form) throws IOException {
    List<String> errors = validate(form);
    if (!errors.isEmpty() || !form.getOrDefault("token", "").equals(session.token)) {
      if (errors.isEmpty()) {
        errors = List.of("画面の有効期限が切れました。もう一度入力してください。");
      }
      entryForm(http, session, form, errors);
      return;
    }
    session.pending = form;
    session.token = UUID.randomUUID().toString();
    StringBuilder table = new StringBuilder("<table>");
    for (String[] field : FIELDS) {
      table.append("<tr><th>").append(field[1]).append("</th><td id=\"").append(field[0]).append("\">")
          .append(escape(form.get(field[0]))).append("</td></tr>");
    }
    page(http, 200, "登録内容確認", "<p>以下の内容で登録します。よろしいですか。</p>" + table + "</table>"
        + "<form name=\"register\" method=\"post\" action=\"register\">"
        + "<input type=\"hidden\" name=\"token\" value=\"" + session.token + "\">"
        + "<input type=\"submit\" name=\"register\" value=\"登録する\"></form>"
        + "<p><a href=\"entry\">戻る</a></p>" + logoutLink());
  }

  private void register(HttpExchange http, Session session, Map<String, String> form) throws IOException {
    Map<String, String> pending = session.pending;
    if (pending == null || !form.getOrDefault("token", "").equals(session.token)) {
      page(http, 400, "エラー", "<p>不正な画面遷移です。</p>");
      return;
    }
    session.pending = null;
    String number;
    synchronized (this) {
      if (records.containsKey(pending.get("uketsukeNo"))) {
        page(http, 409, "エラー", "<p>この受付番号は既に登録されています。</p>");
        return;
      }
      number = nextNumber();
      records.put(pending.get("uketsukeNo"), new Ledger(number, Map.copyOf(pending)));
      registrations.incrementAndGet();
    }
    if (failAfterNextRegistration) {
      failAfterNextRegistration = false;
      page(http, 500, "エラー", "<p>システムエラーが発生しました。</p>");
      return;
    }
    page(http, 200, "登録完了", "<p>登録しました。管理番号：<span id=\"kanriNo\">" + number + "</span></p>"
        + "<p><a href=\"menu\">メニューへ</a></p>" + logoutLink());
  }

  private static final String[][] FIELDS = {
      {"uketsukeNo", "受付番号"}, {"shimei", "氏名"}, {"shimeiKana", "氏名カナ"}, {"seinengappi", "生年月日"},
      {"yubinBango", "郵便番号"}, {"jusho", "住所"}, {"ketteibi", "決定日"}, {"getsugaku", "月額（円）"}};

  private void entryForm(HttpExchange http, Session session, Map<String, String> values, List<String> errors)
      throws IOException {
    session.token = UUID.randomUUID().toString();
    StringBuilder body = new StringBuilder();
    if (!errors.isEmpty()) {
      body.append("<ul class=\"errors\">");
      errors.forEach(error -> body.append("<li>").append(escape(error)).append("</li>"));
      body.append("</ul>");
    }
    body.append("<form name=\"entry\" method=\"post\" action=\"entry\">")
        .append("<input type=\"hidden\" name=\"token\" value=\"").append(session.token).append("\">");
    for (String[] field : FIELDS) {
      body.append("<label>").append(field[1]).append(" <input type=\"text\" name=\"").append(field[0])
          .append("\" value=\"").append(escape(values.getOrDefault(field[0], ""))).append("\"></label><br>");
    }
    body.append("<input type=\"submit\" name=\"confirm\" value=\"確認\"></form>").append(logoutLink());
    page(http, 200, "受給者登録", body.toString());
  }

  private static List<String> validate(Map<String, String> form) {
    List<String> errors = new ArrayList<>();
    if (form.getOrDefault("uketsukeNo", "").isBlank()) {
      errors.add("受付番号を入力してください。");
    }
    String name = form.getOrDefault("shimei", "");
    if (name.isBlank()) {
      errors.add("氏名を入力してください。");
    } else if (name.length() > 20) {
      errors.add("氏名は20文字以内で入力してください。");
    }
    if (!form.getOrDefault("shimeiKana", "").matches("[ァ-ヶー　]+")) {
      errors.add("氏名カナは全角カタカナで入力してください。");
    }
    if (!date(form.get("seinengappi"))) {
      errors.add("生年月日は「YYYY/MM/DD」の形式で入力してください。");
    }
    if (!form.getOrDefault("yubinBango", "").matches("\\d{3}-\\d{4}")) {
      errors.add("郵便番号は「123-4567」の形式で入力してください。");
    }
    if (form.getOrDefault("jusho", "").isBlank()) {
      errors.add("住所を入力してください。");
    }
    if (!date(form.get("ketteibi"))) {
      errors.add("決定日は「YYYY/MM/DD」の形式で入力してください。");
    }
    if (!form.getOrDefault("getsugaku", "").matches("\\d{1,7}")) {
      errors.add("月額は7桁以内の半角数字で入力してください。");
    }
    return errors;
  }

  private static boolean date(String value) {
    try {
      LocalDate.parse(value == null ? "" : value, DATE);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private Session session(HttpExchange http) {
    for (String header : http.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String cookie : header.split(";")) {
        String[] pair = cookie.strip().split("=", 2);
        if (pair.length == 2 && pair[0].equals("SID") && sessions.containsKey(pair[1])) {
          return sessions.get(pair[1]);
        }
      }
    }
    return null;
  }

  private static Map<String, String> form(HttpExchange http) throws IOException {
    String query = "POST".equals(http.getRequestMethod())
        ? new String(http.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1)
        : http.getRequestURI().getRawQuery();
    Map<String, String> form = new HashMap<>();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        form.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    return form;
  }

  /**
   * Percent-decoding to bytes first, then Windows-31J: a trail byte of a double-byte character may be a plain ASCII
   * letter left unescaped (ヤ is %83%84, ダ is %83_), which {@link java.net.URLDecoder} would split.
   */
  private static String decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c == '+' ? ' ' : c);
      }
    }
    return bytes.toString(CHARSET);
  }

  private static void redirect(HttpExchange http, String to) throws IOException {
    http.getResponseHeaders().add("Location", "/fukushi/" + to);
    http.sendResponseHeaders(303, -1);
  }

  private static void page(HttpExchange http, int status, String title, String body) throws IOException {
    byte[] bytes = ("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"Windows-31J\"><title>" + title
        + "｜福祉給付台帳システム</title></head><body><h1>" + title + "</h1>" + body + "</body></html>")
        .getBytes(CHARSET);
    http.getResponseHeaders().add("Content-Type", "text/html; charset=Windows-31J");
    http.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String logoutLink() {
    return "<p><a href=\"logout\">ログアウト</a></p>";
  }

  private static String escape(String value) {
    return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private String nextNumber() {
    return String.format("A-%06d", sequence.incrementAndGet());
  }
}
