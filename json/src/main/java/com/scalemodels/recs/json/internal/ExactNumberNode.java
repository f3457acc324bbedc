package com.scalemodels.recs.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A number node that writes back the exact text it was read from. Jackson's own nodes normalize on output
 * ({@code 1e5} becomes {@code 1E+5}, {@code -0} becomes {@code 0}, and their serializers are final); the contract
 * promises pass-through fields keep their textual form. Reading it behaves like Jackson's BigDecimal/BigInteger
 * nodes, so validation sees ordinary numbers.
 */
public final class ExactNumberNode extends NumericNode {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final BigDecimal value;
    private final boolean integral;

    private ExactNumberNode(String text, boolean integral) {
        this.text = text;
        this.value = new BigDecimal(text);
        this.integral = integral;
    }

    public static ExactNumberNode decimal(String text) {
        return new ExactNumberNode(text, false);
    }

    public static ExactNumberNode integral(String text) {
        return new ExactNumberNode(text, true);
    }

    @Override
    public JsonToken asToken() {
        return integral ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
    }

    @Override
    public JsonParser.NumberType numberType() {
        return integral ? JsonParser.NumberType.BIG_INTEGER : JsonParser.NumberType.BIG_DECIMAL;
    }

    @Override
    public boolean isIntegralNumber() {
        return integral;
    }

    @Override
    public boolean isFloatingPointNumber() {
        return !integral;
    }

    @Override
    public boolean isBigDecimal() {
        return !integral;
    }

    @Override
    public boolean isBigInteger() {
        return integral;
    }

    @Override
    public Number numberValue() {
        return integral ? value.toBigInteger() : value;
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public BigDecimal decimalValue() {
        return value;
    }

    @Override
    public BigInteger bigIntegerValue() {
        return value.toBigInteger();
    }

    @Override
    public boolean canConvertToInt() {
        return integral && value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    @Override
    public boolean canConvertToLong() {
        return integral && value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }

    @Override
    public boolean isNaN() {
        return false;
    }

    @Override
    public String asText() {
        return text;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeNumber(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactNumberNode other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
