package jp.tetsuzuki.integrations.accounting;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway;

/**
 * The platform's side of the accounting port played in memory for route tests: approved payments wait per tenant and
 * form one batch each when asked (never two), rendered in the published 160-byte layout; an acknowledgement file is
 * read strictly as windows-31j CSV {@code paymentId,PAID|FAILED,yyyyMMdd,amount}, each line applied once per file and
 * each payment paid once. It counts what a route did so that tests can prove "exactly once". The real services are
 * tested in the platform ({@code AccountingExchangeFlowTest}).
 */
public class FakeAccountingPlatform implements AccountingExchangeGateway {

  static final Charset WINDOWS_31J = Charset.forName("windows-31j");

  public record Payment(String tenantId, String paymentId, String payee, long amount) {}

  record Call(String node, String serviceUser, String tenantId, String sha) {}

  final Map<String, List<Payment>> waiting = new LinkedHashMap<>();
  final Map<String, String> batchOf = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> paidCount = new ConcurrentHashMap<>();
  final Set<String> appliedLines = ConcurrentHashMap.newKeySet();
  final List<Call> acknowledgeCalls = new CopyOnWriteArrayList<>();
  final List<String> writtenBatches = new CopyOnWriteArrayList<>();
  final Set<String> tenants;
  private final AtomicInteger batches = new AtomicInteger();
  private final String node;
  private final FakeAccountingPlatform shared;

  FakeAccountingPlatform(Set<String> tenants) {
    this.tenants = tenants;
    this.node = "";
    this.shared = this;
  }

  private FakeAccountingPlatform(FakeAccountingPlatform shared, String node) {
    this.tenants = shared.tenants;
    this.node = node;
    this.shared = shared;
  }

  /** The same platform as seen by one node (calls are tagged with it). */
  FakeAccountingPlatform as(String node) {
    return new FakeAccountingPlatform(shared, node);
  }

  void approve(String tenantId, String paymentId, String payee, long amount) {
    synchronized (shared) {
      shared.waiting.computeIfAbsent(tenantId, t -> new ArrayList<>()).add(new Payment(tenantId, paymentId, payee,
          amount));
    }
  }

  @Override
  public Optional<PaymentFile> claimBatch(String serviceUser, String tenantId, BatchRule rule, String n) {
    check(serviceUser, tenantId);
    synchronized (shared) {
      List<Payment> list = shared.waiting.getOrDefault(tenantId, new ArrayList<>());
      if (list.isEmpty()) {
        return Optional.empty();
      }
      List<Payment> batch = new ArrayList<>(list.subList(0, Math.min(rule.maxPayments(), list.size())));
      list.removeAll(batch);
      String batchId = "B20261201-" + String.format("%010d", shared.batches.incrementAndGet());
      batch.forEach(p -> shared.batchOf.merge(p.paymentId(), batchId, (a, b) -> a + "," + b));
      return Optional.of(new PaymentFile(tenantId, batchId, "payment-" + tenantId + "-" + batchId + ".dat",
          render(tenantId, batchId, batch), batch.size(), false));
    }
  }

  @Override
  public void written(String serviceUser, String tenantId, String batchId) {
    check(serviceUser, tenantId);
    shared.writtenBatches.add(batchId);
  }

  @Override
  public AckResult acknowledge(String serviceUser, String tenantId, byte[] file) {
    check(serviceUser, tenantId);
    String sha = sha(file);
    shared.acknowledgeCalls.add(new Call(node, serviceUser, tenantId, sha));
    String text;
    try {
      text = WINDOWS_31J.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
    } catch (CharacterCodingException e) {
      throw new Refused(0, "file", "支払結果ファイルの文字コードが windows-31j（Shift_JIS）ではありません。");
    }
    String[] lines = text.split("\r?\n");
    List<String> paid = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> already = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      if (f.length != 4 || !seen.add(f[0]) || !(f[1].equals("PAID") || f[1].equals("FAILED"))) {
        throw new Refused(i + 1, "line", (i + 1) + " 行目の項目数が 4 ではありません。");
      }
    }
    synchronized (shared) {
      for (int i = 0; i < lines.length; i++) {
        String[] f = lines[i].split(",", -1);
        if (!shared.appliedLines.add(tenantId + "/" + sha + "/" + (i + 1))) {
          already.add(f[0]);
          continue;
        }
        if (!shared.batchOf.containsKey(f[0])) {
          problems.add(new Problem(i + 1, f[0], "UNKNOWN_PAYMENT", "支払番号 " + f[0] + " の支払指示が見つかりません。"));
        } else if (f[1].equals("PAID")) {
          if (shared.paidCount.computeIfAbsent(f[0], k -> new AtomicInteger()).incrementAndGet() == 1) {
            paid.add(f[0]);
          } else {
            already.add(f[0]);
          }
        } else {
          failed.add(f[0]);
        }
      }
    }
    return new AckResult(sha, paid, failed, already, problems);
  }

  private void check(String serviceUser, String tenantId) {
    if (!"svc-accounting-exchange".equals(serviceUser) || !tenants.contains(tenantId)) {
      throw new IllegalArgumentException("not a service identity of " + tenantId);
    }
  }

  /** The published layout (160-byte records + CR LF, windows-31j), as the platform's PaymentInstructionFile writes. */
  public static byte[] render(String tenantId, String batchId, List<Payment> payments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    record(out, "1" + pad(batchId, 20) + "20261201" + pad(tenantId, 32));
    long total = 0;
    for (Payment p : payments) {
      byte[] payee = p.payee().replace('\u301C', '\uFF5E').getBytes(WINDOWS_31J);
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      data.writeBytes(("2" + pad(p.paymentId(), 20) + pad("C-" + p.paymentId(), 32)).getBytes(WINDOWS_31J));
      data.writeBytes(payee);
      data.writeBytes(" ".repeat(48 - payee.length).getBytes(StandardCharsets.US_ASCII));
      data.writeBytes((pad("", 14) + String.format("%012d", p.amount()) + String.format("%010d", 0) + "20261231")
          .getBytes(StandardCharsets.US_ASCII));
      recordBytes(out, data.toByteArray());
      total += p.amount();
    }
    record(out, "8" + String.format("%06d", payments.size()) + String.format("%015d", total)
        + String.format("%013d", 0));
    record(out, "9");
    return out.toByteArray();
  }

  private static void record(ByteArrayOutputStream out, String ascii) {
    recordBytes(out, ascii.getBytes(StandardCharsets.US_ASCII));
  }

  private static void recordBytes(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(bytes);
    out.writeBytes(" ".repeat(160 - bytes.length).getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(new byte[] {'\r', '\n'});
  }

  private static String pad(String s, int n) {
    return s + " ".repeat(n - s.length());
  }

  static String sha(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  int paidTimes(String paymentId) {
    AtomicInteger n = shared.paidCount.get(paymentId);
    return n == null ? 0 : n.get();
  }

  static LocalDate today() {
    return LocalDate.of(2026, 12, 1);
  }
}
