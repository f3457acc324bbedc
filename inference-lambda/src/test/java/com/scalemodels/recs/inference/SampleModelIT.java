package com.scalemodels.recs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.features.FeatureEncoder;
import com.scalemodels.recs.features.ItemFeatures;
import com.scalemodels.recs.features.UserFeatures;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.SessionResult;
import com.scalemodels.recs.inference.recommend.ItemCatalog;
import com.scalemodels.recs.inference.recommend.LiveVersionGuard;
import com.scalemodels.recs.inference.recommend.RecommendationService;
import com.scalemodels.recs.model.Distance;
import com.scalemodels.recs.session.BrowseItem;
import com.scalemodels.recs.session.DecodeResult;
import com.scalemodels.recs.session.SessionDecoder;
import com.scalemodels.recs.session.SessionEvent;
import com.scalemodels.recs.vectordb.SimilarityClient;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample model end to end, on real libtorch and real pgvector: raw features → encoder → TorchScript tower
 * reproduce the shipped embeddings, and batch recommendations equal a brute-force ranking over the shipped CSVs:
 * {@code recommended_items} for the session query of the manifest's {@code session_blend}, {@code similar_items} by
 * its {@code item_distance}.
 */
class SampleModelIT {

    @TempDir
    static Path work;
    private static SampleInference sample;
    private static InferenceRuntime runtime;
    private static Map<String, float[]> itemCsv;
    private static Map<String, float[]> userCsv;

    static ItemCatalog.Mode expectedRetrieval;

    @BeforeAll
    static void start() throws Exception {
        start(SampleInference.start("sample_model_it", work), ItemCatalog.Mode.IN_MEMORY);
    }

    static void start(SampleInference started, ItemCatalog.Mode retrieval) {
        sample = started;
        runtime = sample.runtime;
        itemCsv = sample.itemCsv;
        userCsv = sample.userCsv;
        expectedRetrieval = retrieval;
    }

    @Test
    void ranksWithTheRetrievalItWasConfiguredFor() {
        assertThat(runtime.catalog().mode()).isEqualTo(expectedRetrieval);
        assertThat(runtime.catalog().copiedItems()).isEqualTo(
                expectedRetrieval == ItemCatalog.Mode.IN_MEMORY ? itemCsv.size() : 0);
    }

    @AfterAll
    static void stop() throws Exception {
        sample.close();
    }

    @Test
    void everyItemEmbeddingComputedFromRawFeaturesMatchesTheShippedOne() throws Exception {
        List<CSVRecord> products = ReferenceData.rows(SampleCatalog.CSV.resolve("products.csv"));
        List<ItemFeatures> rows = products.stream().map(p -> new ItemFeatures(p.get("productLine"),
                p.get("productScale"), ReferenceData.number(p, "quantityInStock"), ReferenceData.number(p, "buyPrice"),
                ReferenceData.number(p, "MSRP"))).toList();
        FeatureEncoder encoder = runtime.artifacts().itemEncoder();

        float[] embeddings = runtime.itemTower().embed(encoder.encodeBatch(rows), rows.size());

        assertThat(products).hasSize(itemCsv.size());
        for (int r = 0; r < products.size(); r++) {
            float[] shipped = itemCsv.get(products.get(r).get("productCode"));
            for (int d = 0; d < 32; d++) {
                assertThat(embeddings[r * 32 + d]).as("%s[%d]", products.get(r).get("productCode"), d)
                        .isCloseTo(shipped[d], within(1e-5f));
            }
        }
    }

    @Test
    void everyUserEmbeddingComputedFromRawFeaturesMatchesTheShippedOne() throws Exception {
        List<CSVRecord> customers = ReferenceData.rows(SampleCatalog.CSV.resolve("customers.csv"));
        List<UserFeatures> rows = customers.stream().map(c -> new UserFeatures(ReferenceData.text(c, "city"),
                ReferenceData.text(c, "country"), ReferenceData.number(c, "creditLimit"))).toList();

        List<float[]> embeddings = runtime.service().userEmbeddings(rows);

        assertThat(customers).hasSize(userCsv.size());
        for (int r = 0; r < customers.size(); r++) {
            float[] shipped = userCsv.get(customers.get(r).get("customerNumber"));
            assertThat(embeddings.get(r)).as("customer %s", customers.get(r).get("customerNumber"))
                    .containsExactly(shipped, within(1e-5f));
        }
    }

    @Test
    void batchRecommendationsEqualBruteForceOverTheShippedEmbeddings() throws Exception {
        List<SessionEvent> sessions = sampleSessions();
        JsonNode blend = SampleInference.manifestBlend();
        boolean cosineItems = "cosine".equals(new ObjectMapper().readTree(SampleCatalog.ARTIFACTS.resolve(
                "manifest.json").toFile()).path("item_distance").asText());
        assertThat(cosineItems).as("the sample manifest's item_distance").isTrue();
        InferenceResponse response = runtime.service().recommend(new InferenceRequest("it", 10, 5, sessions));

        assertThat(response.modelVersion()).isEqualTo(runtime.artifacts().manifest().modelVersion());
        assertThat(response.results()).hasSize(sessions.size());
        for (int i = 0; i < sessions.size(); i++) {
            SessionEvent session = sessions.get(i);
            SessionResult result = response.results().get(i);
            assertThat(result.index()).isEqualTo(i);
            assertThat(result.error()).isNull();

            float[] user = userCsv.get(Integer.toString(session.customerNumber()));
            float[] query = blend == null ? user : sample.blendedQuery(blend, user, session.browseHistory());
            Set<String> browsed = session.browseHistory().stream().map(BrowseItem::productCode).collect(Collectors.toSet());
            assertSameRanking(result.recommendedItems(), sample.bruteForce(query, browsed, 10), session.sessionId());

            String seed = expectedSeed(session);
            if (seed == null) {
                assertThat(result.similarItems()).as(session.sessionId()).isNull();
            } else {
                assertThat(result.similarItems().productCode()).as(session.sessionId()).isEqualTo(seed);
                assertSameRanking(result.similarItems().similarItems(),
                        sample.bruteForceCosine(itemCsv.get(seed), Set.of(seed), 5), session.sessionId() + " similar");
            }
        }
    }

