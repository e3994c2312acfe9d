package jp.tetsuzuki.processes.approval;

import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import org.camunda.bpm.engine.IdentityService;

/**
 * The approval feature wired once: the Spring configuration ({@code ApprovalConfiguration}) and the model test
 * environments (which run a plain engine without Spring) both build it here, so they cannot drift apart.
 *
 * @see #ApprovalModule(DataSource, Supplier, Function, Clock)
 */
public final class ApprovalModule {

  private final ApprovalStore store;
  private final OrganisationRepository organisation;
  private final SubstituteRegistry substituteRegistry;
  private final TenantMembers members;
  private final ApprovalService approvals;
  private final SubstituteService substitutes;
  private final ApprovalRouteActivities activities;

  /**
   * @param dataSource our tables ({@code tz_approval_*}, {@code tz_org_unit}); writes join the caller's transaction
   * @param identity the engine's identity service (a supplier: the engine may be built after this module)
   * @param calendarOfTenant the tenant's office calendar, for step deadlines in open days
   * @param clock now (the engine's clock in model tests)
   */
  public ApprovalModule(DataSource dataSource, Supplier<IdentityService> identity,
      Function<String, OfficeCalendar> calendarOfTenant, Clock clock) {
    this(dataSource, identity, calendarOfTenant, clock, DEFAULT_ACCOUNTING_DEPARTMENT);
  }

  /** The default of {@code tetsuzuki.contract.accounting-department} (the 会計管理者 group {@code <tenant>-kaikeikanri}). */
  public static final String DEFAULT_ACCOUNTING_DEPARTMENT = "kaikeikanri";

  /**
   * @param accountingDepartment the 会計管理者's department code: its members are not added to payment routes
   */
  public ApprovalModule(DataSource dataSource, Supplier<IdentityService> identity,
      Function<String, OfficeCalendar> calendarOfTenant, Clock clock, String accountingDepartment) {
    store = new JdbcApprovalStore(dataSource);
    organisation = new OrganisationRepository(dataSource);
    substituteRegistry = new SubstituteRegistry(dataSource);
    members = new EngineTenantMembers(identity);
    approvals = new ApprovalService(store, organisation::chartOf, substituteRegistry, members,
        new StepDeadlines(calendarOfTenant), clock, accountingDepartment);
    substitutes = new SubstituteService(substituteRegistry, members, clock);
    activities = new ApprovalRouteActivities(approvals, substitutes);
  }

  public ApprovalStore store() {
    return store;
  }

  public OrganisationRepository organisation() {
    return organisation;
  }

  public SubstituteRegistry substituteRegistry() {
    return substituteRegistry;
  }

  public TenantMembers members() {
    return members;
  }

  public ApprovalService approvals() {
    return approvals;
  }

  public SubstituteService substitutes() {
    return substitutes;
  }

  /** Bound by name in the models: {@code ${approvalRouteActivities.plan}}. */
  public ApprovalRouteActivities activities() {
    return activities;
  }
}
