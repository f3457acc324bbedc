package com.scalemodels.recs.sampledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFilesTest {

    @Test
    void csvRoundTripsNullsTrailingSpacesAndNonAscii(@TempDir Path dir) throws IOException {
        SampleDataset data = SampleDataGenerator.generateTo(42, 1.0, dir);
        List<CSVRecord> rows = read(dir.resolve("csv/customers.csv"));
        assertThat(rows).hasSize(data.customers().size());
        for (int i = 0; i < rows.size(); i++) {
            Customer c = data.customers().get(i);
            CSVRecord r = rows.get(i);
            assertThat(r.get("country")).isEqualTo(c.country());
            assertThat(r.get("city")).isEqualTo(c.city());
            assertThat(r.get("state")).isEqualTo(c.state() == null ? "" : c.state());
            assertThat(r.get("creditLimit")).isEqualTo(Money.format(c.creditLimitCents()));
        }
        String text = Files.readString(dir.resolve("csv/customers.csv"), StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n");
        assertThat(read(dir.resolve("csv/ratings_training.csv"))).hasSize(data.ratings().size());
        assertThat(read(dir.resolve("csv/products.csv"))).hasSize(data.products().size());
    }

    @Test
    void sqlScriptHasNoDatabaseSwitchAndBatchesInserts(@TempDir Path dir) throws IOException {
        SampleDataset data = SampleDataGenerator.generateTo(42, 2.0, dir);
        String sql = Files.readString(dir.resolve("classicmodels.sql"), StandardCharsets.UTF_8);
        assertThat(sql).doesNotContainIgnoringCase("CREATE DATABASE").doesNotContain("\nUSE ");
        assertThat(sql).contains("DROP TABLE IF EXISTS `ratings`;", "FOREIGN KEY (`customerNumber`)");
        long ratingInserts = sql.lines().filter(l -> l.startsWith("INSERT INTO `ratings`")).count();
        assertThat(ratingInserts).isEqualTo((data.ratings().size() + 999) / 1000);
    }

    @Test
    void sqlQuotingDoublesQuotesAndRefusesBackslashes() {
        assertThat(SqlScriptWriter.quote("Kelly's")).isEqualTo("'Kelly''s'");
        assertThat(SqlScriptWriter.quote(null)).isEqualTo("NULL");
        assertThatThrownBy(() -> SqlScriptWriter.quote("a\\b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyPrintsTwoDecimals() {
        assertThat(Money.format(2_100_000)).isEqualTo("21000.00");
        assertThat(Money.format(9_507)).isEqualTo("95.07");
        assertThat(Money.format(5)).isEqualTo("0.05");
    }

    static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
