package jp.tetsuzuki.processes.childcare.allocation;

/**
 * Why a request cannot be allocated: a code (UPPER_SNAKE), the applicant or facility it is about, the field, and the
 * message in English (for developers) and Japanese (for staff).
 */
public record AllocationProblem(String code, String subjectId, String field, String message, String messageJa) {}
