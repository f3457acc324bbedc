package com.scalemodels.recs.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Applies sql/schema.sql (the build copies it onto the classpath; there is no second copy of the DDL). */
final class SchemaInstaller {

    static final String RESOURCE = "/sql/schema.sql";

    static String schemaSql() {
        try (InputStream in = SchemaInstaller.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Idempotent; run it while holding the loader lock (concurrent CREATE OR REPLACE FUNCTION can collide). */
    void install(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(schemaSql());
        }
    }
}
