package com.scalemodels.recs.local.invoke;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * The AWS Lambda Java runtime interface client as the functions' JVMs start it: its jars (the system class path of
 * the managed runtime, written by the build to {@code local-runner/target/lambda-runtime.classpath}) and its JNI
 * library. The client would unpack that library to one fixed path, {@code /tmp/.libaws-lambda-jni.so}, in every
 * JVM; two functions starting together then overwrite it under each other and one fails to start. So it is unpacked
 * once here, and each JVM is told where it is.
 */
record RuntimeClient(List<String> classpath, Path jniLibrary) {

    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String JNI_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    RuntimeClient {
        classpath = List.copyOf(classpath);
    }

    static RuntimeClient locate(Path classpathFile, Path cacheDir) throws IOException, NotBuiltException {
        if (!Files.isRegularFile(classpathFile)) {
            throw new NotBuiltException(classpathFile + " is missing: build first (./run-local.sh does, or ./mvnw"
                    + " -DskipTests package)");
        }
        List<String> classpath = Arrays.stream(Files.readString(classpathFile).strip().split(File.pathSeparator))
                .filter(s -> !s.isBlank()).toList();
        Path clientJar = classpath.stream().map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                .findFirst().orElseThrow(() -> new NotBuiltException(classpathFile + " names no runtime interface"
                        + " client jar: rebuild local-runner"));
        String library = "libaws-lambda-jni." + platform() + ".so";
        Path target = cacheDir.resolve("lambda-runtime").resolve(clientJar.getFileName() + "-" + library);
        if (!Files.isRegularFile(target)) {
            Files.createDirectories(target.getParent());
            try (ZipFile jar = new ZipFile(clientJar.toFile())) {
                var entry = jar.getEntry("jni/" + library);
                if (entry == null) {
                    throw new IOException(clientJar + " has no native library for this platform (" + library + ")");
                }
                Path partial = Files.createTempFile(target.getParent(), library, ".part");
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new RuntimeClient(classpath, target);
    }

    /** {@code java <these> <handler>}. */
    List<String> jvmArguments() {
        List<String> args = new ArrayList<>();
        args.add("-D" + JNI_PROPERTY + "=" + jniLibrary);
        args.add("-cp");
        args.add(String.join(File.pathSeparator, classpath));
        args.add(MAIN_CLASS);
        return args;
    }

    /** The client's name for this machine: glibc or musl, x86_64 or aarch64. */
    private static String platform() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "aarch_64" : "x86_64";
        boolean musl = Files.exists(Path.of("/lib/ld-musl-" + (cpu.equals("x86_64") ? "x86_64" : "aarch64")
                + ".so.1"));
        return (musl ? "linux_musl-" : "linux-") + cpu;
    }
}
