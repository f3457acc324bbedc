package com.scalemodels.recs.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalemodels.recs.testing.JdbcSettings;
import com.scalemodels.recs.testing.LocalDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the generated SQL script into the local MariaDB, in a database of its own, and checks it. */
class ClassicmodelsSqlLoadIT {

    private static final JdbcSettings SERVER = LocalDatabases.mariadb();
    private static final String DATABASE = "sample_data_it_" + UUID.randomUUID().toString().replace("-", "")
            .substring(0, 12);

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = SERVER.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + DATABASE + "` CHARACTER SET utf8mb4");
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = SERVER.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
        }
    }

    @Test
    void scriptLoadsTwiceAndRowCountsMatchTheCsvs(@TempDir Path dir) throws Exception {
        SampleDataset data = SampleDataGenerator.generateTo(42, 1.0, dir);
        JdbcSettings db = SERVER.withDatabase(DATABASE);
        try (Connection c = db.connect()) {
            // Twice: DROP TABLE IF EXISTS must make the script re-runnable.
            run(c, dir.resolve("classicmodels.sql"));
            run(c, dir.resolve("classicmodels.sql"));
            assertThat(count(c, "productlines")).isEqualTo(csvRows(dir, "productlines"));
            assertThat(count(c, "products")).isEqualTo(csvRows(dir, "products"));
            assertThat(count(c, "customers")).isEqualTo(csvRows(dir, "customers"));
            assertThat(count(c, "ratings")).isEqualTo(csvRows(dir, "ratings")).isEqualTo(data.ratings().size());
            assertThat(scalar(c, "SELECT COUNT(*) FROM ratings r JOIN customers c USING (customerNumber)"
                    + " JOIN products p USING (productCode)")).isEqualTo(data.ratings().size());
            assertThat(scalar(c, "SELECT COUNT(*) FROM products WHERE MSRP <= buyPrice")).isZero();
            // Text survives byte for byte: trailing spaces and non-ASCII.
            assertThat(scalar(c, "SELECT COUNT(*) FROM customers WHERE country = BINARY 'Norway  '"
                    + " AND CHAR_LENGTH(country) = 8")).isEqualTo(
                    data.customers().stream().filter(x -> x.country().equals("Norway  ")).count());
            long nonAscii = data.customers().stream().filter(x -> !x.city().chars().allMatch(ch -> ch < 128))
                    .count();
            assertThat(scalar(c, "SELECT COUNT(*) FROM customers WHERE CHAR_LENGTH(city) <> LENGTH(city)"))
                    .isEqualTo(nonAscii);
        }
    }

    /** Runs the script statement by statement: the writer ends every statement with ';' at a line end. */
    private static void run(Connection c, Path script) throws IOException, SQLException {
        try (BufferedReader in = Files.newBufferedReader(script, StandardCharsets.UTF_8);
             Statement s = c.createStatement()) {
            StringBuilder statement = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (statement.length() == 0 && (line.startsWith("--") || line.isBlank())) {
                    continue;
                }
                statement.append(line).append('\n');
                if (line.endsWith(";")) {
                    s.execute(statement.toString());
                    statement.setLength(0);
                }
            }
            assertThat(statement.toString()).isBlank();
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        return scalar(c, "SELECT COUNT(*) FROM `" + table + "`");
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long csvRows(Path dir, String table) throws IOException {
        return SampleFilesTest.read(dir.resolve("csv/" + table + ".csv")).size();
    }
}
