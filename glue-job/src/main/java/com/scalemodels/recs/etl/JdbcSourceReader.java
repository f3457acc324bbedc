package com.scalemodels.recs.etl;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import static org.apache.spark.sql.functions.col;

/**
 * Reads customers, products and ratings over JDBC. Ratings, the only big table, is read in parallel slices of
 * customerNumber between its min and max; the two dimension tables are small and read in one go.
 */
public final class JdbcSourceReader {

    static final String DRIVER = "com.mysql.cj.jdbc.Driver";

    private final SparkSession spark;
    private final JobArguments args;
    private final DbCredentials credentials;

    public JdbcSourceReader(SparkSession spark, JobArguments args, DbCredentials credentials) {
        this.spark = spark;
        this.args = args;
        this.credentials = credentials;
    }

    /** Inclusive customerNumber range of ratings; empty when the table is empty. */
    record Bounds(long lower, long upper) {
    }

    public SourceTables read() {
        // Explicit casts pin the output schema whatever integer/decimal widths the source DDL uses
        // (e.g. quantityInStock is smallint in classicmodels).
        Dataset<Row> customers = jdbc()
                .option("query", "SELECT customerNumber, city, state, postalCode, country, creditLimit FROM customers")
                .load()
                .select(col("customerNumber").cast("int").as(TrainingColumns.CUSTOMER_NUMBER),
                        col("city").cast("string").as(TrainingColumns.CITY),
                        col("state").cast("string").as(TrainingColumns.STATE),
                        col("postalCode").cast("string").as(TrainingColumns.POSTAL_CODE),
                        col("country").cast("string").as(TrainingColumns.COUNTRY),
                        col("creditLimit").cast("decimal(10,2)").as(TrainingColumns.CREDIT_LIMIT));
        Dataset<Row> products = jdbc()
                .option("query", "SELECT productCode, productLine, productScale, quantityInStock, buyPrice, MSRP"
                        + " FROM products")
                .load()
                .select(col("productCode").cast("string").as(TrainingColumns.PRODUCT_CODE),
                        col("productLine").cast("string").as(TrainingColumns.PRODUCT_LINE),
                        col("productScale").cast("string").as(TrainingColumns.PRODUCT_SCALE),
                        col("quantityInStock").cast("int").as(TrainingColumns.QUANTITY_IN_STOCK),
                        col("buyPrice").cast("decimal(10,2)").as(TrainingColumns.BUY_PRICE),
                        col("MSRP").cast("decimal(10,2)").as(TrainingColumns.MSRP));

        DataFrameReader ratingsReader = jdbc()
                .option("dbtable", "(SELECT customerNumber, productCode, productRating FROM ratings) r");
        Optional<Bounds> bounds = ratingBounds();
        if (bounds.isPresent() && args.readPartitions() > 1 && bounds.get().upper() > bounds.get().lower()) {
            // Spark's first slice also takes rows with a null customerNumber, so no row is lost by slicing.
            ratingsReader = ratingsReader
                    .option("partitionColumn", "customerNumber")
                    .option("lowerBound", bounds.get().lower())
                    .option("upperBound", bounds.get().upper() + 1)
                    .option("numPartitions", args.readPartitions());
        }
        Dataset<Row> ratings = ratingsReader.load()
                .select(col("customerNumber").cast("int").as(TrainingColumns.CUSTOMER_NUMBER),
                        col("productCode").cast("string").as(TrainingColumns.PRODUCT_CODE),
                        col("productRating").cast("int").as(TrainingColumns.PRODUCT_RATING));
        return new SourceTables(customers, products, ratings);
    }

    Optional<Bounds> ratingBounds() {
        try (Connection c = connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MIN(customerNumber), MAX(customerNumber) FROM ratings")) {
            rs.next();
            long lower = rs.getLong(1);
            if (rs.wasNull()) {
                return Optional.empty();
            }
            return Optional.of(new Bounds(lower, rs.getLong(2)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the customerNumber range of ratings from "
                    + args.redactedJdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", credentials.user());
        props.setProperty("password", credentials.password());
        // The driver directly, not DriverManager: on Glue our jar sits in a class loader DriverManager may not see.
        Connection c = new com.mysql.cj.jdbc.Driver().connect(args.sourceJdbcUrl(), props);
        if (c == null) {
            throw new SQLException("the MySQL driver does not accept this URL");
        }
        return c;
    }

    private DataFrameReader jdbc() {
        return spark.read().format("jdbc")
                .option("url", args.sourceJdbcUrl())
                .option("driver", DRIVER)
                .option("user", credentials.user())
                .option("password", credentials.password())
                .option("fetchsize", args.fetchSize());
    }
}
