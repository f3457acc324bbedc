package com.scalemodels.recs.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw record bytes → a validated {@link SessionEvent} plus the original JSON object, or a rejection reason.
 * Bad input never throws: a Firehose batch must answer every record, and a rejection is an ordinary outcome.
 * Thread-safe.
 */
public final class SessionDecoder {

    public DecodeResult decode(byte[] payload) {
        if (payload == null) {
            return new DecodeResult.Rejected("payload: missing");
        }
        if (payload.length > SessionLimits.MAX_PAYLOAD_BYTES) {
            return new DecodeResult.Rejected("payload: " + payload.length + " bytes exceeds the limit (limit "
                    + SessionLimits.MAX_PAYLOAD_BYTES + ")");
        }
        try {
            return validate(Json.read(payload));
        } catch (InvalidFieldException e) {
            return new DecodeResult.Rejected(e.getMessage());
        }
    }

    /**
     * Validates an already parsed session object (for example one session of an inference request). Numbers in
     * {@code node} should come from {@link Json#read} so limits apply to the value as written.
     */
    public DecodeResult validate(JsonNode root) {
        try {
            Fields session = Fields.root(root, "JSON");
            SessionEvent event = new SessionEvent(
                    session.requiredText("session_id", SessionLimits.MAX_SESSION_ID_LENGTH),
                    session.requiredInt("customer_number", SessionLimits.MIN_CUSTOMER_NUMBER,
                            SessionLimits.MAX_CUSTOMER_NUMBER),
                    session.optionalText("city", SessionLimits.MAX_CITY_LENGTH),
                    session.optionalText("country", SessionLimits.MAX_COUNTRY_LENGTH),
                    session.optionalNumber("credit_limit", SessionLimits.MIN_CREDIT_LIMIT,
                            SessionLimits.MAX_CREDIT_LIMIT),
                    history(session));
            return new DecodeResult.Valid(event, (ObjectNode) root);
        } catch (InvalidFieldException e) {
            return new DecodeResult.Rejected(e.getMessage());
        }
    }

    private static List<BrowseItem> history(Fields session) {
        ArrayNode array = session.requiredArray("browse_history", 0, SessionLimits.MAX_BROWSE_HISTORY);
        List<BrowseItem> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Fields item = session.element("browse_history", array, i);
            items.add(new BrowseItem(
                    item.requiredText("product_code", SessionLimits.MAX_PRODUCT_CODE_LENGTH),
                    item.requiredInt("quantity", SessionLimits.MIN_QUANTITY, SessionLimits.MAX_QUANTITY),
                    item.requiredBoolean("in_shopping_cart")));
        }
        return items;
    }
}
