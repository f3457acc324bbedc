package com.scalemodels.recs.inference.recommend;

import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.enrichment.SimilarItems;
import com.scalemodels.recs.features.FeatureEncoder;
import com.scalemodels.recs.features.FeatureEncodingException;
import com.scalemodels.recs.features.SessionBlend;
import com.scalemodels.recs.features.UserFeatures;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.SessionResult;
import com.scalemodels.recs.inference.towers.TowerModel;
import com.scalemodels.recs.session.SessionEvent;
import com.scalemodels.recs.vectordb.ItemRetrieval;
import com.scalemodels.recs.vectordb.ScoredItem;
import com.scalemodels.recs.vectordb.SimilarityClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Recommendations for one model version. A batch of N sessions costs one user-tower forward pass, with a session
 * blend one catalog lookup for the embeddings of every browsed product of the batch, one top-k for the items of all
 * N queries, and at most one more for the similar items of seeds not yet cached (each one pgvector round trip, or
 * one pass over the in-memory copy: {@link ItemCatalog}).
 */
public final class RecommendationService {

    /** Seeds looked up per session beyond the first, when the first is not in the catalog. */
    static final int MAX_SEED_ROUNDS = 3;

    private final String modelVersion;
    private final FeatureEncoder userEncoder;
    private final TowerModel userTower;
    private final SimilarityClient vectors;
    private final ItemRetrieval items;
    private final LiveVersionGuard versionGuard;
    private final SessionBlend sessionBlend;
    private final SimilarItemsCache similarCache = new SimilarItemsCache();

    /**
     * @param vectors the vector database: stored user embeddings
     * @param items the item catalog ranked against: {@link ItemCatalog}, or the database itself
     * @param sessionBlend how a session's browse history moves its query (the manifest's {@code session_blend}),
     *     or null for the user vector alone
     */
    public RecommendationService(String modelVersion, FeatureEncoder userEncoder, TowerModel userTower,
            SimilarityClient vectors, ItemRetrieval items, LiveVersionGuard versionGuard, SessionBlend sessionBlend) {
        this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
        this.sessionBlend = sessionBlend;
        this.userEncoder = Objects.requireNonNull(userEncoder, "userEncoder");
        this.userTower = Objects.requireNonNull(userTower, "userTower");
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.items = Objects.requireNonNull(items, "items");
        this.versionGuard = Objects.requireNonNull(versionGuard, "versionGuard");
        if (userEncoder.width() != userTower.inputDim()) {
            throw new IllegalArgumentException("user encoder width " + userEncoder.width()
                    + " does not match the user tower's input " + userTower.inputDim());
        }
    }

    public String modelVersion() {
        return modelVersion;
    }

    public InferenceResponse recommend(InferenceRequest request) {
        versionGuard.check();
        List<SessionEvent> sessions = request.sessions();
        SessionResult[] results = new SessionResult[sessions.size()];

        // Encode each session on its own so one bad row fails that session, not the batch.
        List<Integer> encoded = new ArrayList<>(sessions.size());
        float[] features = new float[sessions.size() * userEncoder.width()];
        for (int i = 0; i < sessions.size(); i++) {
            try {
                userEncoder.encodeInto(UserFeatures.from(sessions.get(i)), features, encoded.size() * userEncoder.width());
                encoded.add(i);
            } catch (FeatureEncodingException e) {
                results[i] = SessionResult.failed(i, sessions.get(i).sessionId(), "features: " + e.getMessage());
            }
        }
        if (!encoded.isEmpty()) {
            List<float[]> users = embedUsers(Arrays.copyOf(features, encoded.size() * userEncoder.width()),
                    encoded.size());
            List<Set<String>> exclude = new ArrayList<>(encoded.size());
            for (int i : encoded) {
                exclude.add(sessions.get(i).browsedProductCodes());
            }
            List<float[]> queries = sessionBlend == null ? users : blend(sessions, encoded, users, exclude);
            List<List<ScoredItem>> ranked = items.itemsForVectors(queries, exclude, request.k());
            Map<Integer, SimilarItems> similar = similarItems(sessions, encoded, request.similarK());
            for (int j = 0; j < encoded.size(); j++) {
                int i = encoded.get(j);
                results[i] = SessionResult.ok(i, sessions.get(i).sessionId(), toRecommendations(ranked.get(j)),
                        similar.get(i));
            }
        }
        return new InferenceResponse(modelVersion, List.of(results));
    }

