package jp.tetsuzuki.processes.calendar;

/** How a period (標準処理期間, payment term, …) is counted. */
public enum PeriodUnit {

  /** N 開庁日: the due date is the N-th open day after the arrival day. */
  BUSINESS_DAYS,

  /** N 日: the due date is arrival + N days, moved to the next open day if closed (民法142条). */
  CALENDAR_DAYS
}
