package com.scalemodels.recs.artifacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.artifacts.InvalidArtifactsException;
import com.scalemodels.recs.artifacts.ArtifactFixture;
import com.scalemodels.recs.artifacts.Manifest;
import com.scalemodels.recs.features.SessionBlend;
import com.scalemodels.recs.model.Distance;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestParserTest {

    private final ArtifactFixture fixture = new ArtifactFixture("v1");
    private final ManifestParser parser = new ManifestParser();

    @Test
    void parsesEveryField() {
        Manifest m = parser.parse(fixture.manifest());

        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.modelVersion()).isEqualTo("v1");
        assertThat(m.createdAt()).isEqualTo("2026-11-21T00:00:00Z");
        assertThat(m.distance()).isEqualTo(Distance.INNER_PRODUCT);
        assertThat(m.itemDistance()).as("absent: the user-to-item measure").isEqualTo(Distance.INNER_PRODUCT);
        assertThat(m.sessionBlend()).as("absent: the user vector alone").isNull();
        assertThat(m.userFeatures()).isEqualTo(new Manifest.FeatureSet("preprocessing/user.json",
                java.util.List.of("city", "country", "creditLimit"), 5));
        assertThat(m.files()).hasSize(6);
        assertThat(m.files().get("model/item_tower.pt").bytes()).isEqualTo(30_000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"format_version\": 1|\"format_version\": 2|format_version: must be 1",
        "\"model_version\": \"v1\"|\"model_version\": \"../evil\"|model_version: must match",
        "\"distance\": \"inner_product\"|\"distance\": \"l2\"|distance: must be inner_product or cosine",
        "\"embedding_dim\": 2|\"embedding_dim\": \"2\"|embedding_dim: expected an integer",
        "\"distance\": \"inner_product\"|\"distance\": \"inner_product\", \"item_distance\": \"l2\"|item_distance: must be inner_product or cosine",
        "\"distance\": \"inner_product\"|\"distance\": \"inner_product\", \"item_distance\": 1|item_distance: expected a string",
        "\"model/user_tower.pt\"|\"../user_tower.pt\"|not a safe relative path",
        "\"model/user_tower.pt\"|\"/etc/passwd\"|not a safe relative path",
        "\"preprocessing/user.json\", \"columns\"|\"preprocessing/other.json\", \"columns\"|user_features.preprocessing: preprocessing/other.json is not listed in files",
        "\"input_dim\": 5|\"input_dim\": 0|user_features.input_dim: out of range (limit 1..",
        "\"bytes\": 30000|\"bytes\": -1|bytes: out of range (limit 0..",
    })
    void rejectsMalformedManifests(String find, String replace, String message) {
        String json = new String(fixture.manifest(), StandardCharsets.UTF_8).replace(find, replace);

        assertThatThrownBy(() -> parser.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageStartingWith("manifest.json")
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"inner_product, cosine, INNER_PRODUCT, COSINE", "cosine, inner_product, COSINE, INNER_PRODUCT",
        "cosine, cosine, COSINE, COSINE"})
    void itemDistanceIsReadApartFromTheUserToItemDistance(String distance, String itemDistance, Distance expectedUser,
            Distance expectedItem) {
        String json = new String(fixture.manifest(), StandardCharsets.UTF_8).replace("\"distance\": \"inner_product\"",
                "\"distance\": \"" + distance + "\", \"item_distance\": \"" + itemDistance + "\"");

        Manifest m = parser.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(m.distance()).isEqualTo(expectedUser);
        assertThat(m.itemDistance()).isEqualTo(expectedItem);
    }

    @Test
    void withoutItemDistanceItemsAreComparedLikeUsersAndItems() {
        String json = new String(fixture.manifest(), StandardCharsets.UTF_8).replace("\"distance\": \"inner_product\"",
                "\"distance\": \"cosine\"");

        assertThat(parser.parse(json.getBytes(StandardCharsets.UTF_8)).itemDistance()).isEqualTo(Distance.COSINE);
    }

    private Manifest withBlend(String blend) {
        String json = new String(fixture.manifest(), StandardCharsets.UTF_8).replace("\"distance\": \"inner_product\"",
                "\"distance\": \"inner_product\", \"session_blend\": " + blend);
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sessionBlendIsReadWithItsFourWeights() {
        Manifest m = withBlend("{\"user_weight\": 1.0, \"browse_weight\": 0.5, \"cart_weight\": 2, \"recency_decay\": 1}");

        assertThat(m.sessionBlend()).isEqualTo(new SessionBlend(1.0, 0.5, 2.0, 1.0));
        assertThat(withBlend("null").sessionBlend()).as("null: the user vector alone").isNull();
        assertThat(withBlend("{\"user_weight\": 0, \"browse_weight\": 0, \"cart_weight\": 0, \"recency_decay\": 1e-9}")
                .sessionBlend().userWeight()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"user_weight\": 1.0|\"user_weight\": -0.5|session_blend.user_weight: must not be negative",
        "\"browse_weight\": 1.0|\"browse_weight\": \"1\"|session_blend.browse_weight: expected a number",
        "\"cart_weight\": 2.0, |\"cart_weight\": 1e999, |session_blend.cart_weight: must be finite",
        "\"cart_weight\": 2.0, ||session_blend.cart_weight: required",
        "\"recency_decay\": 0.9|\"recency_decay\": 0|session_blend.recency_decay: must be > 0 and <= 1",
        "\"recency_decay\": 0.9|\"recency_decay\": 1.5|session_blend.recency_decay: must be > 0 and <= 1",
        "\"recency_decay\": 0.9|\"recency_decay\": 0.9, \"newest_weight\": 3|session_blend.newest_weight: unknown field",
        "{\"user_weight\": 1.0, \"browse_weight\": 1.0, \"cart_weight\": 2.0, \"recency_decay\": 0.9}|[1, 1, 2, 0.9]|session_blend: expected an object",
    })
    void rejectsMalformedSessionBlendsNamingTheField(String find, String replace, String message) {
        String blend = "{\"user_weight\": 1.0, \"browse_weight\": 1.0, \"cart_weight\": 2.0, \"recency_decay\": 0.9}";
        String bad = blend.replace(find, replace == null ? "" : replace);
        assertThat(bad).isNotEqualTo(blend);

        assertThatThrownBy(() -> withBlend(bad))
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessage("manifest.json: " + message);
    }

    @Test
    void rejectsBadHashesAndNonJson() {
        String json = new String(fixture.manifest(), StandardCharsets.UTF_8);
        String badSha = json.replaceFirst("\"sha256\": \"[0-9a-f]{64}\"", "\"sha256\": \"ABC\"");

        assertThatThrownBy(() -> parser.parse(badSha.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("sha256: must be 64 lowercase hex digits");
        assertThatThrownBy(() -> parser.parse("nope".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidArtifactsException.class).hasMessageContaining("JSON: malformed");
    }
}
