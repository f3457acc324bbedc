package com.scalemodels.recs.sampledata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Generates classicmodels-shaped sample data: {@code <out>/classicmodels.sql} and
 * {@code <out>/csv/{productlines,products,customers,ratings,ratings_training}.csv}. Same seed and scale give
 * byte-identical files.
 */
@Command(name = "sample-data", mixinStandardHelpOptions = true,
        description = "Generate classicmodels-shaped sample data (SQL script + CSV files).")
public final class SampleDataGenerator implements Callable<Integer> {

    public static final long DEFAULT_SEED = 42L;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "1", description = "Scale factor; 1 ≈ 120 customers, 110 products,"
            + " 1,000 ratings (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--out", defaultValue = "samples/classicmodels",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    /** Generates the dataset and writes the SQL script and CSV files under {@code outDir}. */
    public static SampleDataset generateTo(long seed, double scale, Path outDir) throws IOException {
        SampleDataset data = DatasetGenerator.generate(seed, scale);
        write(data, outDir);
        return data;
    }

    public static void write(SampleDataset data, Path outDir) throws IOException {
        SqlScriptWriter.write(data, outDir.resolve("classicmodels.sql"));
        CsvTablesWriter.write(data, outDir.resolve("csv"));
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        SampleDataset data = generateTo(seed, scale, out);
        System.out.printf("wrote %s: %d product lines, %d products, %d customers, %d ratings in %.1f s%n", out,
                data.productLines().size(), data.products().size(), data.customers().size(),
                data.ratings().size(), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SampleDataGenerator()).execute(args));
    }
}
