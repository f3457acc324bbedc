package com.scalemodels.recs.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * terraform/ passes Terraform's own checks: it is formatted, it initializes, it validates, and every run of the
 * mocked {@code terraform test} suite in terraform/tests/ passes (plans and applies of the root module with
 * terraform.tfvars.example and with a non-default variable set, every input check, each module's wiring).
 */
class TerraformTest {

    private static TerraformSuite suite;

    @BeforeAll
    static void runTerraform() {
        suite = TerraformSuite.get();
        System.out.println(suite.timings());
    }

    @Test
    void formatted() {
        TerraformSuite.Command fmt = suite.fmt;
        assertTrue(fmt.exitCode() == 0, () -> "terraform fmt -check found files to format (run terraform fmt -recursive"
                + " in terraform/):\n" + fmt.stdoutText() + fmt.stderr());
    }

    @Test
    void initializes() {
        TerraformSuite.Command init = suite.init;
        assertEquals(0, init.exitCode(), () -> "terraform init -backend=false failed:\n" + init.stdoutText() + init.stderr());
    }

    @Test
    void validates() {
        assertTrue(suite.validate != null, "terraform init failed, so nothing was validated");
        TerraformSuite.Command validate = suite.validate;
        assertEquals(0, validate.exitCode(), () -> "terraform validate failed:\n" + validate.stdoutText() + validate.stderr());
    }

    @Test
    void everyTestRunPasses() {
        assertTrue(suite.test != null, "terraform init failed, so terraform test did not run");
        Problems problems = new Problems("terraform test (terraform/tests/, mocked AWS provider)");
        suite.testErrors.forEach(problems::add);
        for (TerraformSuite.RunResult run : suite.runs) {
            if (!run.status().equals("pass")) {
                problems.add(run.file() + " run \"" + run.run() + "\": " + run.status()
                        + (run.errors().isEmpty() ? "" : "\n      " + String.join("\n      ", run.errors())));
            }
        }
        if (suite.runs.isEmpty()) {
            problems.add("no run block reported a result (exit code " + suite.test.exitCode() + "):\n"
                    + suite.test.stderr());
        }
        problems.check(suite.test.exitCode() == 0 || !problems.isEmpty(),
                "terraform test exited with " + suite.test.exitCode() + ":\n" + suite.test.stderr());
        problems.assertNone();
    }

    @Test
    void bothVariableSetsAreApplied() {
        List<String> applied = suite.rootStates().stream().map(TerraformState::name).toList();
        assertTrue(applied.contains("tests/example.tftest.hcl/apply") && applied.contains("tests/custom.tftest.hcl/apply"),
                () -> "the root module must be applied with terraform.tfvars.example (tests/example.tftest.hcl) and a"
                        + " non-default set (tests/custom.tftest.hcl); applied: " + applied);
    }
}
