package com.scalemodels.recs.sampledata;

import java.util.Random;

/** Fills {@code #} placeholders with random digits (postal codes, phone numbers). */
final class Digits {

    private Digits() {
    }

    static String fill(String pattern, Random random) {
        if (pattern == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            out.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
        }
        return out.toString();
    }

    static <T> T pick(java.util.List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
