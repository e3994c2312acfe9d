package jp.tetsuzuki.processes.contract.interest;

import java.time.LocalDate;

/** The rate table has no rate for a day of delay: the table must be completed, interest is never guessed. */
public class MissingInterestRateException extends RuntimeException {

  private final LocalDate day;

  public MissingInterestRateException(LocalDate day) {
    super("the late-payment interest rate table has no rate for " + day + ": add the rate in force on that day");
    this.day = day;
  }

  public LocalDate day() {
    return day;
  }
}
