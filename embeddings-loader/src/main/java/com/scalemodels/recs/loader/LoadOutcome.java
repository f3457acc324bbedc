package com.scalemodels.recs.loader;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a run did. Durations are zero for steps that did not run. */
public record LoadOutcome(Status status, String modelVersion, long itemRows, long userRows, String message,
        String runId, long copyMillis, long indexMillis, long swapMillis) {

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

    /** The Lambda response shape. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", status.wireName());
        map.put("model_version", modelVersion);
        map.put("item_rows", itemRows);
        map.put("user_rows", userRows);
        map.put("message", message);
        map.put("run_id", runId);
        return map;
    }
}
