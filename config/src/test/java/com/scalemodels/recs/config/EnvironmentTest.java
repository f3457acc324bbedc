package com.scalemodels.recs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    private final Environment env = new Environment(Map.of("N", " 42 ", "BLANK", "  ", "FLAG", "yes",
            "MS", "1500", "DIR", "/data", "SECRET", "hunter2", "RATE", "0.25", "EXP", "5e-2", "HEX", "0x1p-2",
            "SUFFIX", "0.5f"));

    @Test
    void readsTypedValuesWithDefaultsForUnsetOrBlankVariables() {
        assertThat(env.integer("N", 1, 0, 100)).isEqualTo(42);
        assertThat(env.integer("BLANK", 7, 0, 100)).isEqualTo(7);
        assertThat(env.bool("FLAG", false)).isTrue();
        assertThat(env.millis("MS", Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(env.path("DIR", Path.of("/tmp"))).isEqualTo(Path.of("/data"));
        assertThat(env.path("UNSET", Path.of("/tmp"))).isEqualTo(Path.of("/tmp"));
        assertThat(env.isSet("BLANK")).isFalse();
        assertThat(env.decimal("RATE", 0.1, 0, 1)).isEqualTo(0.25);
        assertThat(env.decimal("EXP", 0.1, 0, 1)).isEqualTo(0.05);
        assertThat(env.decimal("BLANK", 0.1, 0, 1)).isEqualTo(0.1);
    }

    @Test
    void decimalsAreFiniteAndInRange() {
        assertThatThrownBy(() -> env.decimal("RATE", 0.1, 0.5, 1)).isInstanceOf(ConfigException.class)
                .hasMessage("environment variable RATE must be between 0.5 and 1.0, got 0.25");
        assertThatThrownBy(() -> env.decimal("HEX", 0.1, 0, 1)).hasMessageContaining("HEX must be a number");
        assertThatThrownBy(() -> env.decimal("SUFFIX", 0.1, 0, 1)).hasMessageContaining("SUFFIX must be a number");
        assertThatThrownBy(() -> env.decimal("SECRET", 0.1, 0, 1)).hasMessageNotContaining("hunter2");
    }

    @Test
    void errorsNameTheVariableAndNeverItsValue() {
        assertThatThrownBy(() -> env.required("UNSET")).isInstanceOf(ConfigException.class)
                .hasMessage("environment variable UNSET is required but not set");
        assertThatThrownBy(() -> env.integer("N", 1, 0, 10)).hasMessageContaining("N").hasMessageContaining("between 0 and 10");
        assertThatThrownBy(() -> env.integer("SECRET", 1, 0, 10)).hasMessageContaining("SECRET")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> env.bool("SECRET", false)).hasMessageNotContaining("hunter2");
    }
}
