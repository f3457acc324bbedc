package com.scalemodels.recs.sampledata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Generates {@code productlines} and {@code products}: the original ~110-product mix times the scale factor. */
final class CatalogGenerator {

    /** Four-digit suffixes per scale prefix; past this many we switch to 5+ digits so codes stay unique. */
    private static final int RANDOM_SUFFIXES_PER_PREFIX = 4_500;

    private final Random random;

    CatalogGenerator(Random random) {
        this.random = random;
    }

    List<ProductLine> productLines() {
        List<ProductLine> lines = new ArrayList<>();
        for (ReferenceData.LineSpec spec : ReferenceData.LINES) {
            lines.add(new ProductLine(spec.name(), spec.description()));
        }
        return lines;
    }

    List<Product> products(double scale) {
        Map<String, Set<Integer>> usedSuffixes = new HashMap<>();
        Map<String, Integer> sequential = new HashMap<>();
        List<Product> products = new ArrayList<>();
        for (ReferenceData.LineSpec line : ReferenceData.LINES) {
            int count = Math.max(1, (int) Math.round(line.productsAtScale1() * scale));
            for (int i = 0; i < count; i++) {
                String productScale = Digits.pick(line.scales(), random);
                String code = nextCode(productScale, usedSuffixes, sequential);
                products.add(product(line, productScale, code));
            }
        }
        return products;
    }

    private String nextCode(String productScale, Map<String, Set<Integer>> usedSuffixes,
                            Map<String, Integer> sequential) {
        String prefix = "S" + productScale.substring(2) + "_";
        Set<Integer> used = usedSuffixes.computeIfAbsent(prefix, p -> new HashSet<>());
        if (used.size() < RANDOM_SUFFIXES_PER_PREFIX) {
            int suffix;
            do {
                suffix = 1000 + random.nextInt(9000);
            } while (!used.add(suffix));
            return prefix + suffix;
        }
        // Classicmodels codes have four digits; beyond ~4,500 per scale we count up from 10000 instead of
        // searching an almost full space.
        int next = sequential.merge(prefix, 1, Integer::sum) + 9_999;
        return prefix + next;
    }

    private Product product(ReferenceData.LineSpec line, String productScale, String code) {
        String model = Digits.pick(line.models(), random);
        int year = line.name().equals("Vintage Cars") ? 1904 + random.nextInt(40) : 1937 + random.nextInt(67);
        String name = year + " " + model;
        String vendor = Digits.pick(ReferenceData.VENDORS, random);
        String description = "This " + productScale + " replica of the " + model + " features "
                + Digits.pick(ReferenceData.FEATURES, random) + ", " + Digits.pick(ReferenceData.FEATURES, random)
                + " and " + Digits.pick(ReferenceData.FEATURES, random) + ". Color "
                + Digits.pick(ReferenceData.COLORS, random) + ".";
        int quantity = random.nextInt(9998);
        // Larger models cost more; log-normal spread keeps prices positive with a long right tail.
        double buy = line.basePriceDollars() * (1.0 + 0.25 * Segment.scaleSize(productScale))
                * Math.exp(0.3 * random.nextGaussian());
        long buyCents = Math.max(1_500, Math.min(10_500, Math.round(buy * 100)));
        long msrpCents = Math.round(buyCents * (1.35 + 0.85 * random.nextDouble()));
        return new Product(code, name, line.name(), productScale, vendor, description, quantity, buyCents,
                Math.max(msrpCents, buyCents + 1));
    }
}
