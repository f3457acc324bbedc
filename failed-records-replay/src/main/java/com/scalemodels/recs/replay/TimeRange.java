package com.scalemodels.recs.replay;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Which objects to replay, by the UTC hour partition in their key ({@code …/YYYY/MM/DD/HH/…}): an object is
 * selected when its hour {@code [H, H+1h)} overlaps {@code [from, to)}. Either end may be open (null).
 */
public record TimeRange(Instant from, Instant to) {

    public static final TimeRange ALL = new TimeRange(null, null);

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH");

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ReplayException.usage("--from (" + from + ") must be before --to (" + to + ")");
        }
    }

    public boolean bounded() {
        return from != null || to != null;
    }

    /** Does the hour starting at {@code hourStart} overlap this range? */
    public boolean overlapsHour(Instant hourStart) {
        Instant hourEnd = hourStart.plus(Duration.ofHours(1));
        return (to == null || hourStart.isBefore(to)) && (from == null || hourEnd.isAfter(from));
    }

    public String describe() {
        if (!bounded()) {
            return "all (no --from/--to)";
        }
        return (from == null ? "…" : from.toString()) + " ≤ hour < " + (to == null ? "…" : to.toString());
    }

    /**
     * An instant in UTC unless it says otherwise: {@code 2026-11-21T10:15:30Z}, {@code 2026-11-21T10:15+02:00},
     * {@code 2026-11-21T10:15}, {@code 2026-11-21T10} (an hour) or {@code 2026-11-21} (midnight).
     */
    public static Instant parseInstant(String value) {
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset: try the local forms below, read as UTC
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDateTime.parse(v, HOUR).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time: use e.g. 2026-11-21T10 (an hour,"
                    + " UTC), 2026-11-21T10:30Z or 2026-11-21");
        }
    }
}
