package com.scalemodels.recs.model;

/**
 * The similarity the model was trained for (manifest {@code distance}). Each maps to a pgvector operator whose
 * ascending order an HNSW index serves, and to a score where higher is more similar.
 */
public enum Distance {

    /** {@code <#>} is the negative inner product; score = {@code -(a <#> b)}; opclass {@code vector_ip_ops}. */
    INNER_PRODUCT("inner_product", "<#>", "vector_ip_ops"),
    /** {@code <=>} is the cosine distance; score = {@code 1 - (a <=> b)}; opclass {@code vector_cosine_ops}. */
    COSINE("cosine", "<=>", "vector_cosine_ops");

    private final String manifestName;
    private final String operator;
    private final String opclass;

    Distance(String manifestName, String operator, String opclass) {
        this.manifestName = manifestName;
        this.operator = operator;
        this.opclass = opclass;
    }

    public String manifestName() {
        return manifestName;
    }

    public String operator() {
        return operator;
    }

    public String opclass() {
        return opclass;
    }

    /** The score for a raw operator value. */
    public double score(double operatorValue) {
        return this == INNER_PRODUCT ? -operatorValue : 1.0 - operatorValue;
    }

    /** @return the distance named {@code name} in a manifest, or null if none is */
    public static Distance fromManifest(String name) {
        for (Distance d : values()) {
            if (d.manifestName.equals(name)) {
                return d;
            }
        }
        return null;
    }
}
