package com.scalemodels.recs.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What {@code terraform validate} does not insist on (see {@link TerraformTest} for what it does): every module has
 * the standard files, every variable and output is documented, every variable has a type and is used. Needs no
 * Terraform: it reads the files as {@code terraform fmt} writes them (blocks open at the start of a line with
 * {@code variable "name" {} and close with a lone {@code }}), which {@link TerraformTest#formatted()} enforces.
 */
class TerraformModulesTest {

    private static final Pattern BLOCK_START = Pattern.compile("^(variable|output) \"([^\"]+)\" \\{$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^  ([a-z_]+)\\s*=");

    /** A top-level {@code variable} or {@code output} block and the attributes it sets directly. */
    private record Block(String kind, String name, Path file, int line, List<String> attributes) {

        String where() {
            return Repo.ROOT.relativize(file) + ":" + line;
        }
    }

    @Test
    void rootAndEveryModuleHaveTheStandardFiles() throws IOException {
        Problems problems = new Problems("Terraform module layout");
        List<Path> modules = moduleDirs();
        assertFalse(modules.isEmpty(), "no Terraform found under " + Repo.TERRAFORM);
        for (Path file : List.of(Repo.TERRAFORM.resolve("versions.tf"), Repo.TERRAFORM.resolve("terraform.tfvars.example"))) {
            problems.check(Files.isRegularFile(file), "missing " + Repo.ROOT.relativize(file));
        }
        for (Path dir : modules) {
            for (String f : List.of("main.tf", "variables.tf", "outputs.tf")) {
                problems.check(Files.isRegularFile(dir.resolve(f)), "missing " + Repo.ROOT.relativize(dir.resolve(f)));
            }
        }
        for (String m : List.of("network", "secure_bucket", "etl", "vector_db", "streaming_inference")) {
            problems.check(Files.isDirectory(Repo.TERRAFORM.resolve("modules").resolve(m)), "missing module terraform/modules/" + m);
            problems.check(Files.isRegularFile(Repo.TERRAFORM.resolve("tests").resolve(m + ".tftest.hcl")),
                    "missing terraform/tests/" + m + ".tftest.hcl: each module has its own wiring tests");
        }
        problems.assertNone();
    }

    @Test
    void everyVariableIsTypedDocumentedAndUsed() throws IOException {
        Problems problems = new Problems("Terraform variables");
        for (Path dir : moduleDirs()) {
            String code = code(dir);
            for (Block variable : blocks(dir, "variable")) {
                problems.check(variable.attributes().contains("description"),
                        variable.where() + " variable \"" + variable.name() + "\" has no description");
                problems.check(variable.attributes().contains("type"),
                        variable.where() + " variable \"" + variable.name() + "\" has no type");
                problems.check(Pattern.compile("\\bvar\\." + Pattern.quote(variable.name()) + "\\b").matcher(code).find(),
                        variable.where() + " declares variable \"" + variable.name() + "\" but nothing uses it");
            }
        }
        problems.assertNone();
    }

    @Test
    void everyOutputIsDocumented() throws IOException {
        Problems problems = new Problems("Terraform outputs");
        for (Path dir : moduleDirs()) {
            for (Block output : blocks(dir, "output")) {
                problems.check(output.attributes().contains("description"),
                        output.where() + " output \"" + output.name() + "\" has no description");
            }
        }
        problems.assertNone();
    }

    static List<Path> moduleDirs() throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(Repo.TERRAFORM));
        Path modules = Repo.TERRAFORM.resolve("modules");
        if (Files.isDirectory(modules)) {
            try (Stream<Path> children = Files.list(modules)) {
                children.filter(Files::isDirectory).sorted().forEach(dirs::add);
            }
        }
        return dirs;
    }

    private static List<Path> tfFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tf")).sorted().toList();
        }
    }

    /** The module's code without comments, so a variable named only in a comment does not count as used. */
    private static String code(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : tfFiles(dir)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.stripLeading().startsWith("#")) {
                    all.append(line).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static List<Block> blocks(Path dir, String kind) throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path file : tfFiles(dir)) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher start = BLOCK_START.matcher(lines.get(i));
                if (!start.matches() || !start.group(1).equals(kind)) {
                    continue;
                }
                List<String> attributes = new ArrayList<>();
                int line = i + 1;
                for (i++; i < lines.size() && !lines.get(i).equals("}"); i++) {
                    Matcher attribute = ATTRIBUTE.matcher(lines.get(i));
                    if (attribute.find()) {
                        attributes.add(attribute.group(1));
                    }
                }
                blocks.add(new Block(kind, start.group(2), file.toAbsolutePath().normalize(), line, attributes));
            }
        }
        return blocks;
    }
}
