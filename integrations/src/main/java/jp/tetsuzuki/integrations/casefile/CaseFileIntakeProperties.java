package jp.tetsuzuki.integrations.casefile;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.bpmn.ApprovalCirculation;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.bpmn.ApprovalSubstituteRegistration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the case-file intake route ({@code tetsuzuki.integrations.case-file}).
 *
 * @param processKeys models a case file may start (allow-list); anything else is rejected with a reason
 * @param serviceUser the service identity the route starts cases as (group {@code integrations}, no password login)
 * @param tenants the tenants that identity serves (the platform makes it a member of exactly these)
 * @param claimExpiry how long a file claim of a node that stopped refreshing it (crashed) holds the file
 * @param claimKeepAlive how often a working node refreshes its file claims (must be shorter than the expiry)
 * @param claimReleaseDelay how long a finished file's claim is kept after the file moved, so that a node which listed
 *     the folder just before the move does not take the file again
 */
@ConfigurationProperties("tetsuzuki.integrations.case-file")
public record CaseFileIntakeProperties(
    @DefaultValue({"connectivity-check", "administrative-procedure"}) List<String> processKeys,
    @DefaultValue("svc-case-file-intake") String serviceUser,
    @DefaultValue List<String> tenants,
    @DefaultValue("2m") Duration claimExpiry,
    @DefaultValue("30s") Duration claimKeepAlive,
    @DefaultValue("2s") Duration claimReleaseDelay) {

  /**
   * Models that must never start from a file: the approval models are started by the platform with the data of
   * their case.
   */
  public static final Set<String> NEVER_FROM_FILES = Set.of(ApprovalRoute.ID, ApprovalCirculation.ID,
      ApprovalSubstituteRegistration.ID);

  /**
   * A file for this model is an application: it is submitted to the platform's application service (its checks, its
   * record, its idempotency), never started as a bare case.
   */
  public static final String APPLICATIONS = AdministrativeProcedure.ID;

  public CaseFileIntakeProperties {
    processKeys = processKeys == null ? List.of() : processKeys.stream().map(String::trim)
        .filter(key -> !key.isEmpty()).distinct().toList();
    tenants = tenants == null ? List.of() : tenants.stream().map(String::trim)
        .filter(tenant -> !tenant.isEmpty()).distinct().toList();
    for (String key : processKeys) {
      if (NEVER_FROM_FILES.contains(key)) {
        throw new IllegalArgumentException("tetsuzuki.integrations.case-file.process-keys: '" + key
            + "' cannot be started from a case file (approvals are started by their case)");
      }
    }
    if (serviceUser == null || serviceUser.isBlank()) {
      throw new IllegalArgumentException("tetsuzuki.integrations.case-file.service-user is required");
    }
    if (claimKeepAlive == null || claimExpiry == null || claimKeepAlive.isNegative() || claimKeepAlive.isZero()
        || claimExpiry.compareTo(claimKeepAlive.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("tetsuzuki.integrations.case-file.claim-expiry must be at least twice"
          + " claim-keep-alive (a live node refreshes its claims before they expire)");
    }
    if (claimReleaseDelay == null || claimReleaseDelay.isNegative()) {
      throw new IllegalArgumentException("tetsuzuki.integrations.case-file.claim-release-delay must not be negative");
    }
  }

  /** Whether the route may start {@code processKey}. */
  public boolean allows(String processKey) {
    return processKeys.contains(processKey);
  }
}
