package jp.tetsuzuki.processes.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expiring login throttle of one node, in place of the engine's permanent lockout. Failed logins are counted per
 * source address and per existing account in fixed windows; a source or account that reaches its limit is refused
 * (429) until its block expires by itself. A source that logged in successfully as an account keeps working for
 * that account while the account is under attack from elsewhere, until it fails once itself, so an attack neither
 * locks the in-JVM worker out nor gives the attacker extra guesses.
 *
 * <p>Memory is bounded: at most {@link Limits#maxSources()} sources and {@link Limits#maxAccounts()} accounts are
 * tracked (least recently used forgotten first), each account with at most {@link Limits#maxTrustedSourcesPerAccount()}
 * trusted sources. IPv6 sources are counted per /64 network, which one subscriber usually holds whole.
 */
public final class LoginThrottle {

  /**
   * Request attribute set by a filter that refused a login before any password was checked (a machine account at the
   * webapps' login): no password was tried, so it is no failure of the source or the account (second attacker pass
   * N12: an operator's right password for {@code api-client} counted towards blocking the whole office's address).
   */
  public static final String REFUSED_UNCHECKED = "tetsuzuki.login.refusedUnchecked";

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Za-z.:%\\[\\]_-]+");

  /** Limits of the throttle; all durations positive, all counts at least 1. */
  public record Limits(int maxFailuresPerSource, int maxFailuresPerAccount, Duration window, Duration block,
      Duration trust, int maxSources, int maxAccounts, int maxTrustedSourcesPerAccount) {
    public Limits {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(block, "block");
      Objects.requireNonNull(trust, "trust");
      if (maxFailuresPerSource < 1 || maxFailuresPerAccount < 1 || maxSources < 1 || maxAccounts < 1
          || maxTrustedSourcesPerAccount < 1) {
        throw new IllegalArgumentException("login throttle limits must be at least 1");
      }
      if (window.isNegative() || window.isZero() || block.isNegative() || block.isZero() || trust.isNegative()) {
        throw new IllegalArgumentException("login throttle window and block must be positive durations");
      }
    }
  }

  /** Why a login is refused. */
  public enum Reason { SOURCE, ACCOUNT }

  /** The answer to "may this source try this account now?". */
  public record Decision(boolean allowed, Reason reason, Duration retryAfter) {
    static final Decision ALLOW = new Decision(true, null, Duration.ZERO);

    /** Whole seconds to wait, at least one (the value of {@code Retry-After}). */
    public long retryAfterSeconds() {
      long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
      return Math.max(1, seconds);
    }
  }

  private static final class Counter {
    Instant windowStart;
    int failures;
    Instant blockedUntil = Instant.MIN;
  }

  private static final class AccountState {
    final Counter counter = new Counter();
    final LinkedHashMap<String, Instant> trustedUntil = new LinkedHashMap<>(4, 0.75f, true);
  }

  private final Limits limits;
  private volatile Clock clock;
  private final Map<String, Counter> sources;
  private final Map<String, AccountState> accounts;

  public LoginThrottle(Limits limits, Clock clock) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sources = lru(limits.maxSources());
    this.accounts = lru(limits.maxAccounts());
  }

  public Limits limits() {
    return limits;
  }

  /** May {@code source} try to log in as {@code account} now? Does not count anything. */
  public synchronized Decision check(String source, String account) {
    Instant now = clock.instant();
    String sourceKey = sourceKey(source);
    AccountState state = account == null ? null : accounts.get(accountKey(account));
    if (state != null && isTrusted(state, sourceKey, now)) {
      return Decision.ALLOW;
    }
    Counter bySource = sources.get(sourceKey);
    if (bySource != null && bySource.blockedUntil.isAfter(now)) {
      return new Decision(false, Reason.SOURCE, Duration.between(now, bySource.blockedUntil));
    }
    if (state != null && state.counter.blockedUntil.isAfter(now)) {
      return new Decision(false, Reason.ACCOUNT, Duration.between(now, state.counter.blockedUntil));
    }
    return Decision.ALLOW;
  }

  /**
   * Counts a failed login of {@code source}; {@code account} is the account tried if it exists ({@code null}
   * otherwise: guesses at names that do not exist cannot hurt an account and must not crowd real ones out).
   */
  public synchronized void recordFailure(String source, String account) {
    Instant now = clock.instant();
    String sourceKey = sourceKey(source);
    if (count(sources.computeIfAbsent(sourceKey, k -> new Counter()), limits.maxFailuresPerSource(), now)) {
      LOG.warn("Login throttle: source {} refused for {} after {} failed logins", sourceKey, limits.block(),
          limits.maxFailuresPerSource());
    }
    if (account != null) {
      AccountState state = accounts.computeIfAbsent(accountKey(account), k -> new AccountState());
      state.trustedUntil.remove(sourceKey);
      if (count(state.counter, limits.maxFailuresPerAccount(), now)) {
        LOG.warn("Login throttle: account '{}' refused to untrusted sources for {} after {} failed logins",
            accountKey(account), limits.block(), limits.maxFailuresPerAccount());
      }
    }
  }

  /** Remembers that {@code source} knows the password of {@code account}. Counters are not reset. */
  public synchronized void recordSuccess(String source, String account) {
    if (account == null || limits.trust().isZero()) {
      return;
    }
    AccountState state = accounts.computeIfAbsent(accountKey(account), k -> new AccountState());
    state.trustedUntil.put(sourceKey(source), clock.instant().plus(limits.trust()));
    while (state.trustedUntil.size() > limits.maxTrustedSourcesPerAccount()) {
      Iterator<String> eldest = state.trustedUntil.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  /** Number of tracked sources and accounts (for tests and metrics). */
  public synchronized int trackedSources() {
    return sources.size();
  }

  public synchronized int trackedAccounts() {
    return accounts.size();
  }

  /** Test seam: platform tests move time forward without sleeping. */
  synchronized void useClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Test seam: forgets every counter, block and trusted source. */
  synchronized void forgetAll() {
    sources.clear();
    accounts.clear();
  }

  /** Counts one failure; true when this failure starts a block. */
  private boolean count(Counter counter, int max, Instant now) {
    if (counter.windowStart == null || !now.isBefore(counter.windowStart.plus(limits.window()))) {
      counter.windowStart = now;
      counter.failures = 0;
    }
    counter.failures++;
    if (counter.failures < max) {
      return false;
    }
    boolean starts = !counter.blockedUntil.isAfter(now);
    Instant until = now.plus(limits.block());
    if (until.isAfter(counter.blockedUntil)) {
      counter.blockedUntil = until;
    }
    // a new window starts after the block: the next failure after it counts from one again
    counter.windowStart = null;
    return starts;
  }

  private static boolean isTrusted(AccountState state, String sourceKey, Instant now) {
    Instant until = state.trustedUntil.get(sourceKey);
    if (until == null) {
      return false;
    }
    if (!until.isAfter(now)) {
      state.trustedUntil.remove(sourceKey);
      return false;
    }
    return true;
  }

  private static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  private static String accountKey(String account) {
    // some databases compare user ids case-insensitively: count ADMIN and admin as one account
    return account.toLowerCase(Locale.ROOT);
  }

  /** IPv4 as is, IPv6 per /64 network; anything unparsable as given. */
  static String sourceKey(String source) {
    if (source == null || source.isBlank()) {
      return "unknown";
    }
    String address = source.trim();
    if (address.length() > 64 || !ADDRESS.matcher(address).matches()) {
      // not an address Tomcat would produce from a socket: one bucket for all such values (and safe to log)
      return "invalid";
    }
    if (address.indexOf(':') < 0) {
      return address;
    }
    try {
      // only literal addresses reach here (Tomcat's remote address): no name lookup happens
      byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]").getAddress();
      if (bytes.length != 16) {
        return InetAddress.getByAddress(bytes).getHostAddress();
      }
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
      }
      return prefix.append(":/64").toString();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
