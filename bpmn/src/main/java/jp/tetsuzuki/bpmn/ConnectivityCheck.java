package jp.tetsuzuki.bpmn;

/**
 * Contract of {@code connectivity-check} (疎通確認): operators start it after a deployment to prove that the engine,
 * a worker, a form and the integration routes are wired (a worker echoes, staff confirm in a form).
 */
public final class ConnectivityCheck {

  public static final String ID = "connectivity-check";

  public static final String TASK_ECHO = "Task_Echo";
  public static final String TASK_CONFIRM = "Task_ConfirmConnectivity";
  public static final String EVENT_CONFIRMED = "Event_Confirmed";

  /** Topic of the echo worker. */
  public static final String TOPIC_ECHO = "connectivity-echo";

  /** Form id (form-js {@code id}) of the confirmation task. */
  public static final String FORM_CONFIRM = "connectivity-check-confirm";

  /** Free text sent by whoever starts the check. */
  public static final String MESSAGE = "message";
  /** The worker's answer. */
  @WorkerOutput(TOPIC_ECHO)
  public static final String ECHO = "echo";
  /** Which worker answered. */
  @WorkerOutput(TOPIC_ECHO)
  public static final String ECHOED_BY = "echoedBy";
  /** Set by staff in the confirmation form. */
  public static final String CONFIRMED = "confirmed";

  private ConnectivityCheck() {}
}
