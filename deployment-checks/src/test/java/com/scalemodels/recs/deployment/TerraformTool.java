package com.scalemodels.recs.deployment;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code terraform} binary and where {@code terraform init} gets the hashicorp/aws provider from.
 *
 * <p>The provider comes from a filesystem mirror (a folder holding {@code registry.terraform.io/hashicorp/aws/}):
 * {@code TF_PLUGIN_DIR} when set, else the first well-known place that has one. {@code TF_PLUGIN_DIR=registry}
 * downloads it from the Terraform registry instead. The binary is {@code TERRAFORM} when set, else
 * {@code terraform} on the PATH.
 */
final class TerraformTool {

    /** Terraform 1.7 brought mock providers with shared mock files ({@code mock_provider { source }}). */
    static final int[] MINIMUM_VERSION = {1, 7};

    static final String REGISTRY = "registry";

    private static final List<Path> WELL_KNOWN_MIRRORS = List.of(
            Path.of("/opt/tf-plugins"),
            Path.of("/usr/local/share/terraform/plugins"),
            Path.of("/usr/share/terraform/plugins"),
            Path.of(System.getProperty("user.home"), ".terraform.d", "plugins"),
            Path.of(System.getProperty("user.home"), ".local", "share", "terraform", "plugins"));

    private static final String HOW_TO_ENABLE = "install Terraform >= 1.7 and set TF_PLUGIN_DIR to a folder holding"
            + " registry.terraform.io/hashicorp/aws/ (a provider mirror), or TF_PLUGIN_DIR=registry to download the"
            + " provider; see terraform/README.md";

    /** A usable terraform; {@code pluginDir} empty means {@code terraform init} downloads from the registry. */
    record Found(Path binary, String version, Optional<Path> pluginDir) {
    }

    /** Either a usable terraform, or why there is none. */
    record Lookup(Optional<Found> found, String why) {

        static Lookup missing(String why) {
            return new Lookup(Optional.empty(), why);
        }

        /** The one line printed when the checks are skipped. */
        String skipped() {
            return "Terraform checks skipped: " + why + "; to run them, " + HOW_TO_ENABLE + ".";
        }

        /** Under CI=true the checks must run. */
        String required() {
            return "CI=true, so the Terraform checks may not be skipped, but " + why + ": " + HOW_TO_ENABLE + ".";
        }
    }

    private TerraformTool() {
    }

    static Lookup find(Map<String, String> env) {
        Optional<Path> binary = Optional.ofNullable(env.get("TERRAFORM")).filter(s -> !s.isBlank()).map(Path::of)
                .or(() -> onPath("terraform", env.getOrDefault("PATH", "")));
        if (binary.isEmpty() || !Files.isExecutable(binary.get())) {
            return Lookup.missing(binary.map(b -> b + " is not executable").orElse("no terraform on the PATH"));
        }
        String version;
        try {
            version = version(binary.get());
        } catch (IOException e) {
            return Lookup.missing(binary.get() + " version failed (" + e.getMessage() + ")");
        }
        if (!atLeast(version, MINIMUM_VERSION)) {
            return Lookup.missing("terraform " + version + " is older than 1.7 (mock providers)");
        }
        String pluginDir = env.get("TF_PLUGIN_DIR");
        if (pluginDir != null && !pluginDir.isBlank()) {
            if (pluginDir.equals(REGISTRY)) {
                return new Lookup(Optional.of(new Found(binary.get(), version, Optional.empty())), null);
            }
            Path dir = Path.of(pluginDir);
            if (!hasAwsProvider(dir)) {
                // Set on purpose, so a wrong value is an error, never a skip.
                throw new IllegalStateException("TF_PLUGIN_DIR=" + pluginDir + " has no registry.terraform.io/hashicorp/aws/"
                        + " folder: point it at the folder that holds registry.terraform.io/, or unset it");
            }
            return new Lookup(Optional.of(new Found(binary.get(), version, Optional.of(dir))), null);
        }
        for (Path dir : WELL_KNOWN_MIRRORS) {
            if (hasAwsProvider(dir)) {
                return new Lookup(Optional.of(new Found(binary.get(), version, Optional.of(dir))), null);
            }
        }
        return Lookup.missing("no hashicorp/aws provider mirror found (TF_PLUGIN_DIR unset; looked in "
                + WELL_KNOWN_MIRRORS.stream().map(Path::toString).toList() + ")");
    }

    static boolean hasAwsProvider(Path dir) {
        return Files.isDirectory(dir.resolve("registry.terraform.io").resolve("hashicorp").resolve("aws"));
    }

    private static Optional<Path> onPath(String name, String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                Path candidate = Path.of(entry, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String version(Path binary) throws IOException {
        Process process = new ProcessBuilder(binary.toString(), "version", "-json").redirectErrorStream(false).start();
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("exit " + (process.isAlive() ? "timeout" : process.exitValue()));
            }
            Matcher m = Pattern.compile("\"terraform_version\"\\s*:\\s*\"([^\"]+)\"").matcher(new String(out));
            if (!m.find()) {
                throw new IOException("no terraform_version in its output");
            }
            return m.group(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }

    static boolean atLeast(String version, int[] minimum) {
        List<Integer> parts = new ArrayList<>();
        for (String p : version.replaceFirst("^v", "").split("[.-]")) {
            if (!p.matches("\\d+")) {
                break;
            }
            parts.add(Integer.parseInt(p));
        }
        for (int i = 0; i < minimum.length; i++) {
            int have = i < parts.size() ? parts.get(i) : 0;
            if (have != minimum[i]) {
                return have > minimum[i];
            }
        }
        return true;
    }
}
