package jp.tetsuzuki.integrations.port;

import java.util.List;

/**
 * What the capacity pull route needs to store a nursery system's places (募集人数); the platform implements it with
 * the same service as the push endpoint {@code PUT /api/v1/childcare/capacities}, so a pulled snapshot has the same
 * checks, idempotency and history as a pushed one.
 */
public interface NurseryCapacityGateway {

  /**
   * Stores the snapshot of {@code tenantId} as the nursery system's machine account {@code account} (group
   * {@code nursery-systems}, member of the tenant, bound to the facilities it reports), at most once per system and
   * {@code snapshotKey}: the same snapshot again changes nothing.
   *
   * @throws Refused when an entry or the account is refused; nothing of the snapshot is stored
   */
  Result submit(String account, String tenantId, String snapshotKey, List<Entry> entries);

  /** One place count: facility, admission month {@code YYYY-MM}, class age 0–5, places ≥ 0. */
  record Entry(String facilityId, String admissionMonth, Integer classAge, Integer capacity) {}

  /** @param changed place counts this call changed (0 for a replay or an unchanged snapshot) */
  record Result(int entries, int changed, boolean replayed) {}

  /** A refused snapshot: the field as the API names it ({@code capacities[3].classAge}) and a Japanese sentence. */
  class Refused extends RuntimeException {

    private final String field;

    public Refused(String field, String messageJa) {
      super(messageJa);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }
}
