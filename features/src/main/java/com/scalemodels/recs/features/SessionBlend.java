package com.scalemodels.recs.features;

import com.scalemodels.recs.session.BrowseItem;
import java.util.List;
import java.util.Map;

/**
 * How {@code recommended_items} use the session (manifest {@code session_blend}, docs/contracts.md): the query is
 * the user vector plus the browsed items' embeddings, cart items weighted more, older items decayed, normalized.
 * Computed in float32 in exactly the order of the reference ({@code blend_query} in samples/training), so the
 * query, and therefore the ranking, is the one training evaluated.
 *
 * @param userWeight weight of the user vector, finite and ≥ 0
 * @param browseWeight weight of a browsed item not in the cart, finite and ≥ 0
 * @param cartWeight weight of a cart item, finite and ≥ 0
 * @param recencyDecay factor applied once per step back in the history, in (0, 1]
 */
public record SessionBlend(double userWeight, double browseWeight, double cartWeight, double recencyDecay) {

    public SessionBlend {
        requireWeight("user_weight", userWeight);
        requireWeight("browse_weight", browseWeight);
        requireWeight("cart_weight", cartWeight);
        if (!(recencyDecay > 0 && recencyDecay <= 1)) {
            throw new IllegalArgumentException("recency_decay: must be in (0, 1]");
        }
    }

    private static void requireWeight(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(field + ": must be finite and not negative");
        }
    }

    /**
     * The query vector of one session.
     *
     * @param user the user tower's output for the session's customer
     * @param history the session's browse history, oldest first
     * @param items item embeddings by product code; a code it lacks is unknown to the catalog and only ages the
     *     older entries
     * @return a new array; the user vector itself (copied) when the blend has no direction (zero or overflow)
     */
    public float[] query(float[] user, List<BrowseItem> history, Map<String, float[]> items) {
        int dim = user.length;
        float uw = (float) userWeight;
        float bw = (float) browseWeight;
        float cw = (float) cartWeight;
        float d = (float) recencyDecay;
        float[] acc = new float[dim];
        for (int k = 0; k < dim; k++) {
            acc[k] = uw * user[k];
        }
        float f = 1.0f;
        for (int i = history.size() - 1; i >= 0; i--) {
            BrowseItem entry = history.get(i);
            float[] e = items.get(entry.productCode());
            if (e != null) {
                if (e.length != dim) {
                    throw new IllegalArgumentException("item " + entry.productCode() + " has dimension " + e.length
                            + ", the user vector " + dim);
                }
                // Two statements: w is rounded to float before it multiplies e, as in the reference.
                float w = (entry.inShoppingCart() ? cw : bw) * f;
                for (int k = 0; k < dim; k++) {
                    acc[k] = acc[k] + w * e[k];
                }
            }
            f = f * d;
        }
        float s = 0.0f;
        for (int k = 0; k < dim; k++) {
            s = s + acc[k] * acc[k];
        }
        float norm = (float) Math.sqrt((double) s);
        if (!(norm > 0) || !Float.isFinite(norm)) {
            return user.clone();
        }
        for (int k = 0; k < dim; k++) {
            acc[k] = acc[k] / norm;
        }
        return acc;
    }
}
