package com.scalemodels.recs.loader;

import java.util.Optional;

/**
 * The manifest's distance. sql/schema.sql (embedding_finish_staging) maps it to the HNSW opclass: inner_product →
 * vector_ip_ops, cosine → vector_cosine_ops; that mapping lives only there.
 */
public enum Distance {
    INNER_PRODUCT("inner_product"),
    COSINE("cosine");

    private final String manifestName;
    Distance(String manifestName) {
        this.manifestName = manifestName;
    }

    public String manifestName() {
        return manifestName;
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
