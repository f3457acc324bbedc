package com.scalemodels.recs.sampledata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Benchmark (./bench.sh sample-generator): generate and write scale 1000 (≈1M ratings) into a temp folder. */
public final class SampleDataBench {

    private SampleDataBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sample-generator-bench");
        try {
            long start = System.nanoTime();
            SampleDataset data = SampleDataGenerator.generateTo(42, 1000, dir);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("sample-generator.generate_1000x_seconds: %.1f s%n", seconds);
            System.out.printf("sample-generator.ratings_per_second: %.0f rows/s%n", data.ratings().size() / seconds);
            System.out.printf("sample-generator.ratings_1000x: %d rows%n", data.ratings().size());
            System.out.printf("sample-generator.sql_1000x_bytes: %d bytes%n", Files.size(dir.resolve("classicmodels.sql")));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
