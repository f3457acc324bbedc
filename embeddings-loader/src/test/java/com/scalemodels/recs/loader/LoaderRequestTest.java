package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.json.InvalidFieldException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoaderRequestTest {

    private static final URI CONFIGURED = URI.create("s3://configured/models");

    @Test
    void readsTerraformsEvent() {
        LoaderRequest r = LoaderRequest.fromEvent(Map.of("source", "terraform", "artifacts_uri",
                "s3://ml-artifacts/models/current", "manifest_etag", "\"9b2cf535f27731c974343645a3985328\"",
                "expected_version", "classicmodels-v7", "added_later", Map.of("any", 1)));
        assertThat(r.artifactsOr(CONFIGURED)).isEqualTo(URI.create("s3://ml-artifacts/models/current"));
        assertThat(r.expectedVersion()).isEqualTo("classicmodels-v7");
        assertThat(r.source()).isEqualTo("terraform");
        assertThat(r.manifestEtag()).isEqualTo("\"9b2cf535f27731c974343645a3985328\"");
        assertThat(r.force()).isFalse();
        assertThat(r.rollback()).isFalse();
    }

    @Test
    void nullAndEmptyFieldsMeanNotGiven() {
        Map<String, Object> event = new HashMap<>();
        event.put("source", "terraform");
        event.put("artifacts_uri", "");
        event.put("expected_version", null); // jsonencode of a null Terraform variable
        LoaderRequest r = LoaderRequest.fromEvent(event);
        assertThat(r.artifactsUri()).isEqualTo(Optional.empty());
        assertThat(r.artifactsOr(CONFIGURED)).isEqualTo(CONFIGURED);
        assertThat(r.expectedVersion()).isEmpty();
        assertThat(LoaderRequest.fromEvent(null)).isEqualTo(LoaderRequest.fromEvent(Map.of()));
    }

    @Test
    void operatorEventsAsBefore() {
        assertThat(LoaderRequest.fromEvent(Map.of("force", true)).force()).isTrue();
        assertThat(LoaderRequest.fromEvent(Map.of("rollback", true)).rollback()).isTrue();
        assertThat(LoaderRequest.fromEvent(Map.of("artifacts_uri", "file:///data/ml")).artifactsOr(CONFIGURED))
                .isEqualTo(URI.create("file:///data/ml"));
        assertThatThrownBy(() -> LoaderRequest.fromEvent(Map.of("force", true, "rollback", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> LoaderRequest.fromEvent(Map.of("force", "yes")))
                .isInstanceOf(InvalidFieldException.class).hasMessage("force: expected a boolean");
    }

    @Test
    void rejectsArtifactLocationsTheStoreCannotRead() {
        for (String bad : new String[] {"https://bucket.s3.amazonaws.com/models", "s3:///no-bucket", "file:relative",
            "/data/ml", "s3://bad bucket"}) {
            assertThatThrownBy(() -> LoaderRequest.fromEvent(Map.of("artifacts_uri", bad))).as(bad)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("artifacts_uri");
        }
        assertThatThrownBy(() -> LoaderRequest.fromEvent(Map.of("expected_version", 7)))
                .isInstanceOf(InvalidFieldException.class).hasMessage("expected_version: expected a string");
        assertThatThrownBy(() -> LoaderRequest.fromEvent(Map.of("source", "x".repeat(2049))))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("source").hasMessageContaining("2048");
    }
}
