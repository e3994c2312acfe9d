package jp.tetsuzuki.processes.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Accounts the platform itself needs: the administrator and the workers' machine account. */
@ConfigurationProperties("tetsuzuki")
public record PlatformAccounts(Account admin, Account worker) {

  public record Account(String user, String password) {}
}
