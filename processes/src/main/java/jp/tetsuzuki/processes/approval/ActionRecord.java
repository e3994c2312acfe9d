package jp.tetsuzuki.processes.approval;

import java.time.Instant;

/**
 * One entry of a route's history.
 *
 * @param position the step (0 = the originator)
 * @param onBehalfOf the approver a substitute (代理) or escalation receiver (代決) acted for; null otherwise
 * @param targetPosition where a send-back went, or where an added approver was put
 */
public record ActionRecord(int seq, int position, StepKind stepKind, ActionType action, String actorId,
    String onBehalfOf, String comment, Integer targetPosition, Instant actedAt) {}
