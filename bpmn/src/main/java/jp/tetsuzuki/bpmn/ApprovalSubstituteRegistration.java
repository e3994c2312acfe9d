package jp.tetsuzuki.bpmn;

/**
 * Contract of {@code approval-substitute-registration} (代理者の登録): staff register their own substitute for a
 * period from the Tasklist start form (the same registry as {@code /api/v1/approvals/substitutes}).
 */
public final class ApprovalSubstituteRegistration {

  public static final String ID = "approval-substitute-registration";

  public static final String EVENT_REGISTRATION_REQUESTED = "Event_RegistrationRequested";
  public static final String TASK_REGISTER = "Task_RegisterSubstitute";
  public static final String EVENT_REGISTERED = "Event_Registered";

  public static final String FORM_START = "approval-substitute-registration-start";

  /** The municipality of the registration (start form field; decides the case's tenant). */
  public static final String TENANT_ID = CommonVariables.TENANT_ID;
  /** Set by the engine from the authenticated user who starts the case: the principal (本人). */
  public static final String INITIATOR = "initiator";
  public static final String SUBSTITUTE = "substitute";
  /** ISO date (yyyy-MM-dd), first day of the period. */
  public static final String VALID_FROM = "validFrom";
  /** ISO date (yyyy-MM-dd), last day of the period (inclusive). */
  public static final String VALID_TO = "validTo";
  /** Id of the registration created. */
  public static final String SUBSTITUTE_ID = "substituteId";

  private ApprovalSubstituteRegistration() {}
}
