package com.scalemodels.recs.local;

import com.scalemodels.recs.sampledata.SampleDataGenerator;
import com.scalemodels.recs.sampledata.SampleDataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 1, the source RDS MySQL: generates the classicmodels tables (sample-generator, same seed and scale give the same
 * data) and loads them into a fresh MariaDB database on the local server.
 */
public final class BatchDataStep {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDataStep.class);

    private final LocalServices services;

    public BatchDataStep(LocalServices services) {
        this.services = services;
    }

    public BatchDataResult run(long seed, double scale, String database, Path workDir) throws IOException, SQLException {
        long started = System.nanoTime();
        SampleDataset data = SampleDataGenerator.generateTo(seed, scale, workDir);
        Path script = workDir.resolve("classicmodels.sql");
        long statements;
        try (Connection server = DriverManager.getConnection(services.mysqlServerUrl(), services.mysqlUser(),
                services.mysqlPassword());
                Statement st = server.createStatement()) {
            // Dropped and re-created on every run: the runner owns this database, and a re-run must not need cleanup.
            st.execute("DROP DATABASE IF EXISTS `" + LocalServices.checkDatabaseName(database) + "`");
            st.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
        }
        try (Connection db = DriverManager.getConnection(services.mysqlUrl(database), services.mysqlUser(),
                services.mysqlPassword())) {
            statements = runScript(db, script);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.atInfo().addKeyValue("event", "batch_data_loaded").addKeyValue("database", database)
                .addKeyValue("customers", data.customers().size()).addKeyValue("products", data.products().size())
                .addKeyValue("ratings", data.ratings().size()).addKeyValue("statements", statements)
                .addKeyValue("seconds", seconds).log("classicmodels loaded");
        return new BatchDataResult(database, data.productLines().size(), data.products().size(),
                data.customers().size(), data.ratings().size(), statements, script, seconds);
    }

    /**
     * Runs the generated script statement by statement. The writer guarantees every statement ends with {@code ;}
     * at the end of a line and no value holds a line break, so splitting on such lines is exact.
     */
    static long runScript(Connection db, Path script) throws IOException, SQLException {
        long count = 0;
        StringBuilder statement = new StringBuilder();
        try (BufferedReader in = Files.newBufferedReader(script, StandardCharsets.UTF_8);
                Statement st = db.createStatement()) {
            String line;
            while ((line = in.readLine()) != null) {
                if (statement.length() == 0 && (line.isBlank() || line.startsWith("--"))) {
                    continue;
                }
                statement.append(line).append('\n');
                if (line.endsWith(";")) {
                    st.execute(statement.toString());
                    statement.setLength(0);
                    count++;
                }
            }
        }
        return count;
    }
}
