package jp.tetsuzuki.processes.approval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ApprovalStore} in maps, for tests of the route's rules without a database. Not thread-safe. */
final class InMemoryApprovalStore implements ApprovalStore {

  private final Map<String, ApprovalCase> cases = new HashMap<>();
  private final Map<String, List<RouteStep>> steps = new HashMap<>();
  private final Map<String, List<ActionRecord>> actions = new HashMap<>();
  private final Map<String, Document> documents = new HashMap<>();

  @Override
  public void insert(ApprovalCase c) {
    if (cases.putIfAbsent(c.processInstanceId(), c) != null) {
      throw new IllegalStateException("route " + c.processInstanceId() + " exists"); // the table's primary key
    }
  }

  @Override
  public void update(ApprovalCase c) {
    if (cases.replace(c.processInstanceId(), c) == null) {
      throw new IllegalStateException("no route " + c.processInstanceId());
    }
  }

  @Override
  public Optional<ApprovalCase> find(String processInstanceId) {
    return Optional.ofNullable(cases.get(processInstanceId));
  }

  @Override
  public void saveSteps(String processInstanceId, List<RouteStep> newSteps) {
    List<RouteStep> sorted = new ArrayList<>(newSteps);
    sorted.sort((a, b) -> a.position() != b.position() ? Integer.compare(a.position(), b.position())
        : Integer.compare(a.participant(), b.participant()));
    steps.put(processInstanceId, List.copyOf(sorted));
  }

  @Override
  public List<RouteStep> steps(String processInstanceId) {
    return steps.getOrDefault(processInstanceId, List.of());
  }

  @Override
  public void record(String processInstanceId, String tenantId, ActionRecord a) {
    List<ActionRecord> log = actions.computeIfAbsent(processInstanceId, k -> new ArrayList<>());
    log.add(new ActionRecord(log.size() + 1, a.position(), a.stepKind(), a.action(), a.actorId(), a.onBehalfOf(),
        a.comment(), a.targetPosition(), a.actedAt()));
  }

  @Override
  public List<ActionRecord> actions(String processInstanceId) {
    return List.copyOf(actions.getOrDefault(processInstanceId, List.of()));
  }

  @Override
  public void saveDocument(String processInstanceId, Document document) {
    documents.put(processInstanceId, document);
  }

  @Override
  public Optional<Document> document(String processInstanceId) {
    return Optional.ofNullable(documents.get(processInstanceId));
  }
}
