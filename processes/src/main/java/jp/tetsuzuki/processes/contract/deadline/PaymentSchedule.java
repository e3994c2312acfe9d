package jp.tetsuzuki.processes.contract.deadline;

import java.time.LocalDate;

/**
 * The payment clock of a contract as {@link ContractDeadlines#payment} computed it.
 *
 * @param clockStartedOn      the day the payment period starts from: the proper invoice's arrival, or the day the
 *                            inspection passed if the invoice came earlier
 * @param periodDays          the contract's payment period (calendar days)
 * @param inspectionDelayDays days the inspections ran past their due dates, deducted from the period (9条)
 * @param pausedDays          calendar days the clock stood while invoices were returned for correction
 * @param dueOn               the last day on which payment is on time (an open day)
 * @param warnOn              the day staff are warned (open days before {@code dueOn}, never before the clock started)
 */
public record PaymentSchedule(LocalDate clockStartedOn, int periodDays, int inspectionDelayDays, long pausedDays,
    LocalDate dueOn, LocalDate warnOn) {}
