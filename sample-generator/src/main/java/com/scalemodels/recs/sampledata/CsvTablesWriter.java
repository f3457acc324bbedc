package com.scalemodels.recs.sampledata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes one CSV per table, plus {@code ratings_training.csv}: the customers ⋈ ratings ⋈ products join the
 * Glue job produces, with its column names and order, so the reference training runs without Spark.
 */
final class CsvTablesWriter {

    static final String[] TRAINING_COLUMNS = {"customerNumber", "city", "state", "postalCode", "country",
        "creditLimit", "productCode", "productLine", "productScale", "quantityInStock", "buyPrice", "MSRP",
        "productRating"};

    private CsvTablesWriter() {
    }

    static void write(SampleDataset data, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = open(dir.resolve("productlines.csv"))) {
            CsvWriter csv = new CsvWriter(w).row("productLine", "textDescription");
            for (ProductLine l : data.productLines()) {
                csv.row(l.productLine(), l.textDescription());
            }
        }
        try (Writer w = open(dir.resolve("products.csv"))) {
            CsvWriter csv = new CsvWriter(w).row("productCode", "productName", "productLine", "productScale",
                    "productVendor", "productDescription", "quantityInStock", "buyPrice", "MSRP");
            for (Product p : data.products()) {
                csv.field(p.productCode()).field(p.productName()).field(p.productLine()).field(p.productScale())
                        .field(p.productVendor()).field(p.productDescription()).field(p.quantityInStock())
                        .field(Money.format(p.buyPriceCents())).field(Money.format(p.msrpCents())).endRow();
            }
        }
        try (Writer w = open(dir.resolve("customers.csv"))) {
            CsvWriter csv = new CsvWriter(w).row("customerNumber", "customerName", "contactLastName",
                    "contactFirstName", "phone", "addressLine1", "addressLine2", "city", "state", "postalCode",
                    "country", "salesRepEmployeeNumber", "creditLimit");
            for (Customer c : data.customers()) {
                csv.field(c.customerNumber()).field(c.customerName()).field(c.contactLastName())
                        .field(c.contactFirstName()).field(c.phone()).field(c.addressLine1())
                        .field(c.addressLine2()).field(c.city()).field(c.state()).field(c.postalCode())
                        .field(c.country())
                        .field(c.salesRepEmployeeNumber() == null ? null : c.salesRepEmployeeNumber().toString())
                        .field(Money.format(c.creditLimitCents())).endRow();
            }
        }
        try (Writer w = open(dir.resolve("ratings.csv"))) {
            CsvWriter csv = new CsvWriter(w).row("customerNumber", "productCode", "productRating");
            for (Rating r : data.ratings()) {
                csv.field(r.customerNumber()).field(r.productCode()).field(r.productRating()).endRow();
            }
        }
        writeTrainingJoin(data, dir.resolve("ratings_training.csv"));
    }

    private static void writeTrainingJoin(SampleDataset data, Path file) throws IOException {
        Map<Integer, Customer> customers = new HashMap<>();
        data.customers().forEach(c -> customers.put(c.customerNumber(), c));
        Map<String, Product> products = new HashMap<>();
        data.products().forEach(p -> products.put(p.productCode(), p));
        try (Writer w = open(file)) {
            CsvWriter csv = new CsvWriter(w).row(TRAINING_COLUMNS);
            for (Rating r : data.ratings()) {
                Customer c = customers.get(r.customerNumber());
                Product p = products.get(r.productCode());
                csv.field(c.customerNumber()).field(c.city()).field(c.state()).field(c.postalCode())
                        .field(c.country()).field(Money.format(c.creditLimitCents())).field(p.productCode())
                        .field(p.productLine()).field(p.productScale()).field(p.quantityInStock())
                        .field(Money.format(p.buyPriceCents())).field(Money.format(p.msrpCents()))
                        .field(r.productRating()).endRow();
            }
        }
    }

    private static Writer open(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
