package com.scalemodels.recs.etl;

/**
 * What one run did.
 *
 * @param readSeconds     JDBC read + join + quality checks, up to the counts (the source is fully read then)
 * @param writeSeconds    training table, rejected rows and the summary marker
 * @param stalePartitionsDeleted customer folders of an earlier run removed because they have no rating now
 */
public record JobReport(String runId, QualityCounts counts, double readSeconds, double writeSeconds,
        int stalePartitionsDeleted) {
}
