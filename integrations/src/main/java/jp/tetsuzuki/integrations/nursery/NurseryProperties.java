package jp.tetsuzuki.integrations.nursery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nursery ICT system routes ({@code tetsuzuki.integrations.nursery.*}, README "Nursery ICT systems").
 *
 * @param systems the tenants' nursery systems and the facilities each serves
 * @param pullDelay how often each system with {@code pull=true} is asked for its places
 * @param pullInitialDelay when after the start the first pull runs
 * @param outboxDelay how often the outbox is polled for due messages
 * @param batchSize most messages one poll claims
 * @param maxAttempts attempts of one message before it is given up (dead letter, incident on the case)
 * @param retryDelay delay after the first failed attempt (doubled each time, at most {@code maxRetryDelay})
 * @param maxRetryDelay longest delay between attempts
 * @param lease how long a node holds a claimed message (a crashed node's claim expires after this)
 * @param timeout connect and response timeout of one request
 */
@ConfigurationProperties("tetsuzuki.integrations.nursery")
public record NurseryProperties(
    @DefaultValue List<NurserySystem> systems,
    @DefaultValue("15m") Duration pullDelay,
    @DefaultValue("30s") Duration pullInitialDelay,
    @DefaultValue("5s") Duration outboxDelay,
    @DefaultValue("20") int batchSize,
    @DefaultValue("6") int maxAttempts,
    @DefaultValue("10s") Duration retryDelay,
    @DefaultValue("1h") Duration maxRetryDelay,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("10s") Duration timeout) {

  public NurseryProperties {
    systems = systems == null ? List.of() : List.copyOf(systems);
    if (maxAttempts < 1 || maxAttempts > 50) {
      throw new IllegalArgumentException("tetsuzuki.integrations.nursery.max-attempts must be 1..50");
    }
    if (batchSize < 1 || batchSize > 500) {
      throw new IllegalArgumentException("tetsuzuki.integrations.nursery.batch-size must be 1..500");
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (NurserySystem s : systems) {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("tetsuzuki.integrations.nursery.systems: id " + s.id() + " twice");
      }
    }
  }

  /**
   * One nursery system of one tenant.
   *
   * @param id our id of the system (kebab-case)
   * @param tenantId the municipality it serves
   * @param name its name for staff
   * @param baseUrl its REST base URL: {@code GET {baseUrl}/capacities}, {@code POST {baseUrl}/offers},
   *     {@code POST {baseUrl}/enrollments}
   * @param account the machine account (group {@code nursery-systems}) it pushes with and the pull stores as
   * @param pull whether the platform asks it for places every {@code pullDelay}
   * @param facilities the facilities it serves ({@code id}, {@code name})
   */
  public record NurserySystem(String id, String tenantId, String name, String baseUrl, String account,
      @DefaultValue("false") boolean pull, @DefaultValue List<FacilityEntry> facilities) {

    public NurserySystem {
      if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
        throw new IllegalArgumentException("nursery system id must be kebab-case, at most 64 characters: " + id);
      }
      if (tenantId == null || tenantId.isBlank() || account == null || account.isBlank()) {
        throw new IllegalArgumentException("nursery system " + id + ": tenant-id and account must be set");
      }
      if (baseUrl != null && baseUrl.endsWith("/")) {
        baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
      }
      name = name == null || name.isBlank() ? id : name;
      facilities = facilities == null ? List.of() : List.copyOf(facilities);
    }

    /** The same system at another base URL (the demo's simulator, tests). */
    public NurserySystem at(String otherBaseUrl) {
      return new NurserySystem(id, tenantId, name, otherBaseUrl, account, pull, facilities);
    }
  }

  /** A facility (保育所) a system serves: its id as the municipality numbers it and its name. */
  public record FacilityEntry(String id, String name) {
    public FacilityEntry {
      if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
        throw new IllegalArgumentException("facility id must be 1-64 of A-Z a-z 0-9 _ -: " + id);
      }
      name = name == null || name.isBlank() ? id : name;
    }
  }
}
