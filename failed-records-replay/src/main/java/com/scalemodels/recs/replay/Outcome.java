package com.scalemodels.recs.replay;

/** What became of one record read from a processing-failed object. */
public enum Outcome {
    REPLAYED("replayed"),
    WOULD_REPLAY("would replay (dry run)"),
    FAILED("failed after retries"),
    UNDECODABLE("undecodable"),
    SKIPPED("skipped");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
