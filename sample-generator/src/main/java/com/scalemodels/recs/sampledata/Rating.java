package com.scalemodels.recs.sampledata;

/** A row of {@code ratings}: one customer's 1–5 rating of one product. */
public record Rating(int customerNumber, String productCode, int productRating) {

    public Rating {
        if (productRating < 1 || productRating > 5) {
            throw new IllegalArgumentException("rating must be 1..5: " + productRating);
        }
    }
}
