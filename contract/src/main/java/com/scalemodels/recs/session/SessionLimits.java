package com.scalemodels.recs.session;

/**
 * Bounds on one session event. Every rejected record names the bound it broke, so a producer can fix it without
 * reading this code. The bounds keep one bad producer from exhausting a Lambda's memory or a Firehose batch.
 */
public final class SessionLimits {

    /** Largest accepted record, in bytes of UTF-8 JSON: 64 KiB, far above a real session (~2 KiB at 50 items). */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    /** Most items in {@code browse_history}; older items add little to a recommendation. */
    public static final int MAX_BROWSE_HISTORY = 200;

    /** Longest {@code session_id}, in UTF-16 chars. */
    public static final int MAX_SESSION_ID_LENGTH = 128;

    /** Longest {@code city}, in UTF-16 chars. */
    public static final int MAX_CITY_LENGTH = 100;

    /** Longest {@code country}, in UTF-16 chars. */
    public static final int MAX_COUNTRY_LENGTH = 100;

    /** Longest {@code product_code}, in UTF-16 chars (classicmodels codes look like {@code S18_3232}). */
    public static final int MAX_PRODUCT_CODE_LENGTH = 32;

    /** Smallest {@code customer_number}. */
    public static final int MIN_CUSTOMER_NUMBER = 1;

    /** Largest {@code customer_number}: the {@code user_emb.id integer} column's maximum. */
    public static final int MAX_CUSTOMER_NUMBER = Integer.MAX_VALUE;

    /** Smallest {@code credit_limit}. */
    public static final double MIN_CREDIT_LIMIT = 0;

    /** Largest {@code credit_limit}: a billion, far above any real customer, far below float overflow. */
    public static final double MAX_CREDIT_LIMIT = 1e9;

    /** Smallest {@code quantity} of a browse item. */
    public static final int MIN_QUANTITY = 0;

    /** Largest {@code quantity} of a browse item. */
    public static final int MAX_QUANTITY = 10_000;

    private SessionLimits() {
    }
}
