package com.scalemodels.recs.sampledata;

import java.util.List;

/** The four classicmodels tables the pipeline reads, generated together so foreign keys hold. */
public record SampleDataset(long seed, double scale, List<ProductLine> productLines, List<Product> products,
                            List<Customer> customers, List<Rating> ratings) {

    public SampleDataset {
        productLines = List.copyOf(productLines);
        products = List.copyOf(products);
        customers = List.copyOf(customers);
        ratings = List.copyOf(ratings);
    }
}
