package jp.tetsuzuki.workers.rpa;

/** What the bot did: entered the case, or found it already present (a re-run), and the record's number. */
public record EntryResult(Outcome outcome, String recordNumber, AuditTrail audit) {

  public enum Outcome { ENTERED, ALREADY_PRESENT }
}
