package com.scalemodels.recs.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One message per rule, whatever reads the field. */
class FieldsTest {

    private static Fields fields(String json) {
        return Fields.root(Json.read(json), "JSON");
    }

    @Test
    void readsTypedValues() {
        Fields f = fields("{\"s\":\"x\",\"i\":7,\"d\":1.5,\"b\":true,\"o\":{\"n\":2},\"a\":[\"p\",\"q\"]}");

        assertThat(f.requiredText("s", 5)).isEqualTo("x");
        assertThat(f.requiredInt("i", 0, 10)).isEqualTo(7);
        assertThat(f.optionalNumber("d", 0, 2)).isEqualTo(1.5);
        assertThat(f.optionalNumber("missing", 0, 2)).isNull();
        assertThat(f.requiredBoolean("b")).isTrue();
        assertThat(f.requiredObject("o").requiredLong("n", 0, 5)).isEqualTo(2);
        ArrayNode a = f.requiredArray("a", 1, 2);
        assertThat(f.textElement("a", a, 1, 1)).isEqualTo("q");
        assertThat(f.names()).containsExactly("s", "i", "d", "b", "o", "a");
    }

    @Test
    void namesThePathAndTheLimitNeverTheValue() {
        Fields f = fields("{\"s\":\"secret-value\",\"i\":7.0,\"big\":99999999999,\"n\":1e999,\"a\":[1,{}],"
                + "\"o\":{\"inner\":\"\"},\"nul\":null}");

        assertThatThrownBy(() -> f.requiredText("s", 5)).isInstanceOf(InvalidFieldException.class)
                .hasMessage("s: 12 characters exceeds the limit (limit 5)").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> f.requiredText("nul", 5)).hasMessage("nul: required");
        assertThatThrownBy(() -> f.requiredInt("i", 0, 10)).hasMessage("i: expected an integer");
        assertThatThrownBy(() -> f.requiredInt("big", 1, Integer.MAX_VALUE))
                .hasMessage("big: out of range (limit 1..2147483647)");
        assertThatThrownBy(() -> f.optionalNumber("n", 0, 1e9)).hasMessage("n: out of range (limit 0..1000000000)");
        assertThatThrownBy(() -> f.requiredFinite("n")).hasMessage("n: must be finite");
        assertThatThrownBy(() -> f.requiredArray("a", 0, 1)).hasMessage("a: 2 items exceeds the limit (limit 1)");
        assertThatThrownBy(() -> f.element("a", f.requiredArray("a", 0, 5), 0)).hasMessage("a[0]: expected an object");
        assertThatThrownBy(() -> f.requiredObject("o").requiredText("inner")).hasMessage("o.inner: must not be empty");
        assertThatThrownBy(() -> f.requiredBoolean("s")).hasMessage("s: expected a boolean");
        assertThatThrownBy(() -> f.onlyKnown(Set.of("s", "i"))).hasMessage("big: unknown field");
        assertThatThrownBy(() -> Fields.root(Json.read("[]"), "request")).hasMessage("request: not a JSON object");
    }

    @Test
    void textValuesFollowTheSameRules() {
        assertThat(Fields.parseInt("--fetch-size", " 5000 ", 1, Integer.MAX_VALUE)).isEqualTo(5000);
        assertThat(Fields.parseNumber("--max-bad-row-fraction", "0.25", 0, 1)).isEqualTo(0.25);

        assertThatThrownBy(() -> Fields.parseInt("limit", "ten", 1, 100)).hasMessage("limit: expected an integer");
        assertThatThrownBy(() -> Fields.parseInt("limit", "1000", 1, 100))
                .hasMessage("limit: out of range (limit 1..100)");
        assertThatThrownBy(() -> Fields.parseInt("limit", "99999999999999999999", 1, 100))
                .hasMessage("limit: out of range (limit 1..100)");
        assertThatThrownBy(() -> Fields.parseInt("limit", " ", 1, 100)).hasMessage("limit: required");
        assertThatThrownBy(() -> Fields.parseNumber("f", "1.5", 0, 1)).hasMessage("f: out of range (limit 0..1)");
        assertThatThrownBy(() -> Fields.parseNumber("f", "NaN", 0, 1)).hasMessage("f: out of range (limit 0..1)");
    }
}
