package com.scalemodels.recs.deployment;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Variable;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Terraform files read with hcl4j. Two passes per file: {@link HCLParser} (rejects anything that is not HCL) and
 * hcl4j's lexer, whose symbol tree keeps blocks, attributes and references ({@code var.x}, {@code module.m.o}) as
 * written, before hcl4j tries to evaluate them. The checks work on that tree.
 */
final class Hcl {

    private Hcl() {
    }

    /** A block as written: {@code type "label" "label" { ... }}. */
    record Block(String type, List<String> labels, HCLBlock symbol, Path file) {

        String label(int index) {
            return index < labels.size() ? labels.get(index) : "";
        }

        String address() {
            return type.equals("resource") ? String.join(".", labels)
                    : String.join(".", Stream.concat(Stream.of(type), labels.stream()).toList());
        }

        String where() {
            return Repo.ROOT.relativize(file.toAbsolutePath().normalize()) + ":"
                    + (symbol.getLine() == null ? 0 : symbol.getLine() + 1);
        }

        Map<String, HCLAttribute> attributes() {
            Map<String, HCLAttribute> attributes = new LinkedHashMap<>();
            for (Symbol child : symbol.getChildren()) {
                if (child instanceof HCLAttribute attribute) {
                    attributes.put(unquote(attribute.getName()), attribute);
                }
            }
            return attributes;
        }

        List<Block> blocks(String blockType) {
            List<Block> blocks = new ArrayList<>();
            for (Symbol child : symbol.getChildren()) {
                if (child instanceof HCLBlock block && !block.blockNames.isEmpty()
                        && block.blockNames.get(0).equals(blockType)) {
                    blocks.add(of(block, file));
                }
            }
            return blocks;
        }

        Optional<Block> block(String blockType) {
            return blocks(blockType).stream().findFirst();
        }

        /** The attribute's value when it is a plain literal (string, number, bool), not an expression. */
        Optional<String> literal(String attribute) {
            HCLAttribute a = attributes().get(attribute);
            return a == null ? Optional.empty() : Hcl.literal(a);
        }

        /** Keys of an object-valued attribute ({@code variables = { A = ..., B = ... }}). */
        Map<String, HCLAttribute> objectAttribute(String attribute) {
            HCLAttribute a = attributes().get(attribute);
            Map<String, HCLAttribute> entries = new LinkedHashMap<>();
            if (a != null) {
                for (Symbol child : a.getChildren()) {
                    if (child instanceof HCLBlock object) {
                        for (Symbol entry : object.getChildren()) {
                            if (entry instanceof HCLAttribute e) {
                                entries.put(unquote(e.getName()), e);
                            }
                        }
                    }
                }
            }
            return entries;
        }

        static Block of(HCLBlock block, Path file) {
            List<String> names = block.blockNames.stream().map(Hcl::unquote).toList();
            return new Block(names.get(0), names.subList(1, names.size()), block, file);
        }
    }

    /** A reference such as {@code var.x}, {@code local.y} or {@code module.m.output}; index steps are left out. */
    record Reference(List<String> path, Path file, int line) {

        String root() {
            return path.get(0);
        }

        String part(int index) {
            return index < path.size() ? path.get(index) : "";
        }

        String where() {
            return Repo.ROOT.relativize(file.toAbsolutePath().normalize()) + ":" + line;
        }
    }

    /** All {@code .tf} files of one Terraform module (a directory). */
    record ModuleDir(Path dir, List<Block> blocks, List<Reference> references) {

        Stream<Block> blocks(String type) {
            return blocks.stream().filter(b -> b.type().equals(type));
        }

        Stream<Block> resources(String resourceType) {
            return blocks("resource").filter(b -> b.label(0).equals(resourceType));
        }

        Map<String, Block> variables() {
            return blocks("variable").collect(Collectors.toMap(b -> b.label(0), b -> b, (a, b) -> a, LinkedHashMap::new));
        }

        Set<String> outputs() {
            return blocks("output").map(b -> b.label(0)).collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> locals() {
            return blocks("locals").flatMap(b -> b.attributes().keySet().stream())
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        Map<String, Block> moduleCalls() {
            return blocks("module").collect(Collectors.toMap(b -> b.label(0), b -> b, (a, b) -> a, LinkedHashMap::new));
        }

        String name() {
            return dir.getFileName().toString();
        }
    }

    static List<Path> moduleDirs(Path terraformRoot) throws IOException {
        List<Path> dirs = new ArrayList<>();
        dirs.add(terraformRoot);
        Path modules = terraformRoot.resolve("modules");
        if (Files.isDirectory(modules)) {
            try (Stream<Path> children = Files.list(modules)) {
                children.filter(Files::isDirectory).sorted().forEach(dirs::add);
            }
        }
        return dirs;
    }

    static List<Path> tfFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tf")).sorted().toList();
        }
    }

