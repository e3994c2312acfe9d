package jp.tetsuzuki.processes.childcare.points;

/** A household's facts cannot be scored: names the field, with a Japanese message for staff and parents. */
public class InvalidPointsInputException extends RuntimeException {

  private final String field;
  private final String messageJa;

  public InvalidPointsInputException(String field, String messageJa) {
    super("Invalid points input: " + field);
    this.field = field;
    this.messageJa = messageJa;
  }

  public String field() {
    return field;
  }

  public String messageJa() {
    return messageJa;
  }
}
