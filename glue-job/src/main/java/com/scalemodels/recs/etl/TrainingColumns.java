package com.scalemodels.recs.etl;

import java.util.List;

/** Column names of the training table (classicmodels spelling, which the ML team's code expects). */
public final class TrainingColumns {

    public static final String CUSTOMER_NUMBER = "customerNumber";
    public static final String CITY = "city";
    public static final String STATE = "state";
    public static final String POSTAL_CODE = "postalCode";
    public static final String COUNTRY = "country";
    public static final String CREDIT_LIMIT = "creditLimit";
    public static final String PRODUCT_CODE = "productCode";
    public static final String PRODUCT_LINE = "productLine";
    public static final String PRODUCT_SCALE = "productScale";
    public static final String QUANTITY_IN_STOCK = "quantityInStock";
    public static final String BUY_PRICE = "buyPrice";
    public static final String MSRP = "MSRP";
    public static final String PRODUCT_RATING = "productRating";

    /** The training table, in order. */
    public static final List<String> ALL = List.of(CUSTOMER_NUMBER, CITY, STATE, POSTAL_CODE, COUNTRY, CREDIT_LIMIT,
            PRODUCT_CODE, PRODUCT_LINE, PRODUCT_SCALE, QUANTITY_IN_STOCK, BUY_PRICE, MSRP, PRODUCT_RATING);

    /** The columns the two towers are trained on (docs/contracts.md): a null here makes the row unusable. */
    public static final List<String> REQUIRED_FEATURES = List.of(CITY, COUNTRY, CREDIT_LIMIT, PRODUCT_LINE,
            PRODUCT_SCALE, QUANTITY_IN_STOCK, BUY_PRICE, MSRP);

    /**
     * Carried along but not model features; classicmodels leaves them null for most non-US addresses, so a null
     * is normal and only counted.
     */
    public static final List<String> OPTIONAL_FEATURES = List.of(STATE, POSTAL_CODE);

    public static final String REJECT_REASON = "rejectReason";
    public static final String REJECT_DETAIL = "rejectDetail";

    private TrainingColumns() {
    }
}
