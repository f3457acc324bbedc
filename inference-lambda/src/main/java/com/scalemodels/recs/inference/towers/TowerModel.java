package com.scalemodels.recs.inference.towers;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import com.scalemodels.recs.artifacts.InvalidArtifactsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One TorchScript tower (user or item): float32[batch, inputDim] → float32[batch, outputDim], one forward pass per
 * call. The predictor is not thread-safe, so calls are serialized; a Lambda execution environment handles one
 * request at a time anyway.
 */
public final class TowerModel implements AutoCloseable {

    private final String name;
    private final int inputDim;
    private final int outputDim;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    private TowerModel(String name, int inputDim, int outputDim, ZooModel<NDList, NDList> model) {
        this.name = name;
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /**
     * Loads {@code file} and checks its output width with one forward pass, so a tower that does not match the
     * manifest fails init instead of the first request.
     */
    public static TowerModel load(String name, Path file, int inputDim, int outputDim) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidArtifactsException(name + " tower: file " + file + " not found");
        }
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optModelName(stripExtension(file.getFileName().toString()))
                .optEngine("PyTorch")
                .optTranslator(new NoopTranslator())
                .build();
        ZooModel<NDList, NDList> model;
        try {
            model = criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException e) {
            throw new InvalidArtifactsException(name + " tower: cannot load " + file.getFileName() + ": " + e.getMessage(), e);
        }
        TowerModel tower = new TowerModel(name, inputDim, outputDim, model);
        try {
            tower.embed(new float[inputDim], 1);
        } catch (RuntimeException e) {
            tower.close();
            throw e;
        }
        return tower;
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * Embeds {@code rows} inputs given row-major in {@code features} ({@code rows × inputDim} values) and returns
     * the embeddings row-major ({@code rows × outputDim}).
     */
    public synchronized float[] embed(float[] features, int rows) {
        Objects.requireNonNull(features, "features");
        if (rows < 1 || features.length != rows * inputDim) {
            throw new IllegalArgumentException(name + " tower: expected " + rows + " × " + inputDim
                    + " features, got " + features.length + " values");
        }
        // Every NDArray of this call (input and outputs) lives in this sub-manager and is freed with it;
        // without it native memory grows with every request until the function runs out of memory.
        try (NDManager request = model.getNDManager().newSubManager()) {
            NDArray input = request.create(features, new Shape(rows, inputDim));
            NDList output = predictor.predict(new NDList(input));
            NDArray embeddings = output.singletonOrThrow();
            Shape shape = embeddings.getShape();
            if (shape.dimension() != 2 || shape.get(0) != rows || shape.get(1) != outputDim) {
                throw new InvalidArtifactsException(name + " tower: output shape " + shape + ", expected (" + rows + ", "
                        + outputDim + ")");
            }
            return embeddings.toFloatArray();
        } catch (TranslateException e) {
            throw new InvalidArtifactsException(name + " tower: forward pass failed: " + e.getMessage(), e);
        }
    }

    /**
     * NDArrays held by the model's manager: its weights, plus anything a request failed to free. Constant from one
     * request to the next unless native memory leaks.
     */
    public int liveArrays() {
        return model.getNDManager().getManagedArrays().size();
    }

    public int inputDim() {
        return inputDim;
    }

    public int outputDim() {
        return outputDim;
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }
}
