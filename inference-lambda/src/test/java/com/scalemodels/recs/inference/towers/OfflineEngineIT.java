package com.scalemodels.recs.inference.towers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DJL never downloads: in a fresh JVM with an empty cache, loading a tower opens no connection, and everything
 * that appears in the cache is extracted from the native jar on the classpath.
 */
class OfflineEngineIT {

    @TempDir
    Path cache;

    @Test
    void loadingATowerOpensNoConnectionAndCachesOnlyClasspathNatives() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", OfflineProbe.class.getName(), cache.toString(),
                TowerModelTest.tinyTower().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as(output).contains("network-attempts: 0");

        List<String> cachedLibraries = sharedLibrariesUnder(cache);
        assertThat(cachedLibraries).as("extracted libtorch").anyMatch(name -> name.startsWith("libtorch_cpu"));
        assertThat(cachedLibraries).as("every cached library comes from a jar on the classpath")
                .allMatch(name -> classpathJarEntryNames().stream().anyMatch(entry -> entry.endsWith("/" + name)));
    }

    private static List<String> sharedLibrariesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.contains(".so"))
                    // DJL extracts its JNI bridge as "<djl version>-libdjl_torch.so".
                    .map(name -> name.replaceFirst("^\\d+\\.\\d+\\.\\d+-", ""))
                    .toList();
        }
    }

    private static List<String> classpathJarEntryNames() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.contains("pytorch-native") || p.contains("pytorch-jni"))
                .flatMap(OfflineEngineIT::entries)
                .toList();
    }

    private static Stream<String> entries(String jar) {
        try (ZipFile zip = new ZipFile(jar)) {
            return zip.stream().map(e -> e.getName()).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + jar, e);
        }
    }
}
