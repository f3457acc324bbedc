package com.scalemodels.recs.sampledata;

import java.util.List;

/** A well-formed session event (contract: docs/contracts.md, "Session event"). */
public record Session(String sessionId, int customerNumber, String city, String country, double creditLimit,
                      List<BrowseItem> browseHistory) {

    /** One browsed product; history is ordered oldest → newest. */
    public record BrowseItem(String productCode, int quantity, boolean inShoppingCart) {
    }

    public Session {
        browseHistory = List.copyOf(browseHistory);
    }
}
