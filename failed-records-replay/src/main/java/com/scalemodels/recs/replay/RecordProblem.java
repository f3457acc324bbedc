package com.scalemodels.recs.replay;

/**
 * A record (or an object, {@code line} 0) that cannot be replayed, and why. Never holds record data.
 *
 * @param line 1-based line in the (decompressed) object; 0 for the object as a whole
 */
public record RecordProblem(String object, long line, String reason) {
}
