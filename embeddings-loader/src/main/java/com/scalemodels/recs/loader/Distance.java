package com.scalemodels.recs.loader;

import java.util.Optional;

/** The manifest's distance. The SQL side maps it to the HNSW opclass (sql/schema.sql, embedding_finish_staging). */
public enum Distance {
    INNER_PRODUCT("inner_product", "vector_ip_ops"),
    COSINE("cosine", "vector_cosine_ops");

    private final String manifestName;
    private final String opclass;

    Distance(String manifestName, String opclass) {
        this.manifestName = manifestName;
        this.opclass = opclass;
    }

    public String manifestName() {
        return manifestName;
    }

    public String opclass() {
        return opclass;
    }

    public static Optional<Distance> fromManifest(String name) {
        for (Distance d : values()) {
            if (d.manifestName.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
