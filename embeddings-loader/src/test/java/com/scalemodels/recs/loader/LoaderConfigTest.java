package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalemodels.recs.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoaderConfigTest {

    @Test
    void loaderConfigUsesOneConnectionAndHnswDefaults() {
        LoaderConfig config = LoaderConfig.fromEnvironment(new Environment(Map.of(
                "ML_ARTIFACTS_URI", "s3://ml-artifacts/models/v1",
                "VECTOR_DB_JDBC_URL", "jdbc:postgresql://db:5432/vectors",
                "VECTOR_DB_SECRET_ID", "arn:aws:secretsmanager:us-east-1:123:secret:db")));

        assertThat(config.vectorDb().poolSize()).isEqualTo(1);
        assertThat(config.hnswM()).isEqualTo(16);
        assertThat(config.hnswEfConstruction()).isEqualTo(64);
    }
}
