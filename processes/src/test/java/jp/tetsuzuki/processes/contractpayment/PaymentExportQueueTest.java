package jp.tetsuzuki.processes.contractpayment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import jp.tetsuzuki.processes.contract.ContractTestDatabase;
import jp.tetsuzuki.processes.contract.accounting.JdbcPaymentLedger;
import jp.tetsuzuki.processes.contract.accounting.PaymentInstruction;
import jp.tetsuzuki.processes.contract.accounting.PaymentInstructionFile;
import jp.tetsuzuki.processes.contract.accounting.PaymentLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export queue of the accounting route (V69) on H2 and, tagged {@code database}, on PostgreSQL: a tenant's approved
 * payments form one batch (one file) when due by time or by size, each payment in exactly one batch, also when two
 * nodes form batches at the same moment; a batch whose node stopped before writing it is written again, the same
 * bytes; the file is the contract-payment layout (windows-31j, 160-byte records, the wave dash as 0x8160).
 */
@Tag("database")
class PaymentExportQueueTest {

  private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
  private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

  private ContractTestDatabase database;
  private JdbcTemplate jdbc;
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private PaymentExportQueue queue;
  private PaymentLedger ledger;
  private ContractCaseStore store;

  @BeforeEach
  void migrate() {
    database = new ContractTestDatabase();
    jdbc = new JdbcTemplate(database.dataSource());
    Clock clock = new Clock() {
      @Override public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override public Instant instant() {
        return now.get();
      }
    };
    ledger = new JdbcPaymentLedger(database.dataSource(), clock);
    store = new ContractCaseStore(jdbc);
    queue = new PaymentExportQueue(jdbc, new TransactionTemplate(new DataSourceTransactionManager(
        database.dataSource())), ledger, store, clock);
  }

  @AfterEach
  void drop() throws Exception {
    database.close();
  }

  @Test
  void aTenantsPaymentsFormOneFileOnceTheOldestWaitedAndTheFileCarriesThemAll() {
    queue.enqueue("demo-ku", payment("P-1", "波〜商店", 110_000, 0));
    queue.enqueue("demo-ku", payment("P-2", "株式会社デモ建設", 55_000, 1_200));
    queue.enqueue("demo-shi", payment("P-3", "市の取引先", 2_000, 0));
    queue.enqueue("demo-ku", payment("P-1", "波〜商店", 110_000, 0)); // the export job again: nothing new

    assertThat(claim("demo-ku", 500, Duration.ofMinutes(15))).as("not due: more may join").isEmpty();
    now.set(T0.plus(Duration.ofMinutes(16)));
    PaymentExportQueue.Claimed file = claim("demo-ku", 500, Duration.ofMinutes(15)).orElseThrow();

    assertThat(file.again()).isFalse();
    assertThat(file.batch().payments()).extracting(PaymentInstruction::paymentId).containsExactly("P-1", "P-2");
    assertThat(file.fileName()).matches("payment-demo-ku-B20261201-[0-9A-F]{10}\\.dat");
    assertThat(file.content()).isEqualTo(new PaymentInstructionFile().render(file.batch()));
    assertThat(file.content()).hasSize(5 * 162);
    // data record 1 (bytes 162..323): payee at 54-101, 〜 written as windows-31j's ～ 0x8160 (never '?')
    byte[] payee = Arrays.copyOfRange(file.content(), 162 + 53, 162 + 101);
    assertThat(new String(payee, WINDOWS_31J).strip()).isEqualTo("波～商店");
    assertThat(Arrays.copyOfRange(payee, 2, 4)).containsExactly(0x81, 0x60);
    assertThat(ledger.find("demo-ku", "P-2").orElseThrow().status()).isEqualTo(PaymentLedger.Status.EXPORTED);
    assertThat(claim("demo-ku", 500, Duration.ofMinutes(15))).isEmpty();
    assertThat(queue.waiting("demo-shi")).isOne();

    assertThat(queue.written("demo-ku", file.batch().batchId())).isTrue();
    assertThat(queue.written("demo-ku", file.batch().batchId())).isFalse();
    assertThat(store.events("demo-ku", "C-P-1")).singleElement().satisfies(e -> assertThat(e.textJa())
        .contains("支払指示ファイル " + file.fileName() + " を出力しました（2件をまとめた支払指示"));
  }

