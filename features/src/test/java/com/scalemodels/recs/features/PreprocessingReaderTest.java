package com.scalemodels.recs.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

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
        "\"format_version\": 1|\"format_version\": 2|format_version must be 1",
        "\"format_version\": 1,||format_version must be 1",
        "\"strip\"|\"lower\"|string_normalization must be",
        "\"kind\": \"one_hot\", \"categories\": [\"Boston\"|\"kind\": \"ordinal\", \"categories\": [\"Boston\"|features[0] (city): unknown kind \"ordinal\"",
        "[\"Boston\", \"Nantes\"]|[\"Boston\", \"Boston\"]|features[0] (city): categories[1] is a duplicate",
        "[\"Boston\", \"Nantes\"]|[\"Boston\", \"Nantes \"]|features[0] (city): categories[1] is not normalized",
        "[\"Boston\", \"Nantes\"]|[]|features[0] (city): categories must be a non-empty array",
        "[\"Boston\", \"Nantes\"]|[\"Boston\", 3]|features[0] (city): categories[1] must be a string",
        "\"column\": \"country\"|\"column\": \"city\"|features[1] (city): duplicate column",
        "\"mean\": 83904.5,||features[2] (creditLimit): mean must be a number",
        "\"mean\": 83904.5|\"mean\": 1e999|features[2] (creditLimit): mean must be finite",
        "\"scale\": 42127.25|\"scale\": \"42127.25\"|features[2] (creditLimit): scale must be a number",
        "\"scale\": 42127.25|\"scale\": -1|features[2] (creditLimit): scale must not be negative",
        "\"with_std\": true|\"with_std\": 1|features[2] (creditLimit): with_std must be true or false",
        "\"fill_value\": 0.0|\"fill_value\": null|features[2] (creditLimit): fill_value must be a number",
        "\"fill_value\": 0.0|\"fill_value\": 0.0, \"clip\": true|features[2] (creditLimit): unknown field \"clip\"",
        "\"mean\": 83904.5|\"mean\": NaN|not valid JSON",
        "\"format_version\": 1|\"format_version\": 1, \"format_version\": 1|not valid JSON",
    })
    void rejectsMalformedFilesNamingFileFeatureAndField(String find, String replace, String message) {
        String json = CONTRACT_EXAMPLE.replace(find, replace == null ? "" : replace);
        assertThat(json).isNotEqualTo(CONTRACT_EXAMPLE);

        assertThatThrownBy(() -> read(json))
                .isInstanceOf(PreprocessingException.class)
                .hasMessageStartingWith("preprocessing/user.json: ")
                .hasMessageContaining(message);
    }

    @Test
    void rejectsEmptyFeaturesAndNonObjects() {
        assertThatThrownBy(() -> read("{\"format_version\": 1, \"string_normalization\": \"none\", \"features\": []}"))
                .isInstanceOf(PreprocessingException.class).hasMessageContaining("features must be a non-empty");
        assertThatThrownBy(() -> read("[]")).isInstanceOf(PreprocessingException.class)
                .hasMessageContaining("not a JSON object");
    }
}
