package com.scalemodels.recs.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Terraform module parses and is wired consistently: variables, locals, module inputs and outputs. */
class TerraformModulesTest {

    /** Module block arguments that are Terraform meta-arguments, not inputs of the called module. */
    private static final Set<String> MODULE_META_ARGUMENTS = Set.of("source", "version", "providers", "depends_on",
            "count", "for_each");

    private static final Map<Path, Hcl.ModuleDir> MODULES = new LinkedHashMap<>();

    @BeforeAll
    static void parse() throws Exception {
        Problems problems = new Problems("Terraform files hcl4j cannot parse");
        for (Path dir : Hcl.moduleDirs(Repo.TERRAFORM)) {
            for (Path file : Hcl.tfFiles(dir)) {
                try {
                    Hcl.parseStrict(file);
                } catch (Exception e) {
                    problems.add(Repo.ROOT.relativize(file) + ": " + e.getMessage());
                }
            }
            try {
                MODULES.put(dir.toAbsolutePath().normalize(), Hcl.parseDir(dir));
            } catch (Exception e) {
                problems.add(Repo.ROOT.relativize(dir) + ": " + e.getMessage());
            }
        }
        problems.assertNone();
    }

    @Test
    void rootAndEveryModuleHaveTheStandardFiles() {
        Problems problems = new Problems("Terraform module layout");
        assertFalse(MODULES.isEmpty(), "no Terraform found under " + Repo.TERRAFORM);
        for (Path file : List.of(Repo.TERRAFORM.resolve("versions.tf"), Repo.TERRAFORM.resolve("terraform.tfvars.example"))) {
            problems.check(Files.isRegularFile(file), "missing " + Repo.ROOT.relativize(file));
        }
        for (Path dir : MODULES.keySet()) {
            for (String f : List.of("main.tf", "variables.tf", "outputs.tf")) {
                problems.check(Files.isRegularFile(dir.resolve(f)), "missing " + Repo.ROOT.relativize(dir.resolve(f)));
            }
        }
        for (String m : List.of("etl", "vector_db", "streaming_inference")) {
            problems.check(MODULES.containsKey(Repo.TERRAFORM.resolve("modules").resolve(m).toAbsolutePath().normalize()),
                    "missing module terraform/modules/" + m);
        }
        problems.assertNone();
    }

    @Test
    void everyVariableUsedIsDeclaredAndEveryDeclaredVariableIsUsed() {
        Problems problems = new Problems("Terraform variables");
        for (Hcl.ModuleDir module : MODULES.values()) {
            Map<String, Hcl.Block> declared = module.variables();
            Set<String> used = new java.util.TreeSet<>();
            for (Hcl.Reference ref : module.references()) {
                if (ref.root().equals("var")) {
                    used.add(ref.part(1));
                    problems.check(declared.containsKey(ref.part(1)), ref.where()
                            + " uses var." + ref.part(1) + ", which " + module.name() + "/variables.tf does not declare");
                }
            }
            for (var variable : declared.entrySet()) {
                problems.check(used.contains(variable.getKey()), variable.getValue().where()
                        + " declares variable \"" + variable.getKey() + "\" but nothing uses it");
                problems.check(variable.getValue().attributes().containsKey("description"), variable.getValue().where()
                        + " variable \"" + variable.getKey() + "\" has no description");
                problems.check(variable.getValue().attributes().containsKey("type"), variable.getValue().where()
                        + " variable \"" + variable.getKey() + "\" has no type");
            }
        }
        problems.assertNone();
    }

    @Test
    void everyLocalUsedIsDefined() {
        Problems problems = new Problems("Terraform locals");
        for (Hcl.ModuleDir module : MODULES.values()) {
            Set<String> locals = module.locals();
            for (Hcl.Reference ref : module.references()) {
                if (ref.root().equals("local")) {
                    problems.check(locals.contains(ref.part(1)),
                            ref.where() + " uses local." + ref.part(1) + ", which no locals block defines");
                }
            }
        }
        problems.assertNone();
    }

    @Test
    void moduleCallsPassDeclaredInputsAndEveryRequiredOne() {
        Problems problems = new Problems("Terraform module calls");
        for (Hcl.ModuleDir caller : MODULES.values()) {
            for (var call : caller.moduleCalls().entrySet()) {
                Hcl.Block block = call.getValue();
                String source = block.literal("source").orElse(null);
                if (source == null || !(source.startsWith("./") || source.startsWith("../"))) {
                    problems.add(block.where() + " module \"" + call.getKey() + "\" must use a local source path");
                    continue;
                }
                Hcl.ModuleDir called = MODULES.get(caller.dir().resolve(source).toAbsolutePath().normalize());
                if (called == null) {
                    problems.add(block.where() + " module \"" + call.getKey() + "\": no module at " + source);
                    continue;
                }
                Map<String, Hcl.Block> variables = called.variables();
                Map<String, HCLAttribute> inputs = new LinkedHashMap<>(block.attributes());
                MODULE_META_ARGUMENTS.forEach(inputs::remove);
                for (String input : inputs.keySet()) {
                    problems.check(variables.containsKey(input), block.where() + " module \"" + call.getKey()
                            + "\" passes " + input + ", which " + called.name() + " does not declare");
                }
                for (var variable : variables.entrySet()) {
                    boolean required = !variable.getValue().attributes().containsKey("default");
                    problems.check(!required || inputs.containsKey(variable.getKey()), block.where()
                            + " module \"" + call.getKey() + "\" does not pass required variable " + variable.getKey()
                            + " of " + called.name());
                }
            }
        }
        problems.assertNone();
    }

    @Test
    void everyModuleOutputReferencedExists() {
        Problems problems = new Problems("Terraform module outputs");
        for (Hcl.ModuleDir caller : MODULES.values()) {
            Map<String, Hcl.Block> calls = caller.moduleCalls();
            for (Hcl.Reference ref : caller.references()) {
                if (!ref.root().equals("module")) {
                    continue;
                }
                Hcl.Block call = calls.get(ref.part(1));
                if (call == null) {
                    problems.add(ref.where() + " references module." + ref.part(1) + ", which is not called here");
                    continue;
                }
                Hcl.ModuleDir called = call.literal("source")
                        .map(s -> MODULES.get(caller.dir().resolve(s).toAbsolutePath().normalize())).orElse(null);
                if (called != null && !ref.part(2).isEmpty()) {
                    problems.check(called.outputs().contains(ref.part(2)), ref.where() + " references module."
                            + ref.part(1) + "." + ref.part(2) + ", but " + called.name() + " has no such output");
                }
            }
        }
        problems.assertNone();
    }

    @Test
    void outputsHaveDescriptions() {
        Problems problems = new Problems("Terraform outputs");
        for (Hcl.ModuleDir module : MODULES.values()) {
            module.blocks("output").forEach(o -> problems.check(o.attributes().containsKey("description"),
                    o.where() + " output \"" + o.label(0) + "\" has no description"));
        }
        problems.assertNone();
    }

    static Map<Path, Hcl.ModuleDir> modules() throws Exception {
        if (MODULES.isEmpty()) {
            parse();
        }
        return MODULES;
    }


    static List<Hcl.Block> allResources(String type) throws Exception {
        List<Hcl.Block> all = new ArrayList<>();
        for (Hcl.ModuleDir m : modules().values()) {
            m.resources(type).forEach(all::add);
        }
        return all;
    }
}
