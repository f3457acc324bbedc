package com.scalemodels.recs.replay;

/**
 * One object of a {@link FailedRecordSource}.
 *
 * @param uri  how reports and the checkpoint name it: {@code s3://bucket/key}, or the file's absolute path
 * @param key  its key (S3) or path relative to the folder, with {@code /} separators; carries the hour partition
 * @param size bytes as stored (compressed, if it is)
 */
public record SourceObject(String uri, String key, long size) {
}
