package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoaderConfigTest {

    /** What Terraform sets, less what has a default. */
    private static Map<String, String> lambdaEnv() {
        return new HashMap<>(Map.of("ML_ARTIFACTS_URI", "s3://ml-artifacts/models/v1",
                "VECTOR_DB_JDBC_URL", "jdbc:postgresql://db:5432/vectors",
                "VECTOR_DB_SECRET_ID", "arn:aws:secretsmanager:us-east-1:123:secret:db"));
    }

    @Test
    void usesOneConnectionAndTheDefaults() {
        LoaderConfig config = LoaderConfig.fromEnvironment(new Environment(lambdaEnv()));

        assertThat(config.artifactsUri()).isEqualTo(URI.create("s3://ml-artifacts/models/v1"));
        assertThat(config.artifactCacheDir()).isEqualTo(Path.of("/tmp/ml-artifacts"));
        assertThat(config.vectorDb().poolSize()).isEqualTo(1);
        assertThat(config.vectorDb().credentials())
                .isEqualTo(new VectorDbConfig.Credentials.SecretsManager("arn:aws:secretsmanager:us-east-1:123:secret:db"));
        assertThat(config.load()).isEqualTo(new LoadSettings(16, 64, 512, 2));
    }

    @Test
    void readsTheIndexBuildSettings() {
        Map<String, String> env = lambdaEnv();
        env.put("HNSW_M", "8");
        env.put("HNSW_EF_CONSTRUCTION", "32");
        env.put("HNSW_MAINTENANCE_WORK_MEM_MB", "1024");
        env.put("HNSW_BUILD_WORKERS", "0");
        env.put("ARTIFACT_CACHE_DIR", "/data/cache");

        LoaderConfig config = LoaderConfig.fromEnvironment(new Environment(env));

        assertThat(config.load()).isEqualTo(new LoadSettings(8, 32, 1024, 0));
        assertThat(config.artifactCacheDir()).isEqualTo(Path.of("/data/cache"));
    }

    @Test
    void namesTheVariableThatIsWrong() {
        for (String[] bad : new String[][] {{"HNSW_M", "1"}, {"HNSW_EF_CONSTRUCTION", "many"},
            {"HNSW_MAINTENANCE_WORK_MEM_MB", "32"}, {"HNSW_BUILD_WORKERS", "65"}}) {
            Map<String, String> env = lambdaEnv();
            env.put(bad[0], bad[1]);
            assertThatThrownBy(() -> LoaderConfig.fromEnvironment(new Environment(env))).as(bad[0])
                    .isInstanceOf(ConfigException.class).hasMessageContaining(bad[0]);
        }
        Map<String, String> env = lambdaEnv();
        env.remove("ML_ARTIFACTS_URI");
        assertThatThrownBy(() -> LoaderConfig.fromEnvironment(new Environment(env)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ML_ARTIFACTS_URI");
    }

    @Test
    void settingsOutOfRangeAreRefusedWhateverTheirSource() {
        assertThatThrownBy(() -> new LoadSettings(16, 64, 512, 65)).isInstanceOf(ConfigException.class)
                .hasMessage("workers of the index build must be between 0 and 64, got 65");
        assertThatThrownBy(() -> LoadSettings.defaults(1, 64)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("HNSW m must be between 2 and 100");
    }
}
