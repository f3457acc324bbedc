package com.scalemodels.recs.local;

import java.nio.file.Path;

/** The source database the ETL reads: what was generated and loaded, and where. */
public record BatchDataResult(String database, int productLines, int products, int customers, int ratings,
        long statements, Path sqlScript, double seconds) {
}
