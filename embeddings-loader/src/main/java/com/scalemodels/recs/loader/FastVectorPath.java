package com.scalemodels.recs.loader;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One pass over a well-formed vector such as {@code [0.16974528,-0.009740129,1.2345678E-5]}: finds the values and
 * converts them at once, instead of a comma scan, a trim and a number scan per value. Fraction digits are read
 * eight at a time (SWAR, as in fast_float): Float.toString and numpy write 7–9 of them per value.
 *
 * <p>It only accepts what it can convert exactly: at most 18 digits with a mantissa m ≤ 2^53 and a power of ten
 * |e| ≤ 22 (Clinger: m and 10^|e| are exact doubles, one multiplication or division rounds correctly), a normal
 * float result, and not a double exactly halfway between two floats (where rounding the double to float would
 * round twice). Anything else — other blanks, specials, long mantissas, errors — returns false and the caller
 * parses the vector again on the general path, which gives the same floats as Float.parseFloat and says what is
 * wrong. On the data this loader sees, that is a handful of values per million.
 */
final class FastVectorPath {

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT = 1L << 53;
    private static final long DROPPED_BITS_MASK = (1L << 29) - 1;
    private static final long HALFWAY = 1L << 28;

    private final int dim;

    FastVectorPath(int dim) {
        this.dim = dim;
    }

    /**
     * Parses {@code b[from, to)} into {@code out[0, dim)} and returns true, or returns false (out partly written) to
     * ask for the general path.
     */
    boolean parse(byte[] b, int from, int to, float[] out) {
        if (to - from < 2 || b[from] != '[' || b[to - 1] != ']') {
            return false;
        }
        int end = to - 1; // the closing bracket
        int i = from + 1;
        for (int k = 0; k < dim; k++) {
            if (i >= end) {
                return false;
            }
            boolean negative = b[i] == '-';
            if (negative) {
                i++;
            }
            long mantissa = 0;
            int digits = 0;
            int intStart = i;
            while (i < end && isDigit(b[i])) {
                mantissa = mantissa * 10 + (b[i++] - '0');
            }
            digits = i - intStart;
            int fraction = 0;
            if (i < end && b[i] == '.') {
                int fracStart = ++i;
                if (end - i >= 8) {
                    long word = (long) LONG_LE.get(b, i);
                    if (isEightDigits(word)) {
                        mantissa = mantissa * 100_000_000 + eightDigits(word);
                        i += 8;
                    }
                }
                while (i < end && isDigit(b[i])) {
                    mantissa = mantissa * 10 + (b[i++] - '0');
                }
                fraction = i - fracStart;
                digits += fraction;
            }
            if (digits == 0 || digits > 18) { // 18 digits cannot overflow a long
                return false;
            }
            int exponent = -fraction;
            if (i < end && (b[i] | 0x20) == 'e') {
                i++;
                boolean expNegative = false;
                if (i < end && (b[i] == '-' || b[i] == '+')) {
                    expNegative = b[i] == '-';
                    i++;
                }
                int expStart = i;
                int e = 0;
                while (i < end && isDigit(b[i]) && i - expStart < 3) {
                    e = e * 10 + (b[i++] - '0');
                }
                if (i == expStart) {
                    return false;
                }
                exponent += expNegative ? -e : e;
            }
            float value;
            if (mantissa == 0) {
                value = 0.0f;
            } else {
                if (mantissa > MAX_EXACT || exponent < -22 || exponent > 22) {
                    return false;
                }
                double d = exponent < 0 ? mantissa / POW10[-exponent] : mantissa * POW10[exponent];
                if (d < 0x1p-126 || d > Float.MAX_VALUE
                        || (Double.doubleToRawLongBits(d) & DROPPED_BITS_MASK) == HALFWAY) {
                    return false;
                }
                value = (float) d;
            }
            out[k] = negative ? -value : value;
            if (k < dim - 1) {
                if (i >= end || b[i] != ',') {
                    return false;
                }
                i++;
            }
        }
        return i == end;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** True when all eight bytes of the little-endian word are ASCII digits. */
    private static boolean isEightDigits(long word) {
        return ((word & 0xF0F0F0F0F0F0F0F0L) | (((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
                == 0x3333333333333333L;
    }

    /** The value of eight ASCII digits, first digit in the lowest byte (fast_float's parse_eight_digits_unrolled). */
    private static long eightDigits(long word) {
        long v = word - 0x3030303030303030L;
        v = (v * 10) + (v >>> 8);
        return (((v & 0x000000FF000000FFL) * 0x000F424000000064L)
                + (((v >>> 16) & 0x000000FF000000FFL) * 0x0000271000000001L)) >>> 32;
    }
}
