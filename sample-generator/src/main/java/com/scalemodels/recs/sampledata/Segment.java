package com.scalemodels.recs.sampledata;

import java.util.List;

/**
 * A latent customer segment: how much it likes each product line (in {@link ReferenceData#LINES} order), big
 * versus small models, and pricey versus cheap ones. Segments are never written out; they only shape the
 * ratings, and customers' country and credit limit hint at them so a model sees something learnable.
 */
record Segment(String name, double[] lineAffinity, double scalePreference, double priceTaste,
               double creditLimitDollars) {

    /** Order of lines: Classic Cars, Motorcycles, Planes, Ships, Trains, Trucks and Buses, Vintage Cars. */
    static final List<Segment> ALL = List.of(
            new Segment("muscle-car fans", new double[] {1.2, 0.2, -0.6, -0.8, -0.5, 0.0, 0.3}, 0.5, 0.3, 110_000),
            new Segment("aviation and naval", new double[] {-0.4, -0.5, 1.2, 1.0, 0.1, -0.3, -0.2}, -0.6, 0.0, 70_000),
            new Segment("vintage collectors", new double[] {0.2, -0.4, -0.2, 0.1, 0.8, -0.3, 1.2}, 0.0, 0.5, 130_000),
            new Segment("bikers", new double[] {-0.2, 1.3, -0.4, -0.6, -0.5, 0.5, -0.3}, 0.5, -0.3, 60_000),
            new Segment("budget gift shops", new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, 0.0, -0.8, 40_000),
            new Segment("transport enthusiasts", new double[] {-0.5, 0.0, 0.1, 0.3, 1.0, 1.2, -0.2}, -0.2, 0.0,
                    80_000));

    /** +1 for the largest models (1:10) down to -1 for the smallest (1:700). */
    static double scaleSize(String scale) {
        return switch (scale) {
            case "1:10", "1:12" -> 1.0;
            case "1:18" -> 0.6;
            case "1:24" -> 0.2;
            case "1:32" -> -0.2;
            case "1:50" -> -0.5;
            case "1:72" -> -0.8;
            default -> -1.0;
        };
    }
}
