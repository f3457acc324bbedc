package com.scalemodels.recs.features;

import com.scalemodels.recs.json.InvalidFieldException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes raw feature rows into float32 vectors exactly as the training pipeline's scikit-learn encoders did:
 * the features' encodings concatenated in the file's order. Per-column lookups are prebuilt, so encoding a row
 * allocates nothing but its output. Immutable and thread-safe.
 */
public final class FeatureEncoder {

    private final PreprocessingSpec spec;
    private final Column[] columns;
    private final int width;

    private FeatureEncoder(PreprocessingSpec spec) {
        this.spec = spec;
        this.columns = new Column[spec.features().size()];
        int offset = 0;
        for (int i = 0; i < columns.length; i++) {
            FeatureSpec f = spec.features().get(i);
            columns[i] = f instanceof FeatureSpec.OneHot o
                    ? new OneHotColumn(o, offset, spec.stringNormalization())
                    : new ScalerColumn((FeatureSpec.StandardScaler) f, offset);
            offset += f.width();
        }
        this.width = offset;
    }

    public static FeatureEncoder of(PreprocessingSpec spec) {
        return new FeatureEncoder(spec);
    }

    /**
     * An encoder checked against the manifest: its columns must equal {@code columns} in order and its width
     * must be {@code inputDim}, or the model would be fed vectors of another layout.
     *
     * @throws InvalidFieldException naming {@code source} when they differ
     */
    public static FeatureEncoder forManifest(PreprocessingSpec spec, List<String> columns, int inputDim,
            String source) {
        if (!spec.columns().equals(columns)) {
            throw new InvalidFieldException(source, "feature columns " + spec.columns()
                    + " do not match the manifest's columns " + columns);
        }
        if (spec.width() != inputDim) {
            throw new InvalidFieldException(source, "encodes " + spec.width()
                    + " values but the manifest's input_dim is " + inputDim);
        }
        return new FeatureEncoder(spec);
    }

    public int width() {
        return width;
    }

    public PreprocessingSpec spec() {
        return spec;
    }

    public float[] encode(FeatureRow row) {
        float[] out = new float[width];
        encodeInto(row, out, 0);
        return out;
    }

    public float[] encode(Map<String, ?> row) {
        return encode(FeatureRow.of(row));
    }

    /** Row-major {@code rows.size() × width()} buffer: one tensor for one forward pass. */
    public float[] encodeBatch(List<? extends FeatureRow> rows) {
        float[] out = new float[Math.multiplyExact(rows.size(), width)];
        for (int i = 0; i < rows.size(); i++) {
            encodeInto(rows.get(i), out, i * width);
        }
        return out;
    }

    /** Writes {@code width()} values at {@code out[offset…]}; every position is written (zeros included). */
    public void encodeInto(FeatureRow row, float[] out, int offset) {
        if (offset < 0 || offset + width > out.length) {
            throw new IndexOutOfBoundsException("no room for " + width + " values at " + offset);
        }
        for (Column c : columns) {
            c.encode(row.value(c.name()), out, offset);
        }
    }

    private sealed interface Column permits OneHotColumn, ScalerColumn {
        String name();

        void encode(Object value, float[] out, int rowOffset);
    }

    private record OneHotColumn(String name, Map<String, Integer> index, int offset, int width,
            StringNormalization normalization) implements Column {

        OneHotColumn(FeatureSpec.OneHot spec, int offset, StringNormalization normalization) {
            this(spec.column(), indexOf(spec.categories()), offset, spec.width(), normalization);
        }

        private static Map<String, Integer> indexOf(List<String> categories) {
            Map<String, Integer> index = new HashMap<>(categories.size() * 2);
            for (int i = 0; i < categories.size(); i++) {
                index.put(categories.get(i), i);
            }
            return Map.copyOf(index);
        }

        @Override
        public void encode(Object value, float[] out, int rowOffset) {
            int start = rowOffset + offset;
            java.util.Arrays.fill(out, start, start + width, 0f);
            if (value == null) {
                return;
            }
            if (!(value instanceof CharSequence text)) {
                throw new FeatureEncodingException("column " + name + ": expected a string, got a "
                        + value.getClass().getSimpleName());
            }
            Integer i = index.get(normalization.apply(text.toString()));
            if (i != null) {
                out[start + i] = 1f;
            }
        }
    }

    private record ScalerColumn(String name, int offset, double mean, double scale, boolean withMean,
            boolean withStd, double fill) implements Column {

        ScalerColumn(FeatureSpec.StandardScaler s, int offset) {
            // scikit-learn replaces a zero scale by 1 (constant column): dividing by it must be a no-op.
            this(s.column(), offset, s.mean(), s.scale() == 0.0 ? 1.0 : s.scale(), s.withMean(), s.withStd(),
                    s.fillValue());
        }

        @Override
        public void encode(Object value, float[] out, int rowOffset) {
            double x;
            if (value == null) {
                x = fill;
            } else if (value instanceof Number n) {
                x = n.doubleValue();
                if (Double.isNaN(x)) {
                    x = fill; // pandas' missing value; SimpleImputer fills NaN
                } else if (Double.isInfinite(x)) {
                    throw new FeatureEncodingException("column " + name + ": value is not finite");
                }
            } else {
                throw new FeatureEncodingException("column " + name + ": expected a number, got a "
                        + value.getClass().getSimpleName());
            }
            // Same float64 operations, in the same order, as StandardScaler.transform; then one rounding.
            if (withMean) {
                x -= mean;
            }
            if (withStd) {
                x /= scale;
            }
            out[rowOffset + offset] = (float) x;
        }
    }
}
