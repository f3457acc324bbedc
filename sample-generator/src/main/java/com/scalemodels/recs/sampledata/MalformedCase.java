package com.scalemodels.recs.sampledata;

/**
 * A record the transformation Lambda must answer in a known way. {@code expectedReasonContains} names the
 * field at fault (or "JSON" / "UTF-8" for undecodable data) and is {@code null} when the result is Ok.
 */
public record MalformedCase(String name, String description, byte[] data, String expectedResult,
                            String expectedReasonContains) {

    public static final String OK = "Ok";
    public static final String PROCESSING_FAILED = "ProcessingFailed";

    public boolean rejected() {
        return PROCESSING_FAILED.equals(expectedResult);
    }
}
