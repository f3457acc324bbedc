package com.scalemodels.recs.inference.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.scalemodels.recs.features.UserFeatures;
import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.session.SessionLimits;
import java.util.ArrayList;
import java.util.List;

/** Reads user features from an HTTP body with the rules, and the messages, of a session event's fields. */
final class UserFeaturesReader {

    /** Users one /user_embeddings call may embed. */
    static final int MAX_USERS = 500;

    /** {@code {"city", "country", "credit_limit"}} or {@code {"users": [those, …]}}. */
    List<UserFeatures> readMany(JsonNode body) {
        Fields fields = Fields.root(body, "body");
        if (!fields.has("users")) {
            return List.of(readOne(fields));
        }
        ArrayNode users = fields.requiredArray("users", 1, MAX_USERS);
        List<UserFeatures> out = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            out.add(readOne(fields.element("users", users, i)));
        }
        return out;
    }

    UserFeatures readOne(Fields user) {
        return new UserFeatures(
                user.optionalText("city", SessionLimits.MAX_CITY_LENGTH),
                user.optionalText("country", SessionLimits.MAX_COUNTRY_LENGTH),
                user.optionalNumber("credit_limit", SessionLimits.MIN_CREDIT_LIMIT, SessionLimits.MAX_CREDIT_LIMIT));
    }
}
