package jp.tetsuzuki.processes.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the {@link LoginThrottle} ({@code tetsuzuki.security.login-throttle}). */
@ConfigurationProperties("tetsuzuki.security.login-throttle")
public record LoginThrottleProperties(
    @DefaultValue("10") int maxFailuresPerSource,
    @DefaultValue("20") int maxFailuresPerAccount,
    @DefaultValue("15m") Duration window,
    @DefaultValue("15m") Duration block,
    @DefaultValue("24h") Duration trust,
    @DefaultValue("20000") int maxSources,
    @DefaultValue("50000") int maxAccounts,
    @DefaultValue("8") int maxTrustedSourcesPerAccount) {

  LoginThrottle.Limits limits() {
    return new LoginThrottle.Limits(maxFailuresPerSource, maxFailuresPerAccount, window, block, trust, maxSources,
        maxAccounts, maxTrustedSourcesPerAccount);
  }
}
