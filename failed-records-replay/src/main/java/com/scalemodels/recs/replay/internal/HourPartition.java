package com.scalemodels.recs.replay.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UTC hour Firehose put in an object's key: the last {@code YYYY/MM/DD/HH/} folder before the object name
 * (Terraform's error_output_prefix {@code processing-failed/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/}),
 * which is the arrival hour of the object's oldest record.
 */
public final class HourPartition {

    private static final Pattern HOUR = Pattern.compile("(?:^|/)(\\d{4})/(\\d{2})/(\\d{2})/(\\d{2})/[^/]+$");

    private HourPartition() {
    }

    public static Optional<Instant> of(String key) {
        Matcher m = HOUR.matcher(key);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), 0).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty(); // digits that are no date (month 13): not a Firehose hour folder
        }
    }
}
