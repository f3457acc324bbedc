package com.scalemodels.recs.transformation;

import com.scalemodels.recs.inference.contract.InferenceRequest;

/** How many recommendations ({@code k}) and similar items ({@code similarK}) each session asks for. */
public record InferenceSettings(int k, int similarK) {

    /** The original pipeline's figures. */
    public static final InferenceSettings DEFAULT = new InferenceSettings(10, 5);

    public InferenceSettings {
        if (k < 1 || k > InferenceRequest.MAX_K) {
            throw new IllegalArgumentException("k: out of range (limit 1.." + InferenceRequest.MAX_K + ")");
        }
        if (similarK < 0 || similarK > InferenceRequest.MAX_K) {
            throw new IllegalArgumentException("similarK: out of range (limit 0.." + InferenceRequest.MAX_K + ")");
        }
    }
}
