package com.scalemodels.recs.vectordb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "08001, true",   // cannot connect
        "08006, true",   // connection failure
        "57014, true",   // statement timeout / cancel
        "57P01, true",   // admin shutdown
        "53300, true",   // too many connections
        "40001, true",   // serialization failure
        "58030, true",   // I/O error
        "22000, false",  // different vector dimensions
        "42P01, false",  // undefined table
        "42601, false",  // syntax error
    })
    void sortsBySqlStateClass(String state, boolean unavailable) {
        RuntimeException e = SqlErrors.translate(new SQLException("boom", state), "top-k");

        assertThat(e).isInstanceOf(unavailable ? VectorDbUnavailableException.class : IllegalStateException.class)
                .hasMessageContaining(state).hasMessageStartingWith("top-k failed");
    }

    @Test
    void aPoolTimeoutIsUnavailableWhateverItsCause() {
        SQLException poolTimeout = new SQLTransientConnectionException("vectordb - Connection is not available");

        assertThat(SqlErrors.translate(poolTimeout, "x")).isInstanceOf(VectorDbUnavailableException.class);
        assertThat(SqlErrors.translate(new SQLException("wrapped", null, new SQLException("inner", "08006")), "x"))
                .isInstanceOf(VectorDbUnavailableException.class);
    }
}
