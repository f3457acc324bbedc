package com.scalemodels.recs.inference.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.features.UserFeatures;
import com.scalemodels.recs.session.SessionLimits;
import java.util.ArrayList;
import java.util.List;

/** Reads user features from an HTTP body with the same limits as a session event's. */
final class UserFeaturesReader {

    /** Users one /user_embeddings call may embed. */
    static final int MAX_USERS = 500;

    List<UserFeatures> readMany(JsonNode body) {
        JsonNode users = body.get("users");
        if (users == null) {
            return List.of(readOne(body, ""));
        }
        if (!users.isArray() || users.isEmpty() || users.size() > MAX_USERS) {
            throw new HttpError(400, "users: expected an array of 1 to " + MAX_USERS + " objects (limit " + MAX_USERS + ")");
        }
        List<UserFeatures> out = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            out.add(readOne(users.get(i), "users[" + i + "]."));
        }
        return out;
    }

    UserFeatures readOne(JsonNode node, String prefix) {
        if (node == null || !node.isObject()) {
            throw new HttpError(400, prefix.isEmpty() ? "body: expected a JSON object" : prefix + ": expected an object");
        }
        String city = text(node, prefix, "city", SessionLimits.MAX_CITY_LENGTH);
        String country = text(node, prefix, "country", SessionLimits.MAX_COUNTRY_LENGTH);
        JsonNode credit = node.get("credit_limit");
        Double creditLimit = null;
        if (credit != null && !credit.isNull()) {
            if (!credit.isNumber() || !Double.isFinite(credit.doubleValue())
                    || credit.doubleValue() < SessionLimits.MIN_CREDIT_LIMIT
                    || credit.doubleValue() > SessionLimits.MAX_CREDIT_LIMIT) {
                throw new HttpError(400, prefix + "credit_limit: expected a finite number (limit "
                        + (long) SessionLimits.MIN_CREDIT_LIMIT + ".." + (long) SessionLimits.MAX_CREDIT_LIMIT + ")");
            }
            creditLimit = credit.doubleValue();
        }
        return new UserFeatures(city, country, creditLimit);
    }

    private static String text(JsonNode node, String prefix, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new HttpError(400, prefix + field + ": expected a string");
        }
        if (value.textValue().length() > maxLength) {
            throw new HttpError(400, prefix + field + ": longer than " + maxLength + " characters (limit " + maxLength + ")");
        }
        return value.textValue();
    }
}
