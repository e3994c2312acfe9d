package jp.tetsuzuki.integrations.nursery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.tetsuzuki.integrations.port.NurseryCapacityGateway;

/**
 * The platform's capacity service as the pull route sees it: it records every call, refuses a facility the system
 * does not serve (as the real service does, naming the entry) and answers a key seen before as a replay.
 */
final class FakeCapacities implements NurseryCapacityGateway {

  record Call(String account, String tenantId, String key, List<Entry> entries) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Set<String> facilities;
  private final Map<String, Integer> seen = new ConcurrentHashMap<>();

  FakeCapacities(Set<String> facilities) {
    this.facilities = facilities;
  }

  @Override
  public Result submit(String account, String tenantId, String snapshotKey, List<Entry> entries) {
    calls.add(new Call(account, tenantId, snapshotKey, entries));
    for (int i = 0; i < entries.size(); i++) {
      if (!facilities.contains(entries.get(i).facilityId())) {
        throw new Refused("capacities[" + i + "].facilityId", (i + 1) + "件目: 保育所ID「" + entries.get(i).facilityId()
            + "」はこの自治体でこのシステムが担当する施設ではありません。");
      }
    }
    boolean replayed = seen.putIfAbsent(snapshotKey, entries.size()) != null;
    return new Result(entries.size(), replayed ? 0 : entries.size(), replayed);
  }
}
