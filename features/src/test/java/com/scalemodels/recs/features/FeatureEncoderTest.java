package com.scalemodels.recs.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.session.SessionEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureEncoderTest {

    private static final PreprocessingSpec USER = new PreprocessingSpec(1, StringNormalization.STRIP, List.of(
            new FeatureSpec.OneHot("city", List.of("Boston", "Nantes")),
            new FeatureSpec.OneHot("country", List.of("France", "Norway", "USA")),
            new FeatureSpec.StandardScaler("creditLimit", 1000.0, 500.0, true, true, 0.0)));

    private final FeatureEncoder encoder = FeatureEncoder.of(USER);

    @Test
    void trailingAndLeadingAsciiWhitespaceIsStrippedBeforeLookup() {
        assertThat(encoder.encode(new UserFeatures("Nantes", "Norway  ", 1000.0)))
                .containsExactly(encoder.encode(new UserFeatures("Nantes", "Norway", 1000.0)));
        assertThat(encoder.encode(new UserFeatures(" \tBoston\r\n\u000B\f", "Norway", 1000.0)))
                .containsExactly(1f, 0f, 0f, 1f, 0f, 0f);
    }

    @Test
    void unicodeSpacesAreNotStrippedUnlikeJavaStrip() {
        assertThat("Norway\u3000".strip()).isEqualTo("Norway");

        float[] v = encoder.encode(new UserFeatures("Nantes", "Norway\u3000", 1000.0));

        assertThat(v).containsExactly(0f, 1f, 0f, 0f, 0f, 0f);
    }

    @Test
    void noneNormalizationMatchesExactly() {
        FeatureEncoder exact = FeatureEncoder.of(new PreprocessingSpec(1, StringNormalization.NONE, USER.features()));

        assertThat(exact.encode(new UserFeatures("Nantes ", "France", 1000.0))).containsExactly(0f, 0f, 1f, 0f, 0f, 0f);
    }

    @Test
    void unknownMissingAndCaseMismatchedCategoriesAreAllZeros() {
        assertThat(encoder.encode(new UserFeatures("Paris", "france", null)))
                .containsExactly(0f, 0f, 0f, 0f, 0f, -2f);
        Map<String, Object> row = new HashMap<>();
        row.put("city", null);
        assertThat(encoder.encode(row)).containsExactly(0f, 0f, 0f, 0f, 0f, -2f);
    }

    @Test
    void scalerComputesInFloat64ThenRoundsOnce() {
        // (0.1 + 0.2 - 0.3) / 3 in double differs from any float32-step computation.
        FeatureEncoder e = FeatureEncoder.of(new PreprocessingSpec(1, StringNormalization.STRIP, List.of(
                new FeatureSpec.StandardScaler("x", 0.3, 3.0, true, true, 0.0))));

        float v = e.encode(Map.of("x", 0.1 + 0.2))[0];

        assertThat(Float.floatToIntBits(v)).isEqualTo(Float.floatToIntBits((float) (((0.1 + 0.2) - 0.3) / 3.0)));
    }

    @Test
    void zeroScaleCountsAsOneAndFlagsAreHonoured() {
        FeatureEncoder e = FeatureEncoder.of(new PreprocessingSpec(1, StringNormalization.STRIP, List.of(
                new FeatureSpec.StandardScaler("a", 5.0, 0.0, true, true, 0.0),
                new FeatureSpec.StandardScaler("b", 5.0, 2.0, false, true, 0.0),
                new FeatureSpec.StandardScaler("c", 5.0, 2.0, true, false, 0.0),
                new FeatureSpec.StandardScaler("d", 5.0, 2.0, false, false, 9.0))));

        assertThat(e.encode(Map.of("a", 7.0, "b", 7.0, "c", 7.0))).containsExactly(2f, 3.5f, 2f, 9f);
        assertThat(e.encode(Map.of("a", Double.NaN, "b", 7, "c", 7L, "d", new java.math.BigDecimal("1.5"))))
                .containsExactly(-5f, 3.5f, 2f, 1.5f);
    }

    @Test
    void wrongTypesAndInfinitiesAreErrorsNotSilentZeros() {
        assertThatThrownBy(() -> encoder.encode(Map.of("creditLimit", "21000")))
                .isInstanceOf(FeatureEncodingException.class).hasMessageContaining("creditLimit");
        assertThatThrownBy(() -> encoder.encode(Map.of("city", 12)))
                .isInstanceOf(FeatureEncodingException.class).hasMessageContaining("city");
        assertThatThrownBy(() -> encoder.encode(Map.of("creditLimit", Double.POSITIVE_INFINITY)))
                .isInstanceOf(FeatureEncodingException.class);
    }

    @Test
    void batchIsRowMajorAndTypedRowsComeFromSessions() {
        SessionEvent session = new SessionEvent("s", 1, "Boston", "USA", 1500.0, List.of());
        List<UserFeatures> rows = List.of(UserFeatures.from(session), new UserFeatures(null, "France", 500.0));

        float[] batch = encoder.encodeBatch(rows);

        assertThat(batch).containsExactly(
                1f, 0f, 0f, 0f, 1f, 1f,
                0f, 0f, 1f, 0f, 0f, -1f);
    }

    @Test
    void itemFeaturesMapTheProductsColumns() {
        ItemFeatures item = new ItemFeatures("Classic Cars", "1:10", 7933.0, 48.81, 95.70);

        assertThat(item.value("productLine")).isEqualTo("Classic Cars");
        assertThat(item.value("MSRP")).isEqualTo(95.70);
        assertThatThrownBy(() -> item.value("msrp")).isInstanceOf(FeatureEncodingException.class);
    }

    @Test
    void manifestMustAgreeOnColumnsAndWidth() {
        assertThat(FeatureEncoder.forManifest(USER, List.of("city", "country", "creditLimit"), 6, "user.json")
                .width()).isEqualTo(6);
        assertThatThrownBy(() -> FeatureEncoder.forManifest(USER, List.of("country", "city", "creditLimit"), 6,
                "preprocessing/user.json"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("preprocessing/user.json").hasMessageContaining("columns");
        assertThatThrownBy(() -> FeatureEncoder.forManifest(USER, List.of("city", "country", "creditLimit"), 95,
                "preprocessing/user.json"))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("input_dim is 95");
    }
}
