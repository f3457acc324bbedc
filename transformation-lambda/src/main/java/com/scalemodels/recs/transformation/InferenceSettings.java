package com.scalemodels.recs.transformation;

import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.json.Fields;

/**
 * How many recommendations ({@code k}) and similar items ({@code similarK}) each session asks for; from
 * {@code RECS_DEFAULT_K} and {@code RECS_SIMILAR_K} on Lambda ({@link TransformationConfig}).
 */
public record InferenceSettings(int k, int similarK) {

    /** The original pipeline's figures, and the variables' defaults. */
    public static final InferenceSettings DEFAULT = new InferenceSettings(10, 5);

    public InferenceSettings {
        if (k < 1 || k > InferenceRequest.MAX_K) {
            throw Fields.outOfRange("k", 1, InferenceRequest.MAX_K);
        }
        if (similarK < 0 || similarK > InferenceRequest.MAX_K) {
            throw Fields.outOfRange("similarK", 0, InferenceRequest.MAX_K);
        }
    }
}
