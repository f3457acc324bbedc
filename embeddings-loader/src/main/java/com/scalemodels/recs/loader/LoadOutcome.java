package com.scalemodels.recs.loader;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run did: the version that is now live (or was already), a message for the operator, and how long the
 * steps that ran took.
 */
public record LoadOutcome(Status status, VersionRow version, String message, String runId, Timings timings) {

    public enum Status {
        LOADED("loaded"), UNCHANGED("unchanged"), ROLLED_BACK("rolled_back");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Milliseconds of the load's steps; zero for steps that did not run. */
    public record Timings(long copyMillis, long indexMillis, long swapMillis) {
        public static final Timings NONE = new Timings(0, 0, 0);
    }

    public String modelVersion() {
        return version.modelVersion();
    }

    public long itemRows() {
        return version.itemRows();
    }

    public long userRows() {
        return version.userRows();
    }

    /** The Lambda response shape. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", status.wireName());
        map.put("model_version", modelVersion());
        map.put("item_rows", itemRows());
        map.put("user_rows", userRows());
        map.put("message", message);
        map.put("run_id", runId);
        return map;
    }
}
