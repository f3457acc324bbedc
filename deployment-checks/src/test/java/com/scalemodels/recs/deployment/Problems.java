package com.scalemodels.recs.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem a check finds, so one failure lists them all instead of stopping at the first. */
final class Problems {

    private final String title;
    private final List<String> problems = new ArrayList<>();

    Problems(String title) {
        this.title = title;
    }

    void add(String problem) {
        problems.add(problem);
    }

    void check(boolean ok, String problem) {
        if (!ok) {
            add(problem);
        }
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void assertNone() {
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder(title).append(": ").append(problems.size())
                    .append(problems.size() == 1 ? " problem" : " problems");
            problems.stream().sorted().forEach(p -> message.append("\n  - ").append(p));
            fail(message.toString());
        }
    }
}
