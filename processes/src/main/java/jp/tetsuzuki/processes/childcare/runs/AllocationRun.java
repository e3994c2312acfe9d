package jp.tetsuzuki.processes.childcare.runs;

import java.time.Instant;

/** A stored run: who made it for which tenant, and its answer (JSON) and result file (CSV text). */
record AllocationRun(String id, String tenantId, String createdBy, Instant createdAt, int applicantCount,
    int facilityCount, int placedCount, String resultsJson, String resultCsv) {}
