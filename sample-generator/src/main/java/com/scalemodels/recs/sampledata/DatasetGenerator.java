package com.scalemodels.recs.sampledata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Builds a whole {@link SampleDataset} from a seed and a scale factor (1.0 ≈ the original lab: ~120 customers,
 * ~110 products, ~1,000 ratings). Each table gets its own random stream derived from the seed, so a change in
 * how one table is generated does not reshuffle the others.
 */
public final class DatasetGenerator {

    private DatasetGenerator() {
    }

    public static SampleDataset generate(long seed, double scale) {
        if (!(scale > 0) || scale > 100_000) {
            throw new IllegalArgumentException("scale must be in (0, 100000]: " + scale);
        }
        CatalogGenerator catalog = new CatalogGenerator(new Random(mix(seed, 1)));
        List<ProductLine> lines = catalog.productLines();
        List<Product> products = new ArrayList<>(catalog.products(scale));
        products.sort(Comparator.comparing(Product::productCode));

        List<CustomerGenerator.Generated> generated =
                new CustomerGenerator(new Random(mix(seed, 2))).customers(scale);
        List<Rating> ratings = new RatingGenerator(new Random(mix(seed, 3))).ratings(generated, products);
        List<Customer> customers = generated.stream().map(CustomerGenerator.Generated::customer).toList();
        return new SampleDataset(seed, scale, lines, products, customers, ratings);
    }

    /** SplitMix64 finalizer: well-spread, independent-looking seeds for each stream. */
    static long mix(long seed, long stream) {
        long z = seed + stream * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
