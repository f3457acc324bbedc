package com.scalemodels.recs.json;

/**
 * A value the code cannot accept, said as {@code <field>: <problem>}, plus {@code (limit <n>)} when a bound was
 * broken: {@code browse_history: 1000 items exceeds the limit (limit 200)}, {@code customer_number: expected an
 * integer}, {@code JSON: duplicate key at line 1, column 30}. The field is a path ({@code browse_history[3].quantity},
 * {@code --read-partitions}); the value is never part of the message, so it is safe to log and to return.
 * Without a stack trace: bad input is an ordinary outcome, thrown often on hot paths.
 */
public final class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidFieldException(String field, String problem) {
        this(field + ": " + problem);
    }

    /** A message already in the {@code <field>: <problem>} shape, such as a nested reason with its path prefixed. */
    public InvalidFieldException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
