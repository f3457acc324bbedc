package com.scalemodels.recs.etl;

/**
 * Why a rating is not in the training table, in the order the checks apply: a row gets the first reason that
 * fits, so each row counts once.
 */
public enum RejectReason {
    /** productRating null or outside 1–5. */
    RATING_OUT_OF_RANGE("rating_out_of_range"),
    /** customerNumber not in customers (or null). */
    UNKNOWN_CUSTOMER("unknown_customer"),
    /** productCode not in products (or null). */
    UNKNOWN_PRODUCT("unknown_product"),
    /** A required model feature is null; rejectDetail lists the columns. */
    NULL_FEATURE("null_feature"),
    /** Another rating of the same (customer, product) was kept: the highest one. */
    DUPLICATE_PAIR("duplicate_pair");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The value written to the rejectReason column and the logs. */
    public String code() {
        return code;
    }
}