    /** Each session's blended query; the browsed products' embeddings of the whole batch come in one query. */
    private List<float[]> blend(List<SessionEvent> sessions, List<Integer> indexes, List<float[]> users,
            List<Set<String>> browsed) {
        Set<String> codes = new LinkedHashSet<>();
        browsed.forEach(codes::addAll);
        Map<String, float[]> embeddings = items.itemEmbeddings(codes);
        List<float[]> queries = new ArrayList<>(users.size());
        for (int j = 0; j < indexes.size(); j++) {
            queries.add(sessionBlend.query(users.get(j), sessions.get(indexes.get(j)).browseHistory(), embeddings));
        }
        return queries;
    }

    /** Embeddings of users given by their raw features, one forward pass. */
    public List<float[]> userEmbeddings(List<UserFeatures> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        return embedUsers(userEncoder.encodeBatch(users), users.size());
    }

    /** The {@code limit} items closest to a user embedding, skipping {@code exclude}. */
    public List<Recommendation> itemsForUser(float[] userEmbedding, Set<String> exclude, int limit) {
        versionGuard.check();
        return toRecommendations(items.itemsForVectors(List.of(userEmbedding), List.of(exclude), limit).get(0));
    }

    /** The stored embedding of a customer (from the loaded model version), if the catalog has one. */
    public Optional<float[]> storedUserEmbedding(int customerNumber) {
        versionGuard.check();
        return vectors.userEmbedding(customerNumber);
    }

    /** Items similar to {@code itemId}, or empty when the catalog does not know it. */
    public Optional<List<Recommendation>> similarTo(String itemId, int limit) {
        versionGuard.check();
        SimilarItemsCache.Neighbours neighbours = similarCache.get(itemId, limit).orElseGet(() -> {
            lookUp(Set.of(itemId), limit);
            return similarCache.get(itemId, limit).orElseThrow();
        });
        return neighbours.inCatalog() ? Optional.of(neighbours.items()) : Optional.empty();
    }

    private List<float[]> embedUsers(float[] features, int rows) {
        float[] flat = userTower.embed(features, rows);
        int dim = userTower.outputDim();
        List<float[]> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            out.add(Arrays.copyOfRange(flat, r * dim, (r + 1) * dim));
        }
        return out;
    }

    /**
     * The seed of a session is its first candidate (newest cart item, then newest item) that the catalog knows.
     * Each round asks pgvector, in one query, about the next uncached candidate of every unresolved session;
     * with a warm cache or known codes there is one round or none.
     */
    private Map<Integer, SimilarItems> similarItems(List<SessionEvent> sessions, List<Integer> indexes, int k) {
        Map<Integer, SimilarItems> chosen = new HashMap<>();
        if (k == 0) {
            return chosen;
        }
        Map<Integer, Integer> nextCandidate = new HashMap<>();
        Map<Integer, List<String>> candidatesOf = new HashMap<>();
        for (int i : indexes) {
            candidatesOf.put(i, sessions.get(i).seedCandidates());
        }
        List<Integer> unresolved = new ArrayList<>(indexes);
        for (int round = 0; round <= MAX_SEED_ROUNDS && !unresolved.isEmpty(); round++) {
            Set<String> toQuery = new LinkedHashSet<>();
            List<Integer> stillOpen = new ArrayList<>();
            for (int i : unresolved) {
                List<String> candidates = candidatesOf.get(i);
                int c = nextCandidate.getOrDefault(i, 0);
                boolean waiting = false;
                for (; c < candidates.size(); c++) {
                    Optional<SimilarItemsCache.Neighbours> cached = similarCache.get(candidates.get(c), k);
                    if (cached.isEmpty()) {
                        toQuery.add(candidates.get(c));
                        waiting = true;
                        break;
                    }
                    if (cached.get().inCatalog()) {
                        chosen.put(i, new SimilarItems(candidates.get(c), cached.get().items()));
                        break;
                    }
                }
                nextCandidate.put(i, c);
                if (waiting) {
                    stillOpen.add(i);
                }
            }
            if (!toQuery.isEmpty() && round < MAX_SEED_ROUNDS) {
                lookUp(toQuery, k);
            }
            unresolved = stillOpen;
        }
        return chosen;
    }

    private void lookUp(Set<String> itemIds, int k) {
        Map<String, List<ScoredItem>> found = items.similarItems(itemIds, k);
        for (String id : itemIds) {
            List<ScoredItem> items = found.get(id);
            if (items == null) {
                similarCache.putUnknown(id);
            } else {
                similarCache.putKnown(id, k, toRecommendations(items));
            }
        }
    }

    private static List<Recommendation> toRecommendations(List<ScoredItem> items) {
        List<Recommendation> out = new ArrayList<>(items.size());
        for (ScoredItem item : items) {
            out.add(new Recommendation(item.id(), item.score()));
        }
        return out;
    }
}
