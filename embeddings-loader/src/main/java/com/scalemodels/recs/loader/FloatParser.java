package com.scalemodels.recs.loader;

import java.nio.charset.StandardCharsets;

/**
 * Decimal text → float, correctly rounded (the same float as {@link Float#parseFloat} and the server's strtof),
 * without building a String per value. The grammar is strict: {@code [+-]digits[.digits][(e|E)[+-]digits]} or
 * {@code [+-].digits…}; the special words NaN / Infinity / inf are recognised so they can be reported as
 * non-finite rather than malformed.
 *
 * <p>Fast path (Clinger): with at most 19 significant digits, a mantissa m ≤ 2^53 and a power of ten |e| ≤ 22,
 * m and 10^|e| are exact doubles, so one multiplication or division gives the correctly rounded double. Rounding
 * that double to float is then correct unless the double lies exactly halfway between two floats (double
 * rounding); that case, subnormal or overflowing results and long mantissas fall back to Float.parseFloat.
 */
final class FloatParser {

    static final int OK = 0;
    static final int MALFORMED = 1;
    static final int NOT_FINITE = 2;

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT = 1L << 53;
    private static final long DROPPED_BITS_MASK = (1L << 29) - 1;
    private static final long HALFWAY = 1L << 28;

    private float value;

    /** Parses {@code b[start, end)}; on OK the result is {@link #value()}. */
    int parse(byte[] b, int start, int end) {
        int i = start;
        if (i >= end) {
            return MALFORMED;
        }
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        if (i < end && isLetter(b[i])) {
            return special(b, i, end) ? NOT_FINITE : MALFORMED;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean digits = false;
        boolean truncated = false;
        while (i < end && isDigit(b[i])) {
            int d = b[i++] - '0';
            digits = true;
            if (mantissa == 0 && d == 0) {
                continue;
            }
            if (significant < 19) {
                mantissa = mantissa * 10 + d;
                significant++;
            } else {
                exponent++;
                truncated |= d != 0;
            }
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && isDigit(b[i])) {
                int d = b[i++] - '0';
                digits = true;
                if (mantissa == 0 && d == 0) {
                    exponent--;
                } else if (significant < 19) {
                    mantissa = mantissa * 10 + d;
                    significant++;
                    exponent--;
                } else {
                    truncated |= d != 0;
                }
            }
        }
        if (!digits) {
            return MALFORMED;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            if (i >= end || !isDigit(b[i])) {
                return MALFORMED;
            }
            int e = 0;
            while (i < end && isDigit(b[i])) {
                e = Math.min(e * 10 + (b[i++] - '0'), 100_000);
            }
            exponent += expNegative ? -e : e;
        }
        if (i != end) {
            return MALFORMED;
        }
        if (mantissa == 0) {
            value = negative ? -0.0f : 0.0f;
            return OK;
        }
        if (!truncated && mantissa <= MAX_EXACT && exponent >= -22 && exponent <= 22) {
            double d = exponent < 0 ? mantissa / POW10[-exponent] : mantissa * POW10[exponent];
            if (d >= 0x1p-126 && d <= Float.MAX_VALUE
                    && (Double.doubleToRawLongBits(d) & DROPPED_BITS_MASK) != HALFWAY) {
                float f = (float) d;
                value = negative ? -f : f;
                return OK;
            }
        }
        value = Float.parseFloat(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
        return Float.isFinite(value) ? OK : NOT_FINITE;
    }

    float value() {
        return value;
    }

    private static boolean special(byte[] b, int i, int end) {
        String word = new String(b, i, end - i, StandardCharsets.ISO_8859_1);
        return word.equalsIgnoreCase("nan") || word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity");
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(byte c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
}
