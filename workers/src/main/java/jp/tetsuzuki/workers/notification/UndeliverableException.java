package jp.tetsuzuki.workers.notification;

/** The applicant has no usable mail address: a business outcome, the model notifies another way. */
public class UndeliverableException extends Exception {

  public UndeliverableException(String message) {
    super(message);
  }
}
