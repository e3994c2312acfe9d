package jp.tetsuzuki.integrations.municipalcsv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Benchmark of the municipal CSV intake (not a test; {@code integrations/bench/municipal-csv-benchmark.sh}):
 * generates a windows-31j file of N rows (every 1,000th row refused: 500th bad bytes, 1,000th a tenant not served;
 * wave dashes and windows-31j-only characters throughout), drops it into the route's inbox on a Camel context with
 * the claims and ledger on H2, and measures rows per second from the drop to the file in its folder, and the heap:
 * the peak of the heap pools during the run (sampled every 20 ms) and the heap after a GC at the end. The port is
 * in memory (an idempotent map), so the figure is the route's own cost: decoding, parsing, report, claims, ledger.
 */
public final class MunicipalCsvBenchmark {

  private MunicipalCsvBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("municipal-csv-bench");
    Path source = dir.resolve("source.csv");
    long generated = generate(source, rows);
    System.out.printf("generated %,d rows, %,d bytes (windows-31j) in %s%n", rows, generated, source);

    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
    try (var connection = h2.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("municipalcsv/schema.sql"));
    }
    Map<String, Boolean> registered = new ConcurrentHashMap<>();
    BatchApplicationGateway inMemory = (user, tenant, externalId, row) -> {
      boolean first = registered.putIfAbsent(tenant + ":" + externalId, true) == null;
      return new BatchApplicationGateway.Result("app-" + externalId, "pi-" + externalId, first);
    };
    MunicipalCsvProperties properties = new MunicipalCsvProperties(dir.toString(), "svc-municipal-csv-intake",
        List.of("demo-ku", "demo-shi"), org.springframework.util.unit.DataSize.ofMegabytes(500), rows + 1, 65536,
        Duration.ofMillis(100), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMillis(500), "bench");
    try (CsvIntakeNode node = CsvIntakeNode.create(h2, inMemory, properties).start()) {
      System.gc();
      AtomicLong peak = new AtomicLong();
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(heapUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      long before = heapUsed();
      sampler.start();
      Path inbox = Files.createDirectories(dir.resolve("demo-ku/inbox"));
      Path failed = dir.resolve("demo-ku/failed").resolve("ward.csv");
      long start = System.nanoTime();
      Files.move(source, inbox.resolve("ward.csv"));
      while (!Files.exists(failed) && !Files.exists(dir.resolve("demo-ku/done").resolve("ward.csv"))) {
        Thread.sleep(5);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();
      System.gc();
      long after = heapUsed();
      long report = Files.size(failed.resolveSibling("ward.csv" + RejectionReport.SUFFIX));
      System.out.printf("intake: %,d rows in %.2f s = %,.0f rows/s (registered %,.0f, refused %,.0f; report %,d"
          + " bytes)%n", rows, seconds, rows / seconds, node.rows("registered"), node.rows("rejected"), report);
      System.out.printf("heap: %.0f MiB before, peak %.0f MiB during the run, %.0f MiB after GC; max heap %.0f MiB%n",
          mib(before), mib(peak.get()), mib(after), mib(Runtime.getRuntime().maxMemory()));
      System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    } finally {
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }
  }

  /** Rows as a ward system writes them; every 1,000th refused. */
  static long generate(Path file, int rows) throws IOException {
    Charset windows31j = Charset.forName("windows-31j");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write((MunicipalCsvIntakeRouteTest.HEADER + "\r\n").getBytes(windows31j));
      for (int i = 1; i <= rows; i++) {
        String tenant = i % 1000 == 0 ? "other-mura" : "demo-ku";
        String head = "road-occupancy-permit," + tenant + ",2026-11-30,\"髙橋建設～第" + i + "工区①";
        String tail = "\",,info" + i + "@example.jp,EXT-" + i + ",\"区道" + (i % 97) + "号（〇〇丁目～△△丁目）\","
            + (i % 500) + ".5\r\n";
        out.write(head.getBytes(windows31j));
        if (i % 1000 == 500) {
          out.write(new byte[] {(byte) 0x85, 0x40}); // not a character of windows-31j
        }
        byte[] bytes = tail.getBytes(windows31j);
        out.write(bytes);
      }
    }
    return Files.size(file);
  }

  private static long heapUsed() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }
}
