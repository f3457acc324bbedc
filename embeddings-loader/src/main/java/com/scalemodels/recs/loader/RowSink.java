package com.scalemodels.recs.loader;

import java.sql.SQLException;

/** Receives validated rows: the id as written in the file, and the vector (the reader's array, valid only during the call). */
@FunctionalInterface
interface RowSink {

    RowSink NONE = (id, vector) -> { };

    void row(String id, float[] vector) throws SQLException;
}
