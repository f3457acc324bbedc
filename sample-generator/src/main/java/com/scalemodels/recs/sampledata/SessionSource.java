package com.scalemodels.recs.sampledata;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The customers and products sessions are made of: taken from a generated dataset or read from its CSVs. */
public record SessionSource(List<SessionCustomer> customers, List<SessionProduct> products) {

    /** What a session event carries about its shopper. */
    public record SessionCustomer(int customerNumber, String city, String country, double creditLimit) {
    }

    /** What browsing needs about a product. */
    public record SessionProduct(String productCode, String productLine) {
    }

    public SessionSource {
        if (customers.isEmpty() || products.isEmpty()) {
            throw new IllegalArgumentException("sessions need at least one customer and one product");
        }
        customers = List.copyOf(customers);
        products = List.copyOf(products);
    }

    public static SessionSource from(SampleDataset data) {
        return new SessionSource(
                data.customers().stream().map(c -> new SessionCustomer(c.customerNumber(), c.city(), c.country(),
                        c.creditLimitCents() / 100.0)).toList(),
                data.products().stream().map(p -> new SessionProduct(p.productCode(), p.productLine())).toList());
    }

    /** Reads {@code customers.csv} and {@code products.csv} as written by {@link SampleDataGenerator}. */
    public static SessionSource fromCsv(Path csvDir) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<SessionCustomer> customers = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csvDir.resolve("customers.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                String credit = r.get("creditLimit");
                customers.add(new SessionCustomer(Integer.parseInt(r.get("customerNumber")), r.get("city"),
                        r.get("country"), credit.isEmpty() ? 0.0 : Double.parseDouble(credit)));
            }
        }
        List<SessionProduct> products = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csvDir.resolve("products.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                products.add(new SessionProduct(r.get("productCode"), r.get("productLine")));
            }
        }
        return new SessionSource(customers, products);
    }
}
