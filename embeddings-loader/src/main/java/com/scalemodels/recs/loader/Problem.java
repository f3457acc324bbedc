package com.scalemodels.recs.loader;

/** One thing wrong with the input, located by file name and 1-based line number (0 for the file as a whole). */
public record Problem(String file, long line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
