package com.scalemodels.recs.vectordb;

/**
 * The vector database serves another model version than the one whose towers this process loaded: user embeddings
 * from one model ranked against item embeddings of another would be plausible-looking garbage. Treated as an
 * outage (retry later: the deployment that swapped the embeddings also brings the matching towers), never as a
 * bad request.
 */
public final class ModelVersionMismatchException extends VectorDbUnavailableException {

    private static final long serialVersionUID = 1L;

    private final String loaded;
    private final String live;

    public ModelVersionMismatchException(String loaded, String live) {
        super("the vector database serves model version " + live + ", this function loaded " + loaded, null);
        this.loaded = loaded;
        this.live = live;
    }

    public String loaded() {
        return loaded;
    }

    public String live() {
        return live;
    }
}
