package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatParserTest {

    private final FloatParser parser = new FloatParser();

    private void assertSameAsJdk(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parse(b, 0, b.length)).as(text).isEqualTo(FloatParser.OK);
        assertThat(Float.floatToRawIntBits(parser.value())).as(text)
                .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(text)));
    }

    @Test
    void matchesFloatParseFloatBitForBit() {
        Random random = new Random(7);
        for (int i = 0; i < 40_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isFinite(f)) {
                assertSameAsJdk(Float.toString(f));
            }
            assertSameAsJdk(Float.toString((float) random.nextGaussian()));
            assertSameAsJdk(String.format(Locale.ROOT, "%.9f", random.nextGaussian()));
            assertSameAsJdk(String.format(Locale.ROOT, "%.12e", random.nextGaussian() * 1e-3));
            assertSameAsJdk(Double.toString(random.nextGaussian()));
        }
    }

    @Test
    void handlesEdgeForms() {
        for (String s : new String[] {"0", "-0", "+1", "1.", ".5", "-.5", "007", "1E5", "1e+5", "1e-5", "0.000000000000000000000000000000000000000000001",
            "3.4028235e38", "1.4e-45", "1.17549435E-38", "123456789012345678901234567890", "0.1234567890123456789012345",
            "16777217", "33554435", "9007199254740993"}) {
            assertSameAsJdk(s);
        }
    }

    @Test
    void rejectsWhatStrtofWouldNot() {
        for (String s : new String[] {"", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x10", "1f", "1d", "1_000", " 1"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(parser.parse(b, 0, b.length)).as(s).isEqualTo(FloatParser.MALFORMED);
        }
        for (String s : new String[] {"NaN", "-nan", "Infinity", "-Infinity", "inf", "1e39", "-3.5e38"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(parser.parse(b, 0, b.length)).as(s).isEqualTo(FloatParser.NOT_FINITE);
        }
    }
}
