package jp.tetsuzuki.processes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The expiring login throttle as a table of attempts: who tries what when, and what they get. */
class LoginThrottleTest {

  /** 3 failures per source, 5 per account, in 10-minute windows, blocked for 10 minutes, trust for an hour. */
  private static final LoginThrottle.Limits LIMITS = new LoginThrottle.Limits(3, 5, Duration.ofMinutes(10),
      Duration.ofMinutes(10), Duration.ofHours(1), 100, 100, 2);

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle = new LoginThrottle(LIMITS, clock);

  /** One step: at minute {@code at}, {@code source} tries {@code account}; expected verdict before the attempt. */
  record Step(int at, String source, String account, boolean ok, String expected) {}

  static Step fail(int at, String source, String account, String expected) {
    return new Step(at, source, account, false, expected);
  }

  static Step ok(int at, String source, String account, String expected) {
    return new Step(at, source, account, true, expected);
  }

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("a source is throttled after its limit, for the block time, then works again", List.of(
            fail(0, "203.0.113.1", "worker", "allow"),
            fail(0, "203.0.113.1", "worker", "allow"),
            fail(0, "203.0.113.1", "worker", "allow"),
            ok(0, "203.0.113.1", "worker", "SOURCE"),
            ok(9, "203.0.113.1", "worker", "SOURCE"),
            ok(10, "203.0.113.1", "worker", "allow"))),
        Arguments.of("failures spread over more than a window never throttle", List.of(
            fail(0, "203.0.113.1", "admin", "allow"),
            fail(1, "203.0.113.1", "admin", "allow"),
            fail(10, "203.0.113.1", "admin", "allow"),
            fail(11, "203.0.113.1", "admin", "allow"),
            fail(20, "203.0.113.1", "admin", "allow"),
            ok(21, "203.0.113.1", "admin", "allow"))),
        Arguments.of("a throttled source does not throttle other sources of the same account", List.of(
            fail(0, "203.0.113.1", "api-client", "allow"),
            fail(0, "203.0.113.1", "api-client", "allow"),
            fail(0, "203.0.113.1", "api-client", "allow"),
            ok(0, "203.0.113.1", "api-client", "SOURCE"),
            ok(0, "198.51.100.7", "api-client", "allow"))),
        Arguments.of("an account attacked from many sources throttles new sources but not a trusted one", List.of(
            ok(0, "127.0.0.1", "worker", "allow"),
            fail(1, "203.0.113.1", "worker", "allow"),
            fail(1, "203.0.113.2", "worker", "allow"),
            fail(1, "203.0.113.3", "worker", "allow"),
            fail(1, "203.0.113.4", "worker", "allow"),
            fail(1, "203.0.113.5", "worker", "allow"),
            ok(2, "198.51.100.7", "worker", "ACCOUNT"),
            ok(2, "127.0.0.1", "worker", "allow"),
            ok(11, "198.51.100.7", "worker", "allow"))),
        Arguments.of("a trusted source that fails loses its trust (no free guesses from there)", List.of(
            ok(0, "192.0.2.9", "worker", "allow"),
            fail(1, "203.0.113.1", "worker", "allow"),
            fail(1, "203.0.113.2", "worker", "allow"),
            fail(1, "203.0.113.3", "worker", "allow"),
            fail(1, "203.0.113.4", "worker", "allow"),
            fail(1, "203.0.113.5", "worker", "allow"),
            fail(2, "192.0.2.9", "worker", "allow"),
            ok(2, "192.0.2.9", "worker", "ACCOUNT"))),
        Arguments.of("trust expires", List.of(
            ok(0, "192.0.2.9", "admin", "allow"),
            fail(61, "203.0.113.1", "admin", "allow"),
            fail(61, "203.0.113.2", "admin", "allow"),
            fail(61, "203.0.113.3", "admin", "allow"),
            fail(61, "203.0.113.4", "admin", "allow"),
            fail(61, "203.0.113.5", "admin", "allow"),
            ok(62, "192.0.2.9", "admin", "ACCOUNT"))),
        Arguments.of("guesses at accounts that do not exist count for the source only", List.of(
            fail(0, "203.0.113.1", null, "allow"),
            fail(0, "203.0.113.2", null, "allow"),
            fail(0, "203.0.113.3", null, "allow"),
            fail(0, "203.0.113.4", null, "allow"),
            fail(0, "203.0.113.5", null, "allow"),
            ok(0, "198.51.100.7", "staff-ku", "allow"))),
        Arguments.of("account names are counted case-insensitively", List.of(
            fail(0, "203.0.113.1", "Worker", "allow"),
            fail(0, "203.0.113.2", "WORKER", "allow"),
            fail(0, "203.0.113.3", "worker", "allow"),
            fail(0, "203.0.113.4", "wOrker", "allow"),
            fail(0, "203.0.113.5", "worKer", "allow"),
            ok(0, "198.51.100.7", "worker", "ACCOUNT"))),
        Arguments.of("IPv6 sources are counted per /64", List.of(
            fail(0, "2001:db8:1:2::1", "admin", "allow"),
            fail(0, "2001:db8:1:2::2", "admin", "allow"),
            fail(0, "2001:db8:1:2:ffff::3", "admin", "allow"),
            ok(0, "2001:db8:1:2::4", "admin", "SOURCE"),
            ok(0, "2001:db8:1:3::1", "admin", "allow"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void attemptsGetTheExpectedVerdict(String scenario, List<Step> steps) {
    for (Step step : steps) {
      clock.set(Duration.ofMinutes(step.at()));
      LoginThrottle.Decision decision = throttle.check(step.source(), step.account());
      String verdict = decision.allowed() ? "allow" : decision.reason().name();
      assertThat(verdict).as("%s at minute %d: %s as %s", scenario, step.at(), step.source(), step.account())
          .isEqualTo(step.expected());
      if (!decision.allowed()) {
        continue;
      }
      if (step.ok()) {
        throttle.recordSuccess(step.source(), step.account());
      } else {
        throttle.recordFailure(step.source(), step.account());
      }
    }
  }

  @Test
  void retryAfterCountsDownToTheEndOfTheBlock() {
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("203.0.113.1", "admin");
    }
    assertThat(throttle.check("203.0.113.1", "admin").retryAfterSeconds()).isEqualTo(600);
    clock.set(Duration.ofMinutes(9).plusSeconds(59).plusMillis(500));
    assertThat(throttle.check("203.0.113.1", "admin").retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void memoryIsBoundedByTheCaps() {
    LoginThrottle small = new LoginThrottle(new LoginThrottle.Limits(3, 5, Duration.ofMinutes(10),
        Duration.ofMinutes(10), Duration.ofHours(1), 50, 20, 2), clock);
    for (int i = 0; i < 10_000; i++) {
      String source = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
      small.recordFailure(source, "user-" + i);
      small.recordSuccess(source, "other-" + i);
    }
    assertThat(small.trackedSources()).isEqualTo(50);
    assertThat(small.trackedAccounts()).isEqualTo(20);
  }

  @Test
  void theAttackedSourceIsRememberedWhileItKeepsTrying() {
    LoginThrottle small = new LoginThrottle(new LoginThrottle.Limits(3, 5, Duration.ofMinutes(10),
        Duration.ofMinutes(10), Duration.ofHours(1), 10, 10, 2), clock);
    for (int i = 0; i < 3; i++) {
      small.recordFailure("203.0.113.1", "admin");
    }
    // many other sources come and go; the blocked one is still refused when it comes back (least recently used
    // entries are forgotten first, and every refused attempt counts as use)
    for (int i = 0; i < 100; i++) {
      small.recordFailure("198.51.100." + (i % 9), null);
      assertThat(small.check("203.0.113.1", "admin").allowed()).isFalse();
    }
  }

  @Test
  void limitsMustBeSensible() {
    assertThatThrownBy(() -> new LoginThrottle.Limits(0, 5, Duration.ofMinutes(1), Duration.ofMinutes(1),
        Duration.ZERO, 1, 1, 1)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new LoginThrottle.Limits(1, 5, Duration.ZERO, Duration.ofMinutes(1),
        Duration.ZERO, 1, 1, 1)).hasMessageContaining("positive");
  }

  @Test
  void sourcesAreNormalised() {
    assertThat(LoginThrottle.sourceKey("203.0.113.1")).isEqualTo("203.0.113.1");
    assertThat(LoginThrottle.sourceKey("2001:db8:0:1:2:3:4:5")).isEqualTo(LoginThrottle.sourceKey("2001:db8:0:1::9"));
    assertThat(LoginThrottle.sourceKey("::ffff:203.0.113.1")).isEqualTo("203.0.113.1");
    assertThat(LoginThrottle.sourceKey(null)).isEqualTo("unknown");
    assertThat(LoginThrottle.sourceKey("not:an:address:zz")).isEqualTo("not:an:address:zz");
    assertThat(LoginThrottle.sourceKey("1.2.3.4\nforged log line")).isEqualTo("invalid");
  }

  /** A clock the test sets to minutes after a fixed start. */
  static final class MutableClock extends Clock {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private volatile Instant now = START;

    void set(Duration sinceStart) {
      now = START.plus(sinceStart);
    }

    @Override public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override public Instant instant() {
      return now;
    }
  }
}
