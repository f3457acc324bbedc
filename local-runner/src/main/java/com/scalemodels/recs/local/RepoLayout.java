package com.scalemodels.recs.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the runner finds what the repository holds: sample data, sample ML artifacts and the built glue-job.
 * Found from the {@code recs.repo.dir} system property (tests) or by walking up from the working directory, so
 * the runner works from the repository root and from a module folder alike.
 */
public record RepoLayout(Path root) {

    public static RepoLayout locate() {
        String configured = System.getProperty("recs.repo.dir");
        if (configured != null && !configured.isBlank()) {
            return new RepoLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("samples"))) {
                return new RepoLayout(d);
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with mvnw and samples/) above "
                + dir + "; run from the repository or set -Drecs.repo.dir");
    }

    public Path sampleCsv() {
        return root.resolve("samples/classicmodels/csv");
    }

    public Path sampleArtifacts() {
        return root.resolve("samples/ml-artifacts");
    }

    public Path glueJobClasses() {
        return root.resolve("glue-job/target/classes");
    }

    /** Written by local-runner's build: the Lambda runtime interface client's jars, for {@code invoke}. */
    public Path lambdaRuntimeClasspathFile() {
        return root.resolve("local-runner/target/lambda-runtime.classpath");
    }

    /** Written by glue-job's build (maven-dependency-plugin, test scope: Spark and its Jackson 2.15). */
    public Path glueJobClasspathFile() {
        return root.resolve("glue-job/target/local.classpath");
    }
}
