package jp.tetsuzuki.processes.childcare.runs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the stand-alone allocation API ({@code tetsuzuki.allocation.*}).
 *
 * @param maxFileBytes largest applicants or facilities file
 * @param maxApplicants most data rows of the applicants file (a large ward has several thousand April applicants)
 * @param maxFacilities most data rows of the facilities file
 */
@ConfigurationProperties("tetsuzuki.allocation")
public record AllocationRunProperties(@DefaultValue("8388608") long maxFileBytes,
    @DefaultValue("30000") int maxApplicants, @DefaultValue("3000") int maxFacilities) {}
