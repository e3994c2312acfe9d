package jp.tetsuzuki.integrations.casefile;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tetsuzuki.integrations.port.ProcessGateway;

/**
 * The engine's side of the port as the route sees it: tenants the identity serves, one case per tenant, model and
 * business key, and a log of every call.
 */
class FakeProcessGateway implements ProcessGateway {

  record Call(String serviceUser, String processKey, String tenantId, String businessKey,
      Map<String, Object> variables) {}

  /** The process key recorded for {@link #submitApplication}. */
  static final String APPLICATION = "submitApplication";

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Set<String> servedTenants;
  private final Map<String, String> cases = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  FakeProcessGateway(Set<String> servedTenants) {
    this.servedTenants = servedTenants;
  }

  @Override
  public synchronized StartResult startOnce(String serviceUser, String processKey, String tenantId,
      String businessKey, Map<String, Object> variables) {
    calls.add(new Call(serviceUser, processKey, tenantId, businessKey, variables));
    if (!servedTenants.contains(tenantId)) {
      throw new IllegalArgumentException("取込用サービスID「" + serviceUser + "」はテナント「" + tenantId
          + "」を担当していないため、案件を開始できません");
    }
    String claim = tenantId + "/" + processKey + "/" + businessKey;
    String earlier = cases.get(claim);
    if (earlier != null) {
      return new StartResult(earlier, false);
    }
    String id = "pi-" + ids.incrementAndGet();
    cases.put(claim, id);
    return new StartResult(id, true);
  }

  @Override
  public StartResult submitApplication(String serviceUser, String tenantId, String businessKey,
      Map<String, Object> application) {
    // recorded apart from case starts: the route must hand an application to the application service
    return startOnce(serviceUser, APPLICATION, tenantId, businessKey, application);
  }

  long started() {
    return cases.size();
  }
}
