package jp.tetsuzuki.integrations.municipalcsv;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway;

/**
 * The platform's side of the port as the route sees it (shared by the nodes of a test): one application per service
 * identity, tenant and externalId, refusals the application service would give for a few fields, and a log.
 */
class FakeBatchApplications implements BatchApplicationGateway {

  record Call(String node, String serviceUser, String tenantId, String externalId, Row row) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  /** key → how many times it was registered (must stay 1). */
  final Map<String, AtomicInteger> registrations = new ConcurrentHashMap<>();
  final Map<String, Row> applications = new ConcurrentHashMap<>();
  private final Set<String> procedures;

  FakeBatchApplications(Set<String> procedures) {
    this.procedures = procedures;
  }

  /** The gateway as one node calls it (the node's name is logged with each call). */
  BatchApplicationGateway as(String node) {
    return (user, tenant, externalId, row) -> submit(node, user, tenant, externalId, row);
  }

  @Override
  public Result submitRow(String serviceUser, String tenantId, String externalId, Row row) {
    return submit("single", serviceUser, tenantId, externalId, row);
  }

  private Result submit(String node, String serviceUser, String tenantId, String externalId, Row row) {
    calls.add(new Call(node, serviceUser, tenantId, externalId, row));
    if (row.procedureCode() == null || !procedures.contains(row.procedureCode())) {
      throw new Refused("procedureCode", "手続「" + row.procedureCode() + "」はありません。");
    }
    if (!row.applicant().containsKey("name")) {
      throw new Refused("applicant.name", "申請者の氏名・名称を入力してください。");
    }
    if (row.receivedOn() != null && row.receivedOn().compareTo("2099-01-01") > 0) {
      throw new Refused("receivedOn", "到達日に未来の日付は指定できません。");
    }
    String area = row.data().get("occupancyArea");
    if (area != null && !area.matches("\\d+(\\.\\d+)?")) {
      throw new Refused("data.occupancyArea", "「占用面積（平方メートル）」は0\u301C1兆の数値で入力してください。");
    }
    String key = serviceUser + "/" + tenantId + "/" + externalId;
    synchronized (this) {
      Row earlier = applications.putIfAbsent(key, row);
      if (earlier != null) {
        if (!earlier.equals(row)) {
          throw new Refused("Idempotency-Key", "この externalId は別の内容の行で既に登録されています。");
        }
        return new Result("app-" + key, "pi-" + key, false);
      }
      registrations.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
    return new Result("app-" + key, "pi-" + key, true);
  }
}
