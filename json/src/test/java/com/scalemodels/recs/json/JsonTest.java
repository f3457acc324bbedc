package com.scalemodels.recs.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Point(String pointName, int xValue, List<Double> scores) {
    }

    @Test
    void numbersAreWrittenBackAsTheyWereRead() {
        String text = "{\"a\":1e5,\"b\":-0,\"c\":21000.0,\"d\":123456789012345678901234567890,\"e\":0.10}";

        JsonNode node = Json.read(text);

        assertThat(Json.writeString(node)).isEqualTo(text);
        assertThat(node.get("c").decimalValue()).isEqualByComparingTo(new BigDecimal("21000"));
        assertThat(node.get("d").isIntegralNumber()).isTrue();
        assertThat(node.get("e").doubleValue()).isEqualTo(0.1);
    }

    @Test
    void rejectsWhatALenientReaderWouldAcceptNamingOnlyThePosition() {
        assertThatThrownBy(() -> Json.read("{\"a\":\"secret\",\"a\":2}")).isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("JSON: duplicate key at line 1, column ").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Json.read("{\"a\":1} {\"b\":2}")).hasMessageStartingWith("JSON: trailing content");
        assertThatThrownBy(() -> Json.read("{\"a\":NaN}")).hasMessageStartingWith("JSON: malformed");
        assertThatThrownBy(() -> Json.read("{\"secret\":")).hasMessageStartingWith("JSON: malformed")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Json.read("")).hasMessage("JSON: empty payload");
        assertThatThrownBy(() -> Json.read(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'}))
                .hasMessage("payload: not valid UTF-8");
    }

    @Test
    void recordsAreWrittenAndBoundInSnakeCase() {
        Point point = new Point("p", 3, List.of(0.5));

        byte[] json = Json.write(point);

        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"point_name\":\"p\",\"x_value\":3,\"scores\":[0.5]}");
        assertThat(Json.read(json, Point.class)).isEqualTo(point);
    }

    @Test
    void bindingRejectsDuplicatesAndWrongShapesWithoutQuotingTheInput() {
        byte[] duplicate = "{\"point_name\":\"p\",\"point_name\":\"q\",\"x_value\":1,\"scores\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.read(duplicate, Point.class)).isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("JSON: not a Point");
        assertThatThrownBy(() -> Json.read("{\"x_value\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8), Point.class))
                .hasMessageStartingWith("JSON: not a Point").hasMessageNotContaining("hunter2");
    }

    @Test
    void mapsKeepTheirKeysAndOrder() {
        assertThat(Json.writeString(Map.of("run_id", "r"))).isEqualTo("{\"run_id\":\"r\"}");
    }
}
