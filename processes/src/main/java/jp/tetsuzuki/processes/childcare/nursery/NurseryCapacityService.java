package jp.tetsuzuki.processes.childcare.nursery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.processes.identity.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places (募集人数) reported by a nursery system, through the push endpoint or the pull route, one entry path for
 * both: the caller must be a nursery system's machine account (group {@code nursery-systems}, no administrator,
 * member of the tenant) and may report only the facilities its system serves for that tenant; the snapshot is checked
 * whole ({@link CapacityRules}) and stored whole or not at all, with a history row per changed count. A snapshot key
 * seen before for the system answers the first result and changes nothing (a different body under it: 422).
 */
public class NurseryCapacityService {

  /** @param replayed the key had been used before with the same body */
  public record Result(int entries, int changed, boolean replayed) {}

  private final CapacityStore store;
  private final IdentityService identity;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public NurseryCapacityService(CapacityStore store, IdentityService identity, TransactionTemplate transactions,
      Clock clock) {
    this.store = store;
    this.identity = identity;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Result submit(String account, String tenantId, String snapshotKey, List<CapacityRules.Entry> entries) {
    if (snapshotKey == null || snapshotKey.isBlank() || snapshotKey.length() > 160) {
      throw ApiException.invalid("Idempotency-Key", "Idempotency-Key header: required, 1 to 128 characters",
          "Idempotency-Key ヘッダー（1〜128文字）を指定してください。");
    }
    if (tenantId == null || tenantId.isBlank()) {
      throw ApiException.invalid("tenantId", "tenantId: required", "自治体（tenantId）を指定してください。");
    }
    checkAccount(account, tenantId);
    List<String> systems = store.systemsOf(account, tenantId);
    if (systems.isEmpty()) {
      throw new ApiException(403, "tenantId", "tenantId: no nursery system of this tenant reports as " + account,
          "このアカウントはこの自治体の保育施設システムとして登録されていません。");
    }
    String system = systems.get(0);
    Set<String> served = store.facilities(tenantId).stream().filter(f -> systems.contains(f.systemId()))
        .map(CapacityStore.FacilityRow::facilityId).collect(Collectors.toSet());
    CapacityRules.Problem problem = CapacityRules.check(entries, served,
        java.time.YearMonth.now(clock.withZone(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE)));
    if (problem != null) {
      throw ApiException.invalid(problem.field(), problem.message(), problem.messageJa());
    }
    String sha = sha256(entries);
    var before = store.snapshot(system, snapshotKey);
    if (before.isPresent()) {
      return replay(before.get(), sha, tenantId);
    }
    try {
      return store(account, tenantId, snapshotKey, entries, system, sha);
    } catch (DuplicateKeyException raced) {
      var first = store.snapshot(system, snapshotKey);
      if (first.isPresent()) {
        // the same key from another request (or node) at the same moment: its result stands
        return replay(first.get(), sha, tenantId);
      }
      // another snapshot inserted the same place count first: once more, now as an update
      return store(account, tenantId, snapshotKey, entries, system, sha);
    }
  }

  private Result store(String account, String tenantId, String snapshotKey, List<CapacityRules.Entry> entries,
      String system, String sha) {
    // one transaction: the snapshot's key, its place counts and their history, or nothing
    return transactions.execute(tx -> {
      var now = clock.instant();
      store.insertSnapshot(new CapacityStore.SnapshotRow(system, snapshotKey, tenantId, sha, entries.size(), 0),
          account, now);
      int changed = 0;
      for (CapacityRules.Entry e : entries) {
        if (store.set(tenantId, e.facilityId(), e.admissionMonth(), e.classAge(), e.capacity(), snapshotKey,
            account, now)) {
          changed++;
        }
      }
      store.snapshotChanged(system, snapshotKey, changed);
      return new Result(entries.size(), changed, false);
    });
  }

  private static Result replay(CapacityStore.SnapshotRow before, String sha, String tenantId) {
    if (!before.requestSha256().equals(sha) || !before.tenantId().equals(tenantId)) {
      throw new ApiException(422, "Idempotency-Key", "Idempotency-Key: used before with a different body",
          "この Idempotency-Key は別の内容で使われています。新しいキーで送ってください。");
    }
    return new Result(before.entries(), 0, true);
  }

  private void checkAccount(String account, String tenantId) {
    boolean ok = AsPlatform.call(identity, () -> {
      List<String> groups = identity.createGroupQuery().groupMember(account).list().stream().map(Group::getId)
          .toList();
      return groups.contains(Roles.NURSERY_SYSTEMS) && !groups.contains(Roles.ADMINISTRATORS)
          && identity.createTenantQuery().userMember(account).tenantId(tenantId).count() == 1;
    });
    if (!ok) {
      throw new ApiException(403, "tenantId", "tenantId: the caller is not a nursery system of this tenant "
          + "(group " + Roles.NURSERY_SYSTEMS + ", member of the tenant, no administrator)",
          "この自治体の保育施設システムのアカウントではありません。");
    }
  }

  /** The body's digest, independent of entry order. */
  static String sha256(List<CapacityRules.Entry> entries) {
    String canonical = entries.stream().sorted(Comparator.comparing(CapacityRules.Entry::facilityId)
        .thenComparing(CapacityRules.Entry::admissionMonth).thenComparing(CapacityRules.Entry::classAge))
        .map(e -> e.facilityId() + "|" + e.admissionMonth() + "|" + e.classAge() + "|" + e.capacity())
        .collect(Collectors.joining("\n"));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
