package com.scalemodels.recs.sampledata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates {@code customers} and, alongside, each customer's latent segment and whether they rate anything.
 * Country drives the segment (each country has a favourite) and the segment drives the credit limit, so the
 * user features (city, country, creditLimit) carry real signal about preferences.
 */
final class CustomerGenerator {

    /** Share of customers with ratings: ~100 of ~120 in the original lab. */
    static final double RATER_SHARE = 0.84;

    /** A generated customer plus the hidden facts the rating generator needs. */
    record Generated(Customer customer, Segment segment, boolean rates) {
    }

    private final Random random;
    private final Map<String, Integer> favouriteSegmentByCountry = new HashMap<>();

    CustomerGenerator(Random random) {
        this.random = random;
        for (Place place : ReferenceData.PLACES) {
            favouriteSegmentByCountry.computeIfAbsent(place.country().strip(),
                    c -> random.nextInt(Segment.ALL.size()));
        }
    }

    List<Generated> customers(double scale) {
        int count = Math.max(2, (int) Math.round(122 * scale));
        List<Generated> out = new ArrayList<>(count);
        int number = 103;
        for (int i = 0; i < count; i++) {
            out.add(customer(number));
            number += 1 + random.nextInt(5);
        }
        return out;
    }

    private Generated customer(int number) {
        Place place = Digits.pick(ReferenceData.PLACES, random);
        Segment segment = random.nextDouble() < 0.65
                ? Segment.ALL.get(favouriteSegmentByCountry.get(place.country().strip()))
                : Digits.pick(Segment.ALL, random);
        boolean rates = random.nextDouble() < RATER_SHARE;
        String name = (Digits.pick(ReferenceData.COMPANY_FIRST, random) + " "
                + Digits.pick(ReferenceData.COMPANY_SECOND, random) + " "
                + Digits.pick(ReferenceData.COMPANY_SUFFIX, random)).strip();
        String addressLine1 = (1 + random.nextInt(250)) + " " + Digits.pick(ReferenceData.STREETS, random);
        String addressLine2 = random.nextDouble() < 0.15 ? Digits.pick(ReferenceData.ADDRESS_LINE2, random) : null;
        // Like classicmodels: customers who never bought have a zero credit limit and no sales rep.
        boolean dormant = !rates && random.nextDouble() < 0.8;
        long credit = dormant ? 0
                : Math.max(1_000_00L, Money.roundToCents(
                        segment.creditLimitDollars() * Math.exp(0.25 * random.nextGaussian()), 100));
        Integer salesRep = dormant ? null : Digits.pick(ReferenceData.SALES_REPS, random);
        Customer customer = new Customer(number, name, Digits.pick(ReferenceData.LAST_NAMES, random),
                Digits.pick(ReferenceData.FIRST_NAMES, random), Digits.fill(place.phonePattern(), random),
                addressLine1, addressLine2, place.city(), place.state(),
                Digits.fill(place.postalPattern(), random), place.country(), salesRep, credit);
        return new Generated(customer, segment, rates);
    }
}
