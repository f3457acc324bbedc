package com.scalemodels.recs.inference.towers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.scalemodels.recs.artifacts.InvalidArtifactsException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real libtorch, a TorchScript linear map with known weights (see tiny-tower/make_tiny_tower.py). */
class TowerModelTest {

    private static final float[][] W = {{1.0f, 2.0f, 3.0f}, {-1.0f, 0.5f, 0.25f}};
    private static final float[] B = {0.5f, -2.0f};
    private static TowerModel tower;

    @BeforeAll
    static void load() throws URISyntaxException {
        tower = TowerModel.load("tiny", tinyTower(), 3, 2);
    }

    @AfterAll
    static void close() {
        tower.close();
    }

    static Path tinyTower() throws URISyntaxException {
        return Path.of(TowerModelTest.class.getResource("/tiny-tower/tiny_tower.pt").toURI());
    }

    private static float[] expected(float[] rowMajor, int rows) {
        float[] out = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < 2; o++) {
                double sum = B[o];
                for (int i = 0; i < 3; i++) {
                    sum += (double) W[o][i] * rowMajor[r * 3 + i];
                }
                out[r * 2 + o] = (float) sum;
            }
        }
        return out;
    }

    @Test
    void embedsABatchInOneForwardPass() {
        float[] features = {1, 0, 0, 0, 1, 0, 0.5f, -1, 2, 10, 20, 30};

        float[] embeddings = tower.embed(features, 4);

        float[] want = expected(features, 4);
        assertThat(embeddings).hasSize(8);
        for (int i = 0; i < want.length; i++) {
            assertThat(embeddings[i]).as("value %d", i).isCloseTo(want[i], within(1e-5f));
        }
    }

    @Test
    void batchSizeDoesNotChangeARowsEmbedding() {
        float[] row = {0.25f, -0.75f, 4};
        float[] alone = tower.embed(row, 1);
        float[] batch = new float[3 * 50];
        for (int r = 0; r < 50; r++) {
            System.arraycopy(row, 0, batch, r * 3, 3);
        }

        float[] together = tower.embed(batch, 50);

        for (int r = 0; r < 50; r++) {
            assertThat(new float[] {together[r * 2], together[r * 2 + 1]}).containsExactly(alone);
        }
    }

    @Test
    void wrongFeatureCountNamesTheShape() {
        assertThatThrownBy(() -> tower.embed(new float[5], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 × 3");
    }

    @Test
    void outputWidthMustMatchTheManifest() {
        assertThatThrownBy(() -> TowerModel.load("user", tinyTower(), 3, 32))
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("user tower")
                .hasMessageContaining("expected (1, 32)");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> TowerModel.load("item", Path.of("/nonexistent/item_tower.pt"), 3, 2))
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("item tower")
                .hasMessageContaining("item_tower.pt");
    }
}
