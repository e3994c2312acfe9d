package jp.tetsuzuki.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import jp.tetsuzuki.workers.notification.NotificationLog.Claim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcNotificationLogTest {

  private static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(2);
  private JdbcNotificationLog log;

  @BeforeEach
  void database() throws Exception {
    log = new JdbcNotificationLog(NotificationDatabase.create());
  }

  @Test
  void theFirstClaimSendsAndASecondWhileItIsSendingWaits() {
    assertThat(log.claim("pi-1:application-received", T0, LEASE)).isEqualTo(Claim.SEND);
    assertThat(log.claim("pi-1:application-received", T0.plusSeconds(30), LEASE)).isEqualTo(Claim.IN_PROGRESS);
    assertThat(log.claim("pi-2:application-received", T0, LEASE)).isEqualTo(Claim.SEND);
  }

  @Test
  void onceMarkedSentEveryLaterClaimIsAlreadySentEvenAfterTheLease() {
    log.claim("pi-1:application-received", T0, LEASE);
    log.markSent("pi-1:application-received", "<id@x>", T0.plusSeconds(1));

    assertThat(log.claim("pi-1:application-received", T0.plusSeconds(2), LEASE)).isEqualTo(Claim.ALREADY_SENT);
    assertThat(log.claim("pi-1:application-received", T0.plus(Duration.ofDays(30)), LEASE))
        .isEqualTo(Claim.ALREADY_SENT);
  }

  @Test
  void aClaimLeftByACrashedDeliveryIsTakenOverOnceWhenItsLeaseEnds() {
    log.claim("pi-1:application-received", T0, LEASE);

    Instant later = T0.plus(LEASE).plusSeconds(1);
    assertThat(log.claim("pi-1:application-received", later, LEASE)).isEqualTo(Claim.SEND_IN_DOUBT);
    assertThat(log.claim("pi-1:application-received", later, LEASE)).isEqualTo(Claim.IN_PROGRESS);
  }

  @Test
  void aReleasedClaimCanBeClaimedAgain() {
    log.claim("pi-1:application-received", T0, LEASE);
    log.release("pi-1:application-received");

    assertThat(log.claim("pi-1:application-received", T0.plusSeconds(1), LEASE)).isEqualTo(Claim.SEND);
  }

  @Test
  void releaseNeverForgetsAMailThatWasSent() {
    log.claim("pi-1:application-received", T0, LEASE);
    log.markSent("pi-1:application-received", "<id@x>", T0);
    log.release("pi-1:application-received");

    assertThat(log.claim("pi-1:application-received", T0.plusSeconds(1), LEASE)).isEqualTo(Claim.ALREADY_SENT);
  }
}
