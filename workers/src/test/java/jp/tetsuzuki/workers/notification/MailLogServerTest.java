package jp.tetsuzuki.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review 2026-12-01 (F12): the mail log's H2 {@code AUTO_SERVER} listened on every interface. In a JVM of its own
 * (H2 reads its bind address once), {@link MailLogServer#loopbackOnly()} then an {@code AUTO_SERVER} file: the TCP
 * server's listening socket, as the kernel lists it in {@code /proc/net/tcp}, is bound to 127.0.0.1.
 */
class MailLogServerTest {

  @TempDir Path dir;

  /** The child JVM: opens the file as the workers do and prints the port the lock file names. */
  public static void main(String[] args) throws Exception {
    if (args.length > 1 && "loopback".equals(args[1])) {
      MailLogServer.loopbackOnly();
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + args[0] + ";AUTO_SERVER=TRUE", "sa", "")) {
      String lock = Files.readString(Path.of(args[0] + ".lock.db"), StandardCharsets.ISO_8859_1);
      String server = lock.replaceAll("(?s).*server=([^\\s]+).*", "$1");
      String port = server.substring(server.lastIndexOf(':') + 1).trim();
      String hexPort = ":" + String.format("%04X", Integer.parseInt(port)) + " ";
      List<String> listening = new java.util.ArrayList<>();
      for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
        // columns: sl local_address rem_address st …; a listening socket has state 0A
        Files.readAllLines(Path.of(table)).stream().map(String::trim).map(l -> l.split("\\s+"))
            .filter(f -> f.length > 3 && f[1].endsWith(hexPort.trim()) && "0A".equals(f[3]))
            .forEach(f -> listening.add(f[1]));
      }
      System.out.println("LISTEN " + listening);
    }
  }

  private String listeningLine(String mode) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        MailLogServerTest.class.getName(), dir.resolve("notification-log-" + mode).toString(), mode)
        .redirectErrorStream(true).start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out).as(out).contains("LISTEN [");
    return out.substring(out.indexOf("LISTEN "));
  }

  @Test
  void theMailLogsServerListensOnLoopbackOnly() throws Exception {
    // 0100007F is 127.0.0.1 in /proc/net/tcp's little-endian hex (in tcp6 as the IPv4-mapped ::ffff:127.0.0.1);
    // 00000000 (or :: in tcp6) is every interface
    assertThat(listeningLine("loopback")).matches("(?s)LISTEN \\[(0000000000000000FFFF0000)?0100007F:[0-9A-F]{4}\\]\\s*");
  }

  @Test
  void withoutItH2ListensOnEveryInterface() throws Exception {
    // the attack as found: what the property changes (if H2 changed its default, this test says so)
    assertThat(listeningLine("default")).matches("(?s)LISTEN \\[(00000000|0{32}):[0-9A-F]{4}\\]\\s*");
  }
}
