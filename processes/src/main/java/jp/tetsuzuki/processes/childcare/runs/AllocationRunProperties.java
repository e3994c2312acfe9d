package jp.tetsuzuki.processes.childcare.runs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the stand-alone allocation API ({@code tetsuzuki.allocation.*}).
 *
 * @param maxFileBytes largest applicants or facilities file
 * @param maxApplicants most data rows of the applicants file (a large ward has several thousand April applicants)
 * @param maxFacilities most data rows of the facilities file
 * @param maxPreferenceCells most preferences of all applicants together (applicants × preferences): each one can
 *     add an explanation entry to the answer, so this bounds the answer and the stored run (review F7); a large
 *     ward's April (several thousand children, 5 to 10 preferences each) fits
 * @param maxResultBytes largest answer kept and returned (JSON), and largest result file (result.csv, UTF-8 bytes);
 *     a run whose answer or result file would be larger is refused before anything is stored (review C6)
 * @param concurrentRuns runs of this node at the same time (each keeps one core busy; review C5)
 * @param queuedRuns runs that may wait for a free run thread; beyond them the answer is 503 with Retry-After
 * @param retryAfter what the busy answer's Retry-After header says
 */
@ConfigurationProperties("tetsuzuki.allocation")
public record AllocationRunProperties(@DefaultValue("8388608") long maxFileBytes,
    @DefaultValue("30000") int maxApplicants, @DefaultValue("3000") int maxFacilities,
    @DefaultValue("60000") int maxPreferenceCells, @DefaultValue("33554432") int maxResultBytes,
    @DefaultValue("1") int concurrentRuns, @DefaultValue("2") int queuedRuns,
    @DefaultValue("30s") Duration retryAfter) {}
