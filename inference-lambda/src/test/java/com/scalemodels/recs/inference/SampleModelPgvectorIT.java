package com.scalemodels.recs.inference;

import com.scalemodels.recs.inference.recommend.ItemCatalog;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link SampleModelIT}'s checks with the in-memory copy switched off ({@code RECS_IN_MEMORY_CATALOG_MB=0}): pgvector
 * must give the same brute-force ranking, since it is the fallback for catalogs over the budget.
 */
class SampleModelPgvectorIT extends SampleModelIT {

    @BeforeAll
    static void start() throws Exception {
        start(SampleInference.start("sample_model_pgvector_it", work, 0), ItemCatalog.Mode.PGVECTOR);
    }
}
