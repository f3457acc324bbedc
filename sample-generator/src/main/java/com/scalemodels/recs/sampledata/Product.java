package com.scalemodels.recs.sampledata;

/**
 * A row of {@code products}. Prices are kept in cents so that SQL, CSV and the training join print exactly the
 * same {@code decimal(10,2)} text.
 */
public record Product(String productCode, String productName, String productLine, String productScale,
                      String productVendor, String productDescription, int quantityInStock, long buyPriceCents,
                      long msrpCents) {

    public Product {
        if (msrpCents <= buyPriceCents) {
            throw new IllegalArgumentException("MSRP must exceed buyPrice for " + productCode);
        }
        if (quantityInStock < 0 || quantityInStock > Short.MAX_VALUE) {
            throw new IllegalArgumentException("quantityInStock out of smallint range for " + productCode);
        }
    }
}
