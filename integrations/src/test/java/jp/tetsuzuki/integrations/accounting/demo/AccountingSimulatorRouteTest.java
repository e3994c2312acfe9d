package jp.tetsuzuki.integrations.accounting.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.integrations.accounting.AccountingExchangeProperties;
import jp.tetsuzuki.integrations.accounting.FakeAccountingPlatform;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's accounting system (route {@code accounting-system-simulator}): it takes a payment instruction file from
 * the outbox and answers every payment "paid" with the amount and interest of the file, into the tenant's
 * acknowledgement folder, written under a hidden name and renamed; a payment it is told to fail is answered FAILED.
 */
class AccountingSimulatorRouteTest {

  @TempDir Path exchange;

  @Test
  void aPaymentFileOfTheOutboxIsAnsweredPaidIntoTheTenantsAcknowledgementFolder() throws Exception {
    AccountingExchangeProperties properties = new AccountingExchangeProperties(
        exchange.resolve("accounting-export/outbox").toString(), exchange.resolve("accounting-ack/inbox").toString(),
        exchange.resolve("accounting-ack/done").toString(), exchange.resolve("accounting-ack/failed").toString(),
        "svc-accounting-exchange", List.of("demo-ku"), 500, Duration.ZERO, Duration.ofMinutes(2),
        Duration.ofSeconds(1), Duration.ofSeconds(1), org.springframework.util.unit.DataSize.ofMegabytes(1),
        Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(1), "test");
    AccountingSystemSimulator simulator = new AccountingSystemSimulator();
    simulator.failing("P-2");
    CamelContext camel = new DefaultCamelContext();
    camel.addRoutes(new AccountingSimulatorConfiguration().accountingSystemSimulatorRoute(simulator, properties));
    camel.start();
    try {
      Path outbox = Files.createDirectories(exchange.resolve("accounting-export/outbox"));
      Files.write(outbox.resolve("payment-demo-ku-B20261201-0000000001.dat"), FakeAccountingPlatform.render("demo-ku",
          "B20261201-0000000001", List.of(new FakeAccountingPlatform.Payment("demo-ku", "P-1", "波〜商店", 110_000),
              new FakeAccountingPlatform.Payment("demo-ku", "P-2", "口座閉鎖商店", 5_000))));

      Path answer = exchange.resolve("accounting-ack/inbox/demo-ku/ack-B20261201-0000000001.csv");
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(answer));
      String today = LocalDate.now(JapanTime.ZONE).toString().replace("-", "");
      assertThat(Files.readString(answer, StandardCharsets.US_ASCII))
          .isEqualTo("P-1,PAID," + today + ",110000\r\nP-2,FAILED,,0\r\n");
      assertThat(exchange.resolve("accounting-export/taken/payment-demo-ku-B20261201-0000000001.dat")).exists();
      assertThat(outbox.resolve("payment-demo-ku-B20261201-0000000001.dat")).doesNotExist();
    } finally {
      camel.stop();
    }
  }
}
