package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/** Whole vectors, fast path or general path, against Float.parseFloat of every value, bit for bit. */
class VectorTextParserTest {

    private static final int DIM = 16;

    private final VectorTextParser parser = new VectorTextParser(DIM);
    private final FastVectorPath fastPath = new FastVectorPath(DIM);

    private static String[] values(Random random, DoubleFunction<String> format) {
        String[] v = new String[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = format.apply(random.nextGaussian());
        }
        return v;
    }

    private void assertSameAsJdk(String[] values, String separator) {
        String text = "[" + String.join(separator, values) + "]";
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parse(b, 0, b.length)).as(text).isTrue();
        for (int i = 0; i < DIM; i++) {
            assertThat(Float.floatToRawIntBits(parser.values()[i])).as(text + " value " + (i + 1))
                    .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(values[i].strip())));
        }
    }

    private boolean fast(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return fastPath.parse(b, 0, b.length, new float[DIM]);
    }

    @Test
    void matchesFloatParseFloatBitForBitInEveryForm() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            assertSameAsJdk(values(random, g -> Float.toString((float) g)), ",");
            assertSameAsJdk(values(random, g -> Float.toString((float) (g * 1e-6))), ",");
            assertSameAsJdk(values(random, g -> Float.toString(Float.intBitsToFloat(random.nextInt() & 0x7f7fffff))), ",");
            assertSameAsJdk(values(random, g -> String.format(Locale.ROOT, "%.9f", g)), ",");
            assertSameAsJdk(values(random, g -> String.format(Locale.ROOT, "%.8e", g * 1e-3)), ", ");
            assertSameAsJdk(values(random, g -> Double.toString(g)), ",");
            assertSameAsJdk(values(random, g -> Long.toString(random.nextLong() >>> random.nextInt(64))), ",");
        }
    }

    @Test
    void takesTheFastPathForWhatTrainingScriptsWrite() {
        Random random = new Random(5);
        for (int i = 0; i < 1_000; i++) {
            assertThat(fast("[" + String.join(",", values(random, g -> Float.toString((float) g))) + "]")).isTrue();
            assertThat(fast("[" + String.join(",", values(random, g -> String.format(Locale.ROOT, "%.8f", g))) + "]"))
                    .isTrue();
        }
    }

    @Test
    void parsesASliceOfALargerBuffer() {
        byte[] b = "x,\"[1.5,-2, 3e-3]\",[0.25,4]".getBytes(StandardCharsets.US_ASCII);
        VectorTextParser three = new VectorTextParser(3);
        assertThat(three.parse(b, 3, 17)).isTrue();
        assertThat(three.values()).containsExactly(1.5f, -2f, 3e-3f);
        VectorTextParser two = new VectorTextParser(2);
        assertThat(two.parse(b, 19, b.length)).isTrue();
        assertThat(two.values()).containsExactly(0.25f, 4f);
        assertThat(two.parse(b, 19, b.length - 1)).isFalse();
        assertThat(two.error()).contains("'[0.25,4'");
    }

    @Test
    void leavesEverythingUnusualToTheGeneralPath() {
        String ones = "1,".repeat(DIM - 1);
        for (String text : new String[] {"[" + ones + "1 ]", "[ " + ones + "1]", "[" + ones + "+1]", "[" + ones + "NaN]",
            "[" + ones + "1e400]", "[" + ones + "1234567890123456789]", "[" + ones + "1e-30]", "[" + ones + "1]x",
            "[" + ones + "1,1]", "[" + ones.substring(2) + "1]", "[" + ones + "]", "[" + ones + "-]", "[" + ones + "1e]",
            "[" + ones + "0x1]", "[" + ones + "1f]", "[]", "["}) {
            assertThat(fast(text)).as(text).isFalse();
        }
        assertThat(fast("[" + "0.5,".repeat(DIM - 1) + "-0]")).isTrue();
    }
}
