package com.scalemodels.recs.features;

import com.scalemodels.recs.session.SessionEvent;

/** Raw user features (manifest columns {@code city}, {@code country}, {@code creditLimit}); nulls are unknown. */
public record UserFeatures(String city, String country, Double creditLimit) implements FeatureRow {

    public static UserFeatures from(SessionEvent session) {
        return new UserFeatures(session.city(), session.country(), session.creditLimit());
    }

    @Override
    public Object value(String column) {
        return switch (column) {
            case "city" -> city;
            case "country" -> country;
            case "creditLimit" -> creditLimit;
            default -> throw new FeatureEncodingException("user features have no column " + column);
        };
    }

    @Override
    public String toString() {
        return "UserFeatures[****]";
    }
}
