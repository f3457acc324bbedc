package com.scalemodels.recs.local;

import com.scalemodels.recs.local.firehose.DeliveryStats;
import java.nio.file.Path;
import java.util.List;

/** The streaming half: what went in, what came out where, and how fast. */
public record StreamingResult(long sessionsIn, long malformedPlanted, DeliveryStats delivery, String modelVersion,
        List<Path> recommendationObjects, List<Path> processingFailedObjects, double seconds) {

    public StreamingResult {
        recommendationObjects = List.copyOf(recommendationObjects);
        processingFailedObjects = List.copyOf(processingFailedObjects);
    }

    public double sessionsPerSecond() {
        return seconds <= 0 ? 0 : sessionsIn / seconds;
    }
}
