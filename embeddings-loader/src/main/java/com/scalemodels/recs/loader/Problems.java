package com.scalemodels.recs.loader;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects input problems: keeps the first {@code cap} for the report and counts all of them, so a file with a
 * million bad rows costs a counter, not a million messages.
 */
public final class Problems {

    public static final int DEFAULT_CAP = 20;

    private final int cap;
    private final List<Problem> first = new ArrayList<>();
    private long total;

    public Problems(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1");
        }
        this.cap = cap;
    }

    public Problems() {
        this(DEFAULT_CAP);
    }

    public void add(String file, long line, String message) {
        total++;
        if (first.size() < cap) {
            first.add(new Problem(file, line, message));
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public long total() {
        return total;
    }

    public List<Problem> first() {
        return List.copyOf(first);
    }

    /** Multi-line report: the kept problems, then how many more there were. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(total).append(total == 1 ? " problem" : " problems").append(" in the embeddings input");
        for (Problem p : first) {
            sb.append(System.lineSeparator()).append("  ").append(p);
        }
        if (total > first.size()) {
            sb.append(System.lineSeparator()).append("  … and ").append(total - first.size()).append(" more");
        }
        return sb.toString();
    }
}
