package com.scalemodels.recs.etl;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Joins ratings to customers and products and sorts every rating into accepted or rejected-with-a-reason, in
 * one pass over one cached frame, so the counts and the written rows cannot disagree and nothing is dropped
 * silently.
 *
 * <p>Duplicates: the {@code ratings} table has no id or timestamp, so "the latest rating" is not knowable. The
 * highest rating of a (customer, product) pair is kept: that choice does not depend on read order or
 * partitioning, so re-runs give the same table. The other copies go to the rejected rows as
 * {@code duplicate_pair}.
 */
public final class RatingsQualityCheck {

    private static final String CUSTOMER_FOUND = "_customerFound";
    private static final String PRODUCT_FOUND = "_productFound";

    public QualityResult check(SourceTables source) {
        // Customers and products are a retailer's catalogue and client list: small enough to broadcast, which
        // spares shuffling the million-row ratings. (Spark cannot size a JDBC relation, so it would not choose
        // a broadcast on its own.)
        Dataset<Row> customers = source.customers().withColumn(CUSTOMER_FOUND, lit(true));
        Dataset<Row> products = source.products().withColumn(PRODUCT_FOUND, lit(true));
        Dataset<Row> joined = source.ratings()
                .join(broadcast(customers), new String[] {TrainingColumns.CUSTOMER_NUMBER}, "left")
                .join(broadcast(products), new String[] {TrainingColumns.PRODUCT_CODE}, "left");

        Column rating = col(TrainingColumns.PRODUCT_RATING);
        List<Column> nullRequired = new ArrayList<>();
        for (String c : TrainingColumns.REQUIRED_FEATURES) {
            nullRequired.add(when(col(c).isNull(), lit(c)));
        }
        Column nullDetail = concat_ws(",", nullRequired.toArray(Column[]::new));
        Column anyRequiredNull = lit(false);
        for (String c : TrainingColumns.REQUIRED_FEATURES) {
            anyRequiredNull = anyRequiredNull.or(col(c).isNull());
        }

        Column reasonBeforeDuplicates =
                when(rating.isNull().or(rating.lt(1)).or(rating.gt(5)), lit(RejectReason.RATING_OUT_OF_RANGE.code()))
                        .when(col(CUSTOMER_FOUND).isNull(), lit(RejectReason.UNKNOWN_CUSTOMER.code()))
                        .when(col(PRODUCT_FOUND).isNull(), lit(RejectReason.UNKNOWN_PRODUCT.code()))
                        .when(anyRequiredNull, lit(RejectReason.NULL_FEATURE.code()));
        Dataset<Row> staged = joined.withColumn("_reason0", reasonBeforeDuplicates);

        // Rank only among rows that passed the other checks, so an invalid copy never displaces a valid one.
        Dataset<Row> ranked = staged.withColumn("_rank", row_number().over(Window
                .partitionBy(col(TrainingColumns.CUSTOMER_NUMBER), col(TrainingColumns.PRODUCT_CODE),
                        col("_reason0").isNull())
                .orderBy(rating.desc())));
        Column reason = coalesce(col("_reason0"),
                when(col("_rank").gt(1), lit(RejectReason.DUPLICATE_PAIR.code())));
        Column detail = when(col("_reason0").equalTo(RejectReason.NULL_FEATURE.code()), nullDetail);

        List<Column> output = new ArrayList<>();
        for (String c : TrainingColumns.ALL) {
            output.add(col(c));
        }
        output.add(reason.as(TrainingColumns.REJECT_REASON));
        output.add(detail.as(TrainingColumns.REJECT_DETAIL));
        Dataset<Row> classified = ranked.select(output.toArray(Column[]::new))
                .persist(StorageLevel.MEMORY_AND_DISK());

        QualityCounts counts = countAll(classified);

        Dataset<Row> accepted = classified.filter(col(TrainingColumns.REJECT_REASON).isNull())
                .select(TrainingColumns.ALL.stream().map(c -> col(c)).toArray(Column[]::new));
        Dataset<Row> rejected = classified.filter(col(TrainingColumns.REJECT_REASON).isNotNull());
        return new QualityResult(accepted, rejected, counts, classified);
    }

    /** All counts in one aggregation: this is also the action that reads the source and fills the cache. */
    private static QualityCounts countAll(Dataset<Row> classified) {
        Column reason = col(TrainingColumns.REJECT_REASON);
        List<Column> aggs = new ArrayList<>();
        aggs.add(sum(when(reason.isNull(), 1).otherwise(0)).as("accepted"));
        for (RejectReason r : RejectReason.values()) {
            aggs.add(sum(when(reason.equalTo(r.code()), 1).otherwise(0)).as(r.name()));
        }
        for (String c : TrainingColumns.REQUIRED_FEATURES) {
            aggs.add(sum(when(reason.equalTo(RejectReason.NULL_FEATURE.code()).and(col(c).isNull()), 1)
                    .otherwise(0)).as("nf_" + c));
        }
        for (String c : TrainingColumns.OPTIONAL_FEATURES) {
            aggs.add(sum(when(reason.isNull().and(col(c).isNull()), 1).otherwise(0)).as("no_" + c));
        }
        aggs.add(countDistinct(when(reason.isNull(), col(TrainingColumns.CUSTOMER_NUMBER))).as("customers"));
        Row row = classified.agg(count(lit(1)).as("read"), aggs.toArray(Column[]::new)).first();

        Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            byReason.put(r, longOf(row, r.name()));
        }
        Map<String, Long> nullFeature = new LinkedHashMap<>();
        for (String c : TrainingColumns.REQUIRED_FEATURES) {
            nullFeature.put(c, longOf(row, "nf_" + c));
        }
        Map<String, Long> nullOptional = new LinkedHashMap<>();
        for (String c : TrainingColumns.OPTIONAL_FEATURES) {
            nullOptional.put(c, longOf(row, "no_" + c));
        }
        return new QualityCounts(longOf(row, "read"), longOf(row, "accepted"), byReason, nullFeature,
                nullOptional, longOf(row, "customers"));
    }

    private static long longOf(Row row, String field) {
        Object v = row.getAs(field);
        return v == null ? 0L : ((Number) v).longValue();
    }
}
