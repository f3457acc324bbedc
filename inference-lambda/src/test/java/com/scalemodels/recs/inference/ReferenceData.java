package com.scalemodels.recs.inference;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The sample CSVs, read with a CSV library: the test's view of the data, independent of the code under test. */
final class ReferenceData {

    private ReferenceData() {
    }

    static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    /** id → embedding, from an embeddings CSV ("[f1,…,fN]"). */
    static Map<String, float[]> embeddings(Path csv) throws IOException {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (CSVRecord row : rows(csv)) {
            String text = row.get("embedding");
            String[] parts = text.substring(1, text.length() - 1).split(",");
            float[] v = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                v[i] = Float.parseFloat(parts[i]);
            }
            out.put(row.get("id"), v);
        }
        return out;
    }

    static Double number(CSVRecord row, String column) {
        String value = row.get(column);
        return value.isEmpty() ? null : Double.valueOf(value);
    }

    static String text(CSVRecord row, String column) {
        String value = row.get(column);
        return value.isEmpty() ? null : value;
    }

    static double cosine(float[] a, float[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
