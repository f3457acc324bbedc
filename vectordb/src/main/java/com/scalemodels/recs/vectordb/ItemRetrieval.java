package com.scalemodels.recs.vectordb;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Top-k over the live item embeddings and lookups into them: what inference asks of the catalog. Two
 * implementations rank alike: {@link SimilarityClient} asks pgvector's HNSW indexes, {@link InMemoryItemIndex}
 * scores an exact in-memory copy.
 */
public interface ItemRetrieval {

    /**
     * The top {@code k} items for each query vector by the manifest's {@code distance}, best first, without the
     * ids in the matching exclude set.
     *
     * @param excludeIds one set per query (same order), or an empty list for no exclusions at all
     * @return one list per query, in query order; shorter than k only if the catalog has fewer items
     */
    List<List<ScoredItem>> itemsForVectors(List<float[]> queries, List<Set<String>> excludeIds, int k);

    /**
     * The top {@code k} items similar to each known item by the manifest's {@code item_distance}, best first, the
     * item itself excluded.
     *
     * @return by item id, in the order given; ids the catalog does not have are absent
     */
    Map<String, List<ScoredItem>> similarItems(Collection<String> itemIds, int k);

    /**
     * The stored embeddings of the known items among {@code itemIds}.
     *
     * @return by item id; ids the catalog does not have are absent
     */
    Map<String, float[]> itemEmbeddings(Collection<String> itemIds);
}
