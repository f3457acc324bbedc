package com.scalemodels.recs.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** The outcome of decoding one record: a valid session, or a reason safe to log (no customer data). */
public sealed interface DecodeResult {

    /** {@code original} is the record as received, every unknown field included, for the output record. */
    record Valid(SessionEvent event, ObjectNode original) implements DecodeResult {
        public Valid {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(original, "original");
        }
    }

    /** {@code reason} reads {@code <field>: <problem>}, plus {@code (limit <n>)} when a limit was exceeded. */
    record Rejected(String reason) implements DecodeResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
