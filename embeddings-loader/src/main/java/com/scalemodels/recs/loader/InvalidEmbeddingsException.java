package com.scalemodels.recs.loader;

/** The input (manifest or CSV) is wrong; nothing in the database changed. The message is the full problem report. */
public final class InvalidEmbeddingsException extends RuntimeException {

    private final transient Problems problems;

    public InvalidEmbeddingsException(Problems problems) {
        super(problems.report());
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }
}
