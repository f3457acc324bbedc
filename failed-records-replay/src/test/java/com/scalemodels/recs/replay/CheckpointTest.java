package com.scalemodels.recs.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    private static final String FOR = "destination=kinesis:s error-codes=*";

    @TempDir
    Path dir;

    @Test
    void doneObjectsAreWrittenAtOnceAndReadBackByTheNextRun() throws Exception {
        Path file = dir.resolve("cp");
        try (Checkpoint cp = Checkpoint.open(file, FOR, false)) {
            cp.markDone("s3://b/k1");
            assertThat(Files.readAllLines(file)).containsExactly(Checkpoint.HEADER_PREFIX + FOR, "s3://b/k1");
            cp.markDone("s3://b/k2");
            cp.markDone("s3://b/k1");
        }

        try (Checkpoint again = Checkpoint.open(file, FOR, false)) {
            assertThat(again.isDone("s3://b/k1")).isTrue();
            assertThat(again.isDone("s3://b/k2")).isTrue();
            assertThat(again.isDone("s3://b/k3")).isFalse();
            again.markDone("s3://b/k3");
        }
        assertThat(Files.readAllLines(file)).containsExactly(Checkpoint.HEADER_PREFIX + FOR, "s3://b/k1", "s3://b/k2",
                "s3://b/k3");
    }

    @Test
    void aLineACrashCutShortIsIgnoredAndTheNextLineStillStartsFresh() throws Exception {
        Path file = dir.resolve("cp");
        Files.writeString(file, Checkpoint.HEADER_PREFIX + FOR + "\ns3://b/k1\ns3://b/k2-cut", StandardCharsets.UTF_8);

        try (Checkpoint cp = Checkpoint.open(file, FOR, false)) {
            assertThat(cp.isDone("s3://b/k1")).isTrue();
            assertThat(cp.isDone("s3://b/k2-cut")).isFalse();
            assertThat(cp.size()).isEqualTo(1);
            cp.markDone("s3://b/k2");
        }
        try (Checkpoint cp = Checkpoint.open(file, FOR, false)) {
            assertThat(cp.isDone("s3://b/k2")).isTrue();
            assertThat(cp.isDone("s3://b/k2-cut")).isFalse();
        }
    }

    @Test
    void aHeaderACrashCutShortIsWrittenAgain() throws Exception {
        Path file = dir.resolve("cp");
        Files.writeString(file, Checkpoint.HEADER_PREFIX.substring(0, 10), StandardCharsets.UTF_8);

        try (Checkpoint cp = Checkpoint.open(file, FOR, false)) {
            assertThat(cp.size()).isZero();
            cp.markDone("s3://b/k1");
        }

        assertThat(Files.readAllLines(file)).containsExactly(Checkpoint.HEADER_PREFIX + FOR, "s3://b/k1");
    }

    @Test
    void aCheckpointOfAnotherReplayIsRefusedNamingTheOption() throws Exception {
        Path file = dir.resolve("cp");
        try (Checkpoint cp = Checkpoint.open(file, "destination=kinesis:other error-codes=*", false)) {
            cp.markDone("s3://b/k1");
        }

        assertThatThrownBy(() -> Checkpoint.open(file, FOR, false)).isInstanceOf(ReplayException.class)
                .hasMessageContaining("--checkpoint").hasMessageContaining("kinesis:other");
    }

    @Test
    void aDryRunNeverCreatesOrWritesTheFile() {
        Path file = dir.resolve("cp");
        try (Checkpoint cp = Checkpoint.open(file, FOR, true)) {
            cp.markDone("s3://b/k1");
        }

        assertThat(file).doesNotExist();
    }
}