  @Test
  void theSizeLimitFormsFullFilesAtOnceAndTheRestWaits() {
    for (int i = 1; i <= 5; i++) {
      queue.enqueue("demo-ku", payment("S-" + i, "取引先" + i, 1000 * i, 0));
    }
    assertThat(claim("demo-ku", 2, Duration.ofHours(1)).orElseThrow().batch().payments()).hasSize(2);
    assertThat(claim("demo-ku", 2, Duration.ofHours(1)).orElseThrow().batch().payments()).hasSize(2);
    assertThat(claim("demo-ku", 2, Duration.ofHours(1))).as("one left: waits for the time or a second").isEmpty();
    assertThat(queue.waiting("demo-ku")).isOne();
  }

  @Test
  void aBatchWhoseNodeStoppedBeforeWritingIsWrittenAgainWithTheSameBytes() {
    queue.enqueue("demo-ku", payment("L-1", "停止商事", 10_000, 0));
    PaymentExportQueue.Claimed first = queue.claim("demo-ku", 500, Duration.ZERO, Duration.ofMinutes(2), "a")
        .orElseThrow();
    now.set(T0.plus(Duration.ofMinutes(1)));
    assertThat(queue.claim("demo-ku", 500, Duration.ZERO, Duration.ofMinutes(2), "b")).as("still leased to a")
        .isEmpty();
    now.set(T0.plus(Duration.ofMinutes(3)));
    PaymentExportQueue.Claimed again = queue.claim("demo-ku", 500, Duration.ZERO, Duration.ofMinutes(2), "b")
        .orElseThrow();

    assertThat(again.again()).isTrue();
    assertThat(again.batch().batchId()).isEqualTo(first.batch().batchId());
    assertThat(again.content()).isEqualTo(first.content());
    assertThat(queue.claim("demo-ku", 500, Duration.ZERO, Duration.ofMinutes(2), "c")).isEmpty();
    assertThat(queue.written("demo-ku", first.batch().batchId())).isTrue();
    now.set(T0.plus(Duration.ofMinutes(10)));
    assertThat(queue.claim("demo-ku", 500, Duration.ZERO, Duration.ofMinutes(2), "c")).as("written: done").isEmpty();
  }

  @Test
  void twoNodesFormingBatchesAtTheSameTimePutEachPaymentInExactlyOneBatch() throws Exception {
    int payments = 300;
    for (int i = 0; i < payments; i++) {
      queue.enqueue("demo-ku", payment("N-" + i, "取引先" + i, 1000 + i, 0));
    }
    Map<String, String> batchOf = new ConcurrentHashMap<>();
    List<String> doubles = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<Integer>> results = new ArrayList<>();
    for (String node : List.of("a", "b")) {
      results.add(nodes.submit(() -> {
        int batches = 0;
        Optional<PaymentExportQueue.Claimed> file;
        while ((file = queue.claim("demo-ku", 7, Duration.ZERO, Duration.ofMinutes(2), node)).isPresent()) {
          batches++;
          for (PaymentInstruction p : file.get().batch().payments()) {
            if (batchOf.putIfAbsent(p.paymentId(), file.get().batch().batchId()) != null) {
              doubles.add(p.paymentId());
            }
          }
        }
        return batches;
      }));
    }
    int batches = 0;
    for (Future<Integer> r : results) {
      batches += r.get();
    }
    nodes.shutdown();

    assertThat(doubles).isEmpty();
    assertThat(batchOf).hasSize(payments);
    assertThat(results.get(0).get()).as("node a formed batches").isPositive();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_payment_export_queue WHERE batch_id IS NULL",
        Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT SUM(payments) FROM tz_payment_export_batch", Integer.class))
        .isEqualTo(payments);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_payment_export_batch", Integer.class)).isEqualTo(batches);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_contract_payment", Integer.class)).isEqualTo(payments);
  }

  private Optional<PaymentExportQueue.Claimed> claim(String tenant, int max, Duration collectFor) {
    return queue.claim(tenant, max, collectFor, Duration.ofMinutes(2), "node-1");
  }

  private static PaymentInstruction payment(String id, String payee, long amount, long interest) {
    return new PaymentInstruction(id, "C-" + id, payee, "T8700110005901", amount, interest, LocalDate.of(2026, 12, 31));
  }
}
