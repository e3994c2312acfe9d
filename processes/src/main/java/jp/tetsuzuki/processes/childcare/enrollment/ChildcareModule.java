package jp.tetsuzuki.processes.childcare.enrollment;

import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.tetsuzuki.processes.childcare.points.HouseholdPoints;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import jp.tetsuzuki.processes.childcare.round.ChildcareRoundSteps;
import jp.tetsuzuki.processes.childcare.round.RoundStore;
import jp.tetsuzuki.processes.childcare.nursery.CapacityStore;
import jp.tetsuzuki.processes.childcare.nursery.NurseryDeliverySteps;
import jp.tetsuzuki.processes.childcare.nursery.NurseryOutboxWriter;

/** Wires the childcare enrollment services the same way for the platform and for the model tests. */
public final class ChildcareModule {

  private final ChildcareStore store;
  private final HouseholdPoints points;
  private final ChildcareEnrollmentSteps steps;
  private final ChildcareRoundSteps roundSteps;
  private final CapacityStore capacities;
  private final NurseryDeliverySteps nurserySteps;

  public ChildcareModule(DataSource dataSource, Supplier<DecisionService> decisions,
      Supplier<RepositoryService> repository, Supplier<RuntimeService> runtime,
      Supplier<org.camunda.bpm.engine.IdentityService> identity) {
    this.store = new ChildcareStore(dataSource);
    this.points = new HouseholdPoints(new EnginePointsDecisions(decisions, repository, identity));
    this.steps = new ChildcareEnrollmentSteps(store, points);
    this.capacities = new CapacityStore(dataSource);
    this.roundSteps = new ChildcareRoundSteps(store, new RoundStore(dataSource),
        new RoundResults(store, runtime), capacities);
    this.nurserySteps = new NurseryDeliverySteps(store, new RoundStore(dataSource), capacities,
        new NurseryOutboxWriter(dataSource));
  }

  public ChildcareRoundSteps roundSteps() {
    return roundSteps;
  }

  /** The places the nursery systems reported (V75), the round's capacity source. */
  public CapacityStore capacities() {
    return capacities;
  }

  /** The steps that write offers and enrollments to the nursery outbox. */
  public NurseryDeliverySteps nurserySteps() {
    return nurserySteps;
  }

  public ChildcareStore store() {
    return store;
  }

  public HouseholdPoints points() {
    return points;
  }

  public ChildcareEnrollmentSteps steps() {
    return steps;
  }
}
