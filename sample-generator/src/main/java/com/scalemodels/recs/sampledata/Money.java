package com.scalemodels.recs.sampledata;

/** Prints cents as the {@code decimal(10,2)} text MySQL, CSV readers and pandas all parse the same way. */
final class Money {

    private Money() {
    }

    static String format(long cents) {
        long abs = Math.abs(cents);
        String text = (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
        return cents < 0 ? "-" + text : text;
    }

    /** Rounds to whole dollars times {@code step}, in cents. */
    static long roundToCents(double dollars, long stepDollars) {
        return Math.round(dollars / stepDollars) * stepDollars * 100;
    }
}
