package com.scalemodels.recs.loader;

/**
 * pgvector's text form {@code [f1,f2,…,fN]}, blanks allowed around the values (as Python's str(list) writes
 * them). Each value is a decimal number as strtof reads it, {@code [+-]digits[.digits][(e|E)[+-]digits]}: the
 * characters are checked first because {@link Float#parseFloat} would also take hexadecimal, a trailing
 * {@code f} or {@code d}, and surrounding blanks; the conversion itself is the JDK's, correctly rounded.
 */
final class VectorText {

    private static final int EXCERPT_CHARS = 40;

    private VectorText() {
    }

    /**
     * Parses {@code text} into {@code values}; returns null when it holds exactly {@code values.length} finite
     * floats, else the problem.
     */
    static String parse(String text, float[] values) {
        String s = stripBlanks(text, 0, text.length());
        if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
            return "malformed vector: expected text like [0.1,0.2,…], got " + excerpt(s);
        }
        int close = s.length() - 1;
        int count = 0;
        int start = 1;
        while (true) {
            int comma = s.indexOf(',', start);
            int end = comma < 0 ? close : comma;
            String value = stripBlanks(s, start, end);
            int position = count + 1;
            if (value.isEmpty()) {
                return count == 0 && end == close ? "empty vector []"
                        : "malformed vector: empty value at position " + position;
            }
            if (!isDecimal(value)) {
                return isNonFiniteWord(value) ? notFinite(value, position) : notANumber(value, position);
            }
            float f;
            try {
                f = Float.parseFloat(value);
            } catch (NumberFormatException e) { // "1e", "1.2.3", "-", "."
                return notANumber(value, position);
            }
            if (Float.isInfinite(f)) { // beyond ±3.4028235e38
                return notFinite(value, position);
            }
            if (count < values.length) {
                values[count] = f;
            }
            count++;
            if (end == close) {
                break;
            }
            start = end + 1;
        }
        if (count != values.length) {
            return "vector has " + count + " values, expected embedding_dim " + values.length;
        }
        return null;
    }

    /** At most 40 characters of {@code s}, quoted, for a problem message. */
    static String excerpt(String s) {
        if (s.codePointCount(0, s.length()) <= EXCERPT_CHARS) {
            return "'" + s + "'";
        }
        return "'" + s.substring(0, s.offsetByCodePoints(0, EXCERPT_CHARS)) + "…'";
    }

    private static String notANumber(String value, int position) {
        return "malformed vector: value " + position + " is not a number: " + excerpt(value);
    }

    private static String notFinite(String value, int position) {
        return "value " + position + " is not finite: " + excerpt(value);
    }

    private static boolean isDecimal(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return true;
    }

    /** NaN, inf or infinity with an optional sign, in any case: what strtof reads but pgvector refuses. */
    private static boolean isNonFiniteWord(String value) {
        String word = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
        return word.equalsIgnoreCase("nan") || word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity");
    }

    private static String stripBlanks(String s, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