    @Test
    void withoutASessionBlendTheQueryIsTheUserVector() throws Exception {
        List<SessionEvent> sessions = sampleSessions();
        try (SimilarityClient vectors = SimilarityClient.create(sample.catalog.vectorDb(), Distance.INNER_PRODUCT,
                Distance.COSINE, 32)) {
            RecommendationService userOnly = new RecommendationService(SampleCatalog.modelVersion(),
                    runtime.artifacts().userEncoder(), runtime.userTower(), vectors, vectors,
                    new LiveVersionGuard(SampleCatalog.modelVersion(), Optional::empty, Duration.ZERO, System::nanoTime),
                    null);

            InferenceResponse response = userOnly.recommend(new InferenceRequest("it", 10, 0, sessions));

            for (int i = 0; i < sessions.size(); i++) {
                SessionEvent session = sessions.get(i);
                assertSameRanking(response.results().get(i).recommendedItems(),
                        sample.bruteForce(userCsv.get(Integer.toString(session.customerNumber())),
                                session.browsedProductCodes(), 10), session.sessionId());
            }
        }
    }

    /** Issue 15: recommended_items followed only city, country and credit limit; now they follow the session. */
    @Test
    void twoSessionsOfOneCustomerBrowsingDifferentProductLinesGetDifferentLists() throws Exception {
        assertThat(SampleInference.manifestBlend()).as("the sample manifest's session_blend").isNotNull();
        List<BrowseItem> ships = browsing("Ships");
        List<BrowseItem> motorcycles = browsing("Motorcycles");
        SessionEvent a = new SessionEvent("ships", 311, "Helsinki", "Finland", 98700.0, ships);
        SessionEvent b = new SessionEvent("motorcycles", 311, "Helsinki", "Finland", 98700.0, motorcycles);

        InferenceResponse response = runtime.service().recommend(new InferenceRequest("it", 10, 5, List.of(a, b)));

        List<String> shipList = codes(response.results().get(0).recommendedItems());
        List<String> motorcycleList = codes(response.results().get(1).recommendedItems());
        assertThat(shipList).hasSize(10).isNotEqualTo(motorcycleList);
        // Not just other exclusions: each list is nearer (in the shipped item embeddings) to what its session browsed.
        assertThat(affinity(shipList, ships)).isGreaterThan(affinity(motorcycleList, ships));
        assertThat(affinity(motorcycleList, motorcycles)).isGreaterThan(affinity(shipList, motorcycles));
    }

    /** Mean inner product between the listed items and the browsed ones. */
    private static double affinity(List<String> listed, List<BrowseItem> browsed) {
        double sum = 0;
        for (String code : listed) {
            for (BrowseItem b : browsed) {
                sum += ReferenceData.dot(itemCsv.get(code), itemCsv.get(b.productCode()));
            }
        }
        return sum / (listed.size() * browsed.size());
    }

    /** The first three products of a line in catalog order, the newest in the cart. */
    private static List<BrowseItem> browsing(String line) throws Exception {
        List<String> codes = ReferenceData.rows(SampleCatalog.CSV.resolve("products.csv")).stream()
                .filter(p -> p.get("productLine").equals(line)).map(p -> p.get("productCode")).limit(3).toList();
        assertThat(codes).hasSize(3);
        return List.of(new BrowseItem(codes.get(0), 1, false), new BrowseItem(codes.get(1), 1, false),
                new BrowseItem(codes.get(2), 1, true));
    }

    private static List<String> codes(List<Recommendation> items) {
        return items.stream().map(Recommendation::productCode).toList();
    }


    /** Contract: the newest cart item the catalog knows, else the newest known item; written out independently. */
    private static String expectedSeed(SessionEvent session) {
        List<BrowseItem> history = session.browseHistory();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).inShoppingCart() && itemCsv.containsKey(history.get(i).productCode())) {
                return history.get(i).productCode();
            }
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (itemCsv.containsKey(history.get(i).productCode())) {
                return history.get(i).productCode();
            }
        }
        return null;
    }


    private static void assertSameRanking(List<Recommendation> actual, List<Recommendation> expected, String what) {
        assertThat(actual.stream().map(Recommendation::productCode).toList()).as(what)
                .isEqualTo(expected.stream().map(Recommendation::productCode).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).score()).as("%s score %d", what, i).isCloseTo(expected.get(i).score(), within(1e-5));
        }
    }

    static List<SessionEvent> sampleSessions() throws Exception {
        SessionDecoder decoder = new SessionDecoder();
        List<SessionEvent> out = new ArrayList<>();
        for (String line : Files.readAllLines(SampleCatalog.REPO.resolve("samples/events/sessions.jsonl"))) {
            DecodeResult result = decoder.decode(line.getBytes(StandardCharsets.UTF_8));
            assertThat(result).as(line).isInstanceOf(DecodeResult.Valid.class);
            out.add(((DecodeResult.Valid) result).event());
        }
        return out;
    }
}
