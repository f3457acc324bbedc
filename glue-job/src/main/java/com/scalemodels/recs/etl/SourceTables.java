package com.scalemodels.recs.etl;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The three source tables, reduced to the columns the training table needs and cast to its types. */
public record SourceTables(Dataset<Row> customers, Dataset<Row> products, Dataset<Row> ratings) {
}
