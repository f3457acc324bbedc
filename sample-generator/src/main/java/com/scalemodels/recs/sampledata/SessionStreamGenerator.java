package com.scalemodels.recs.sampledata;

import com.scalemodels.recs.session.BrowseItem;
import com.scalemodels.recs.session.SessionEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Produces session events (JSON, one per record) from sample customers and products, deterministically for a
 * seed, at any volume. Optionally replaces a share of records with malformed ones (the rejected cases of
 * {@link MalformedCases}) so the local runner exercises the ProcessingFailed path.
 *
 * <p>Not thread-safe: one instance is one random stream.
 */
@Command(name = "session-stream", mixinStandardHelpOptions = true,
        description = "Write session events as JSON Lines from sample data CSVs.")
public final class SessionStreamGenerator implements Callable<Integer> {

    /** One generated record; {@code malformedCase} is null for a well-formed session. */
    public record SessionRecord(byte[] data, String malformedCase) {
    }

    private static final int MAX_HISTORY = 8;
    private static final double CART_SHARE = 0.3;
    private static final double SAME_LINE_SHARE = 0.6;

    private SessionSource source;
    private Random random;
    private double malformedShare;
    private final SessionJson json = new SessionJson();
    private MalformedCases malformed;
    private Map<String, List<SessionSource.SessionProduct>> productsByLine;
    private long counter;

    @Option(names = "--data-dir", defaultValue = "samples/classicmodels/csv",
            description = "Folder with customers.csv and products.csv (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--count", defaultValue = "200", description = "Records to write (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--malformed-share", defaultValue = "0",
            description = "Share of records replaced by malformed ones, 0..1 (default: ${DEFAULT-VALUE}).")
    double malformedShareOption;

    @Option(names = "--out", defaultValue = "-", description = "Output file, '-' for stdout (default: -).")
    String out;

    /** For picocli only. */
    public SessionStreamGenerator() {
    }

    public SessionStreamGenerator(SessionSource source, long seed, double malformedShare) {
        init(source, seed, malformedShare);
    }

    private void init(SessionSource source, long seed, double malformedShare) {
        if (!(malformedShare >= 0 && malformedShare <= 1)) {
            throw new IllegalArgumentException("malformedShare must be in [0, 1]: " + malformedShare);
        }
        this.source = source;
        this.random = new Random(seed);
        this.malformedShare = malformedShare;
        this.malformed = new MalformedCases(json);
        this.productsByLine = new HashMap<>();
        for (SessionSource.SessionProduct p : source.products()) {
            productsByLine.computeIfAbsent(p.productLine(), l -> new ArrayList<>()).add(p);
        }
    }

    /** The next well-formed session. */
    public SessionEvent nextSession() {
        SessionSource.SessionCustomer customer = Digits.pick(source.customers(), random);
        int size = 1 + Math.min(MAX_HISTORY - 1, geometric(0.35));
        size = Math.min(size, source.products().size());
        List<BrowseItem> history = new ArrayList<>(size);
        Set<String> seen = new HashSet<>();
        SessionSource.SessionProduct previous = null;
        int attempts = 0;
        while (history.size() < size && attempts++ < size * 10) {
            // Shoppers tend to stay in a product line while browsing.
            SessionSource.SessionProduct product = previous != null && random.nextDouble() < SAME_LINE_SHARE
                    ? Digits.pick(productsByLine.get(previous.productLine()), random)
                    : Digits.pick(source.products(), random);
            if (!seen.add(product.productCode())) {
                continue;
            }
            int quantity = random.nextDouble() < 0.7 ? 1 : 2 + random.nextInt(3);
            history.add(new BrowseItem(product.productCode(), quantity, random.nextDouble() < CART_SHARE));
            previous = product;
        }
        counter++;
        String id = String.format("s%08d-%08x", counter, random.nextInt());
        return new SessionEvent(id, customer.customerNumber(), customer.city(), customer.country(),
                customer.creditLimit(), history);
    }

    /** The next record: a session, or with probability {@code malformedShare} a malformed variant of one. */
    public SessionRecord next() {
        SessionEvent session = nextSession();
        if (malformedShare > 0 && random.nextDouble() < malformedShare) {
            MalformedCase c = Digits.pick(malformed.rejected(session), random);
            return new SessionRecord(c.data(), c.name());
        }
        return new SessionRecord(json.bytes(session), null);
    }

    public byte[] toJson(SessionEvent session) {
        return json.bytes(session);
    }

    /**
     * Writes {@code count} records as JSON Lines. Records never contain a raw line break, so splitting on
     * {@code \n} gives back exactly the records (malformed bytes included).
     */
    public void writeJsonLines(OutputStream out, long count) throws IOException {
        for (long i = 0; i < count; i++) {
            out.write(next().data());
            out.write('\n');
        }
        out.flush();
    }

    @Override
    public Integer call() throws IOException {
        init(SessionSource.fromCsv(dataDir), seed, malformedShareOption);
        if ("-".equals(out)) {
            writeJsonLines(new BufferedOutputStream(System.out, 1 << 16), count);
        } else {
            Path file = Path.of(out);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                writeJsonLines(o, count);
            }
        }
        return 0;
    }

    private int geometric(double p) {
        int k = 0;
        while (random.nextDouble() > p) {
            k++;
        }
        return k;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SessionStreamGenerator()).execute(args));
    }
}
