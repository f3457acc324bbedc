package com.scalemodels.recs.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.json.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreprocessingReaderTest {

    private static final String CONTRACT_EXAMPLE = """
            {
              "format_version": 1,
              "string_normalization": "strip",
              "features": [
                {"column": "city", "kind": "one_hot", "categories": ["Boston", "Nantes"]},
                {"column": "country", "kind": "one_hot", "categories": ["France", "USA"]},
                {"column": "creditLimit", "kind": "standard_scaler", "mean": 83904.5, "scale": 42127.25,
                 "with_mean": true, "with_std": true, "fill_value": 0.0}
              ]
            }
            """;

    private final PreprocessingReader reader = new PreprocessingReader();

    private PreprocessingSpec read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), "preprocessing/user.json");
    }

    @Test
    void readsTheContractExample() {
        PreprocessingSpec spec = read(CONTRACT_EXAMPLE);

        assertThat(spec).isEqualTo(new PreprocessingSpec(1, StringNormalization.STRIP, List.of(
                new FeatureSpec.OneHot("city", List.of("Boston", "Nantes")),
                new FeatureSpec.OneHot("country", List.of("France", "USA")),
                new FeatureSpec.StandardScaler("creditLimit", 83904.5, 42127.25, true, true, 0.0))));
        assertThat(spec.width()).isEqualTo(5);
        assertThat(spec.columns()).containsExactly("city", "country", "creditLimit");
    }

    /** Each row: a text replacement applied to the contract example, and what the error must say. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"format_version\": 1|\"format_version\": 2|format_version: must be 1",
        "\"format_version\": 1,||format_version: required",
        "\"strip\"|\"lower\"|string_normalization: must be",
        "\"kind\": \"one_hot\", \"categories\": [\"Boston\"|\"kind\": \"ordinal\", \"categories\": [\"Boston\"|features[0] (city).kind: must be one_hot or standard_scaler",
        "[\"Boston\", \"Nantes\"]|[\"Boston\", \"Boston\"]|features[0] (city).categories[1]: duplicate category",
        "[\"Boston\", \"Nantes\"]|[\"Boston\", \"Nantes \"]|features[0] (city).categories[1]: not normalized",
        "[\"Boston\", \"Nantes\"]|[]|features[0] (city).categories: must not be empty",
        "[\"Boston\", \"Nantes\"]|[\"Boston\", 3]|features[0] (city).categories[1]: expected a string",
        "\"column\": \"country\"|\"column\": \"city\"|features[1] (city).column: duplicate column",
        "\"mean\": 83904.5,||features[2] (creditLimit).mean: required",
        "\"mean\": 83904.5|\"mean\": 1e999|features[2] (creditLimit).mean: must be finite",
        "\"scale\": 42127.25|\"scale\": \"42127.25\"|features[2] (creditLimit).scale: expected a number",
        "\"scale\": 42127.25|\"scale\": -1|features[2] (creditLimit).scale: must not be negative",
        "\"with_std\": true|\"with_std\": 1|features[2] (creditLimit).with_std: expected a boolean",
        "\"fill_value\": 0.0|\"fill_value\": null|features[2] (creditLimit).fill_value: required",
        "\"fill_value\": 0.0|\"fill_value\": 0.0, \"clip\": true|features[2] (creditLimit).clip: unknown field",
        "\"mean\": 83904.5|\"mean\": NaN|JSON: malformed",
        "\"format_version\": 1|\"format_version\": 1, \"format_version\": 1|JSON: duplicate key",
    })
    void rejectsMalformedFilesNamingFileFeatureAndField(String find, String replace, String message) {
        String json = CONTRACT_EXAMPLE.replace(find, replace == null ? "" : replace);
        assertThat(json).isNotEqualTo(CONTRACT_EXAMPLE);

        assertThatThrownBy(() -> read(json))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("preprocessing/user.json: ")
                .hasMessageContaining(message);
    }

    @Test
    void rejectsEmptyFeaturesAndNonObjects() {
        assertThatThrownBy(() -> read("{\"format_version\": 1, \"string_normalization\": \"none\", \"features\": []}"))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("features: must not be empty");
        assertThatThrownBy(() -> read("[]")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("not a JSON object");
    }
}
