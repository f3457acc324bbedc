package com.scalemodels.recs.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Where processing-failed objects are read from: an S3 prefix or a local folder with the same layout. */
public interface FailedRecordSource {

    /** {@code s3://bucket/prefix} or the folder, for reports. */
    String location();

    /**
     * Every object under the location, in key order (Firehose keys sort by time).
     *
     * @throws ReplayException (exit code {@link ExitCodes#SOURCE}) naming {@code --source} when it cannot be listed
     */
    List<SourceObject> list();

    /** The object's bytes as stored (possibly GZIP); the caller closes the stream. */
    InputStream open(SourceObject object) throws IOException;
}
