package com.scalemodels.recs.sampledata;

/**
 * A real city customers live in. {@code postalPattern} uses {@code #} for a digit and may be {@code null}
 * (no postal code, as for Hong Kong or Dublin in classicmodels); {@code state} may be {@code null}.
 * {@code country} keeps classicmodels' odd spellings on purpose, trailing spaces included.
 */
record Place(String city, String state, String postalPattern, String country, String phonePattern) {
}
