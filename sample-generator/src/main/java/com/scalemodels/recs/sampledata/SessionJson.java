package com.scalemodels.recs.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.json.Json;
import com.scalemodels.recs.session.BrowseItem;
import com.scalemodels.recs.session.SessionEvent;

/** Session → JSON tree in the contract's key order; the tree form lets malformed variants edit one field. */
final class SessionJson {

    ObjectNode tree(SessionEvent s) {
        ObjectNode node = Json.object();
        node.put("session_id", s.sessionId());
        node.put("customer_number", s.customerNumber());
        node.put("city", s.city());
        node.put("country", s.country());
        node.put("credit_limit", s.creditLimit());
        ArrayNode history = node.putArray("browse_history");
        for (BrowseItem item : s.browseHistory()) {
            history.addObject()
                    .put("product_code", item.productCode())
                    .put("quantity", item.quantity())
                    .put("in_shopping_cart", item.inShoppingCart());
        }
        return node;
    }

    /** Compact UTF-8 JSON, no trailing newline. */
    byte[] bytes(JsonNode tree) {
        return Json.write(tree);
    }

    byte[] bytes(SessionEvent s) {
        return bytes(tree(s));
    }
}