    static ModuleDir parseDir(Path dir) throws IOException {
        List<Block> blocks = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        for (Path file : tfFiles(dir)) {
            for (Symbol symbol : lex(file)) {
                if (symbol instanceof HCLBlock block) {
                    blocks.add(Block.of(block, file));
                }
                walk(symbol, s -> collectReferences(s, file, references));
            }
        }
        return new ModuleDir(dir, blocks, references);
    }

    /** Full hcl4j parse; throws on anything that is not valid HCL. */
    static Map<String, Object> parseStrict(Path file) throws Exception {
        return new HCLParser().parse(file.toFile(), "UTF-8", false);
    }

    /** hcl4j's lexer (package-private in hcl4j 0.9.8, hence reflection) → top-level symbols of the file. */
    @SuppressWarnings("unchecked")
    static List<Symbol> lex(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Class<?> lexerClass = Class.forName("com.bertramlabs.plugins.hcl4j.HCLLexer");
            Constructor<?> constructor = lexerClass.getDeclaredConstructor(Reader.class);
            constructor.setAccessible(true);
            Object lexer = constructor.newInstance(reader);
            var yylex = lexerClass.getDeclaredMethod("yylex");
            yylex.setAccessible(true);
            while (yylex.invoke(lexer) != null) {
                // the lexer builds its element stack as it goes
            }
            Field stack = lexerClass.getDeclaredField("elementStack");
            stack.setAccessible(true);
            return new ArrayList<>((List<Symbol>) stack.get(lexer));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IOException(file + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("hcl4j's lexer API changed: " + e, e);
        }
    }

    static void walk(Symbol symbol, Consumer<Symbol> visitor) {
        if (symbol == null) {
            return;
        }
        visitor.accept(symbol);
        if (symbol.getChildren() != null) {
            for (Symbol child : symbol.getChildren()) {
                walk(child, visitor);
            }
        }
    }

    static Optional<String> literal(HCLAttribute attribute) {
        List<Symbol> children = attribute.getChildren();
        if (children != null && children.size() == 1 && children.get(0) instanceof HCLValue value
                && !"function".equals(value.type) && value.value != null && !(value.value instanceof Symbol)) {
            Object v = value.value;
            if (v instanceof Double d && d == Math.rint(d)) {
                return Optional.of(Long.toString(d.longValue()));
            }
            return Optional.of(v.toString());
        }
        return Optional.empty();
    }

    /** References in strings that hcl4j keeps as text (heredocs): {@code ${var.x}}. */
    private static final Pattern TEXT_REFERENCE = Pattern.compile("\\b(var|local|module)\\.([A-Za-z_][A-Za-z0-9_-]*)(?:\\.([A-Za-z_][A-Za-z0-9_-]*))?");

    private static void collectReferences(Symbol symbol, Path file, List<Reference> out) {
        if (symbol instanceof VariableTree tree) {
            List<String> path = new ArrayList<>();
            for (Symbol child : tree.getChildren()) {
                if (child instanceof Variable v && !(child instanceof VariableTree)) {
                    path.add(v.getName());
                } else if (path.isEmpty()) {
                    return; // a function call, not a reference
                }
            }
            if (!path.isEmpty() && Set.of("var", "local", "module").contains(path.get(0)) && path.size() > 1) {
                out.add(new Reference(List.copyOf(path), file, line(symbol)));
            }
        } else if (symbol instanceof HCLValue value && value.value instanceof String text && text.contains("${")) {
            Matcher m = TEXT_REFERENCE.matcher(text);
            while (m.find()) {
                List<String> path = new ArrayList<>(List.of(m.group(1), m.group(2)));
                if (m.group(3) != null) {
                    path.add(m.group(3));
                }
                out.add(new Reference(path, file, line(symbol)));
            }
        }
    }

    private static int line(Symbol symbol) {
        // hcl4j counts lines from 0
        return symbol.getLine() == null ? 0 : symbol.getLine() + 1;
    }

    static String unquote(String s) {
        if (s != null && s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
