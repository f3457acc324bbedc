package com.scalemodels.recs.session;

import java.util.Objects;

/** One product a shopper looked at during the session; {@code inShoppingCart} when it is in the cart. */
public record BrowseItem(String productCode, int quantity, boolean inShoppingCart) {

    public BrowseItem {
        Objects.requireNonNull(productCode, "productCode");
    }
}
