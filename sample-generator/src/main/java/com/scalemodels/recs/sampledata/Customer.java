package com.scalemodels.recs.sampledata;

/**
 * A row of {@code customers}. Nullable columns ({@code addressLine2}, {@code state}, {@code postalCode},
 * {@code salesRepEmployeeNumber}) are {@code null} here, as in classicmodels.
 */
public record Customer(int customerNumber, String customerName, String contactLastName, String contactFirstName,
                       String phone, String addressLine1, String addressLine2, String city, String state,
                       String postalCode, String country, Integer salesRepEmployeeNumber, long creditLimitCents) {
}
