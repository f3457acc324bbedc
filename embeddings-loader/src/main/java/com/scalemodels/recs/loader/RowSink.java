package com.scalemodels.recs.loader;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Receives validated rows. The arguments are the reader's reusable buffers: valid only during the call.
 * For item rows {@code idBytes[0, idLength)} is the UTF-8 id; for user rows {@code intId} is the id.
 */
@FunctionalInterface
interface RowSink {

    RowSink NONE = (idBytes, idLength, intId, vector) -> { };

    void row(byte[] idBytes, int idLength, int intId, float[] vector) throws IOException, SQLException;
}
