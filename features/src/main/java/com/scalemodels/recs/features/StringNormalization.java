package com.scalemodels.recs.features;

/** How a categorical value is cleaned before lookup; training applied the same before fitting. */
public enum StringNormalization {

    /** Python's {@code s.strip(" \t\n\r\f\v")}: ASCII whitespace only. */
    STRIP,
    /** Values are looked up as given. */
    NONE;

    public String apply(String value) {
        return this == STRIP ? stripAsciiWhitespace(value) : value;
    }

    /**
     * Not {@link String#strip()}: that also removes Unicode spaces such as U+3000 and U+2007, and
     * {@link String#trim()} removes every control char ≤ U+0020. Python's strip with an explicit set does
     * neither, and the categories were produced by Python.
     */
    static String stripAsciiWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isAsciiWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    static StringNormalization fromJson(String value) {
        return switch (value) {
            case "strip" -> STRIP;
            case "none" -> NONE;
            default -> null;
        };
    }
}
