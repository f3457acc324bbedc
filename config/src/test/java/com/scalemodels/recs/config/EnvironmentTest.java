package com.scalemodels.recs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    private final Environment env = new Environment(Map.of("N", " 42 ", "BLANK", "  ", "FLAG", "yes",
            "MS", "1500", "DIR", "/data", "SECRET", "hunter2"));

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
