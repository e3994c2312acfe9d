package jp.tetsuzuki.processes.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits enforced at the platform's edge. */
@ConfigurationProperties("tetsuzuki.security")
public record SecurityProperties(long maxRequestBytes, int maxQueryResults, long hstsMaxAgeSeconds) {}
