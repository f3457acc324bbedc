package com.scalemodels.recs.features;

/** Raw item features: the {@code products} columns the item tower was trained on; nulls are unknown. */
public record ItemFeatures(String productLine, String productScale, Double quantityInStock, Double buyPrice,
        Double msrp) implements FeatureRow {

    @Override
    public Object value(String column) {
        return switch (column) {
            case "productLine" -> productLine;
            case "productScale" -> productScale;
            case "quantityInStock" -> quantityInStock;
            case "buyPrice" -> buyPrice;
            case "MSRP" -> msrp;
            default -> throw new FeatureEncodingException("item features have no column " + column);
        };
    }
}
