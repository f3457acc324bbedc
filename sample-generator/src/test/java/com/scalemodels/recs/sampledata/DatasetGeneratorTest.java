package com.scalemodels.recs.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {

    private final SampleDataset data = DatasetGenerator.generate(42, 1.0);

    @Test
    void sameSeedWritesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        SampleDataGenerator.generateTo(7, 1.0, a);
        SampleDataGenerator.generateTo(7, 1.0, b);
        List<Path> files = listFiles(a);
        assertThat(files).hasSize(6);
        for (Path f : files) {
            assertThat(Files.readAllBytes(b.resolve(a.relativize(f)))).as(f.toString())
                    .isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void differentSeedsGiveDifferentData() {
        assertThat(DatasetGenerator.generate(43, 1.0).ratings()).isNotEqualTo(data.ratings());
    }

    @Test
    void defaultScaleHasTheOriginalLabsShape() {
        assertThat(data.productLines()).extracting(ProductLine::productLine).containsExactly("Classic Cars",
                "Motorcycles", "Planes", "Ships", "Trains", "Trucks and Buses", "Vintage Cars");
        assertThat(data.customers()).hasSizeBetween(110, 130);
        assertThat(data.products()).hasSizeBetween(100, 120);
        assertThat(data.ratings()).hasSizeBetween(800, 1200);
        assertThat(data.ratings().stream().map(Rating::customerNumber).distinct().count()).isBetween(85L, 115L);
        assertThat(data.ratings().stream().map(Rating::productCode).distinct().count()).isBetween(95L, 120L);
    }

    @Test
    void productsAreValidClassicmodelsRows() {
        Set<String> codes = new HashSet<>();
        for (Product p : data.products()) {
            assertThat(codes.add(p.productCode())).as("unique " + p.productCode()).isTrue();
            assertThat(p.productCode()).matches("S(10|12|18|24|32|50|72|700)_\\d{4,}");
            assertThat(p.productCode()).startsWith("S" + p.productScale().substring(2) + "_");
            assertThat(ReferenceData.SCALES).contains(p.productScale());
            assertThat(p.msrpCents()).isGreaterThan(p.buyPriceCents());
            assertThat(p.quantityInStock()).isBetween(0, (int) Short.MAX_VALUE);
        }
    }

    @Test
    void ratingsAreOneToFiveWithIntactForeignKeysAndUniquePairs() {
        Set<Integer> customers = data.customers().stream().map(Customer::customerNumber).collect(Collectors.toSet());
        Set<String> products = data.products().stream().map(Product::productCode).collect(Collectors.toSet());
        Set<String> pairs = new HashSet<>();
        for (Rating r : data.ratings()) {
            assertThat(r.productRating()).isBetween(1, 5);
            assertThat(customers).contains(r.customerNumber());
            assertThat(products).contains(r.productCode());
            assertThat(pairs.add(r.customerNumber() + "/" + r.productCode())).isTrue();
        }
        assertThat(data.ratings().stream().map(Rating::productRating).distinct()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void customersLookLikeClassicmodels() {
        assertThat(data.customers()).extracting(Customer::customerNumber).doesNotHaveDuplicates().isSorted();
        assertThat(data.customers()).anyMatch(c -> c.state() == null)
                .anyMatch(c -> c.postalCode() == null || c.addressLine2() == null)
                .anyMatch(c -> c.creditLimitCents() == 0);
        // Strip-normalization must be exercised: real data has 'Norway  '.
        List<Place> places = ReferenceData.PLACES;
        assertThat(places).anyMatch(p -> p.country().equals("Norway  "))
                .anyMatch(p -> !p.city().chars().allMatch(ch -> ch < 128));
        assertThat(data.customers().stream().map(Customer::country).distinct().count()).isGreaterThan(15);
    }

    @Test
    void scaleMultipliesCountsAndKeepsCodesUnique() {
        SampleDataset big = DatasetGenerator.generate(42, 100);
        assertThat(big.products()).hasSizeBetween(10_000, 12_000);
        assertThat(big.products().stream().map(Product::productCode).distinct().count())
                .isEqualTo(big.products().size());
        assertThat(big.customers()).hasSizeBetween(11_000, 13_000);
        assertThat(big.ratings()).hasSizeBetween(80_000, 120_000);
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
