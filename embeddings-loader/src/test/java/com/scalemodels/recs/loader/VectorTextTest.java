package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/** Whole vectors in the forms training scripts write, and single values at the edges of the grammar and of float. */
class VectorTextTest {

    private static final int DIM = 16;

    private static float[] parsed(String text, int dim) {
        float[] values = new float[dim];
        String problem = VectorText.parse(text, values);
        assertThat(problem).as(text).isNull();
        return values;
    }

    private static String problem(String value) {
        return VectorText.parse("[" + value + "]", new float[1]);
    }

    @Test
    void givesFloatParseFloatOfEveryValueInEveryForm() {
        Random random = new Random(11);
        DoubleFunction<String>[] forms = new DoubleFunction[] {
            g -> Float.toString((float) g),
            g -> Float.toString((float) (g * 1e-6)),
            g -> Float.toString(Float.intBitsToFloat(random.nextInt() & 0x7f7fffff)),
            g -> String.format(Locale.ROOT, "%.9f", g),
            g -> String.format(Locale.ROOT, " %.8e\t", g * 1e-3),
            g -> Double.toString(g),
            g -> Long.toString(random.nextLong() >>> random.nextInt(64))};
        for (int i = 0; i < 500; i++) {
            for (DoubleFunction<String> form : forms) {
                String[] values = new String[DIM];
                for (int j = 0; j < DIM; j++) {
                    values[j] = form.apply(random.nextGaussian());
                }
                String text = "[" + String.join(random.nextBoolean() ? "," : ", ", values) + "]";
                float[] floats = parsed(text, DIM);
                for (int j = 0; j < DIM; j++) {
                    assertThat(Float.floatToRawIntBits(floats[j])).as(text + " value " + (j + 1))
                            .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(values[j].strip())));
                }
            }
        }
    }

    @Test
    void acceptsTheEdgesOfTheGrammarAndOfFloat() {
        assertThat(parsed("[0, -0, +1, 1., .5, -.5, 007, 1E5, 1e+5, 1e-5]", 10))
                .containsExactly(0f, -0f, 1f, 1f, .5f, -.5f, 7f, 1e5f, 1e5f, 1e-5f);
        assertThat(Float.floatToRawIntBits(parsed("[-0]", 1)[0])).isEqualTo(Float.floatToRawIntBits(-0f));
        // The smallest subnormal, written out and as an exponent, and the largest float.
        assertThat(parsed("[0.000000000000000000000000000000000000000000001, 1e-45, 1.4e-45, 3.4028235e38]", 4))
                .containsExactly(Float.MIN_VALUE, Float.MIN_VALUE, Float.MIN_VALUE, Float.MAX_VALUE);
        // Beyond float's precision and below its range: rounded, and to zero.
        assertThat(parsed("[16777217, 0.1234567890123456789012345, 1e-50]", 3))
                .containsExactly(16777216f, 0.12345679f, 0f);
        assertThat(parsed("\t [ 1.5 ,\t-2 ] ", 2)).containsExactly(1.5f, -2f);
    }

    @Test
    void rejectsWhatStrtofWouldNotAsNotANumber() {
        for (String s : new String[] {"-", ".", "e5", "1e", "1e+", "1.2.3", "0x10", "1f", "1d", "1_000", "1 2", "--1",
            "1e5e5", "x", "\uFFFD"}) {
            assertThat(problem(s)).as(s).isEqualTo("malformed vector: value 1 is not a number: '" + s + "'");
        }
    }

    @Test
    void reportsNanInfinityAndOverflowAsNotFinite() {
        for (String s : new String[] {"NaN", "-nan", "Infinity", "-Infinity", "+inf", "INF", "1e39", "-3.5e38",
            "340282357000000000000000000000000000000"}) {
            assertThat(problem(s)).as(s).isEqualTo("value 1 is not finite: '" + s + "'");
        }
    }

    @Test
    void namesTheShapeThatIsWrong() {
        float[] two = new float[2];
        assertThat(VectorText.parse("1,2", two)).isEqualTo("malformed vector: expected text like [0.1,0.2,…], got '1,2'");
        assertThat(VectorText.parse("[1,2", two)).isEqualTo("malformed vector: expected text like [0.1,0.2,…], got '[1,2'");
        assertThat(VectorText.parse("[]", two)).isEqualTo("empty vector []");
        assertThat(VectorText.parse("[1,,2]", two)).isEqualTo("malformed vector: empty value at position 2");
        assertThat(VectorText.parse("[1,2,]", two)).isEqualTo("malformed vector: empty value at position 3");
        assertThat(VectorText.parse("[1]", two)).isEqualTo("vector has 1 values, expected embedding_dim 2");
        assertThat(VectorText.parse("[1,2,3]", two)).isEqualTo("vector has 3 values, expected embedding_dim 2");
        assertThat(VectorText.parse("[" + "1234567890".repeat(10) + "x]", two))
                .isEqualTo("malformed vector: value 1 is not a number: '" + "1234567890".repeat(4) + "…'");
    }
}
