package com.scalemodels.recs.sampledata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates {@code ratings}: each rating customer rates a handful of products, picked mostly from the lines
 * their segment likes (people rate what they bought, and buy what they like). The rating itself is
 * line affinity + scale fit + price taste + a per-product quality + noise, rounded into 1..5.
 */
final class RatingGenerator {

    private static final double MEAN_RATINGS_PER_RATER = 9.8;

    private final Random random;

    RatingGenerator(Random random) {
        this.random = random;
    }

    List<Rating> ratings(List<CustomerGenerator.Generated> customers, List<Product> products) {
        int lineCount = ReferenceData.LINES.size();
        List<List<Integer>> productsByLine = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            productsByLine.add(new ArrayList<>());
        }
        double[] quality = new double[products.size()];
        double[] priceZ = priceZScores(products);
        for (int i = 0; i < products.size(); i++) {
            productsByLine.get(lineIndex(products.get(i).productLine())).add(i);
            quality[i] = 0.35 * random.nextGaussian();
        }

        List<Rating> ratings = new ArrayList<>();
        Set<Integer> rated = new HashSet<>();
        for (CustomerGenerator.Generated generated : customers) {
            if (!generated.rates()) {
                continue;
            }
            Segment segment = generated.segment();
            double[] lineWeights = lineWeights(segment, productsByLine);
            int wanted = Math.min(products.size(), 1 + poisson(MEAN_RATINGS_PER_RATER - 1));
            rated.clear();
            int attempts = 0;
            while (rated.size() < wanted && attempts++ < wanted * 20) {
                List<Integer> line = productsByLine.get(sample(lineWeights));
                int index = line.get(random.nextInt(line.size()));
                if (!rated.add(index)) {
                    continue;
                }
                Product product = products.get(index);
                double score = 3.1 + segment.lineAffinity()[lineIndex(product.productLine())]
                        + 0.5 * segment.scalePreference() * Segment.scaleSize(product.productScale())
                        + segment.priceTaste() * priceZ[index] + quality[index] + 0.6 * random.nextGaussian();
                int stars = (int) Math.max(1, Math.min(5, Math.round(score)));
                ratings.add(new Rating(generated.customer().customerNumber(), product.productCode(), stars));
            }
        }
        ratings.sort(Comparator.comparingInt(Rating::customerNumber).thenComparing(Rating::productCode));
        return ratings;
    }

    /** Probability of picking each line: its product count times exp(affinity). */
    private static double[] lineWeights(Segment segment, List<List<Integer>> productsByLine) {
        double[] weights = new double[productsByLine.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = productsByLine.get(i).size() * Math.exp(1.2 * segment.lineAffinity()[i]);
        }
        return weights;
    }

    private int sample(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Knuth's method: fine for the small means used here. */
    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double p = 1.0;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    private static double[] priceZScores(List<Product> products) {
        double sum = 0;
        double sumSq = 0;
        for (Product p : products) {
            double v = Math.log(p.msrpCents());
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / products.size();
        double sd = Math.sqrt(Math.max(1e-12, sumSq / products.size() - mean * mean));
        double[] z = new double[products.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (Math.log(products.get(i).msrpCents()) - mean) / sd;
        }
        return z;
    }

    static int lineIndex(String productLine) {
        for (int i = 0; i < ReferenceData.LINES.size(); i++) {
            if (ReferenceData.LINES.get(i).name().equals(productLine)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown product line " + productLine);
    }
}
