package com.scalemodels.recs.sampledata;

/** A row of {@code productlines}. */
public record ProductLine(String productLine, String textDescription) {
}
