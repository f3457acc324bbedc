package com.scalemodels.recs.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Product code → name, from the sample {@code products.csv}, to print recommendations a person can read. */
public record ProductNames(Map<String, String> byCode) {

    public ProductNames {
        byCode = Map.copyOf(byCode);
    }

    public static ProductNames fromCsv(Path productsCsv) throws IOException {
        Map<String, String> names = new HashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(productsCsv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                names.put(r.get("productCode"), r.get("productName"));
            }
        }
        return new ProductNames(names);
    }

    public String name(String code) {
        return byCode.getOrDefault(code, code);
    }
}
