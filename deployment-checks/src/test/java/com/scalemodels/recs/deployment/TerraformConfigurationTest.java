package com.scalemodels.recs.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules over every resource of the applied configuration, with both variable sets of terraform/tests/: the ones
 * a {@code terraform test} assertion cannot state, because they range over every resource of a kind in every
 * module (a run block sees only the root module's own resources and the modules' outputs). Each rule names the
 * test state and resource address that breaks it.
 */
class TerraformConfigurationTest {

    /** What EC2 accepts in security group names and descriptions (and rule descriptions): anything else fails the apply. */
    private static final Pattern EC2_DESCRIPTION = Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]{0,255}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<TerraformState> states;

    @BeforeAll
    static void apply() {
        states = TerraformSuite.get().rootStates();
    }

    @Test
    void securityGroupTextsUseOnlyWhatEc2Accepts() {
        Problems problems = new Problems("security group names and descriptions (EC2 accepts a-zA-Z0-9, space and"
                + " ._-:/()#,@[]+=&;{}!$*, at most 255 characters)");
        for (TerraformState state : states) {
            for (TerraformState.Resource r : state.resources()) {
                List<String> texts = new ArrayList<>();
                switch (r.type()) {
                    case "aws_security_group" -> {
                        texts.add(r.text("name"));
                        texts.add(r.text("description"));
                        for (String inline : List.of("ingress", "egress")) {
                            r.values().path(inline).forEach(rule -> texts.add(rule.path("description").asText(null)));
                        }
                    }
                    case "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
                            "aws_security_group_rule" -> texts.add(r.text("description"));
                    default -> {
                        continue;
                    }
                }
                for (String text : texts) {
                    problems.check(text == null || EC2_DESCRIPTION.matcher(text).matches(),
                            state.name() + ": " + r.address() + " \"" + text + "\"");
                }
            }
        }
        problems.assertNone();
    }

    @Test
    void theDatabaseAdmitsOnlyTheFunctionsInTheVpc() {
        Problems problems = new Problems("vector database ingress");
        for (TerraformState state : states) {
            Set<String> databaseGroups = new TreeSet<>();
            Set<String> ports = new TreeSet<>();
            for (TerraformState.Resource db : state.ofType("aws_db_instance")) {
                db.values().path("vpc_security_group_ids").forEach(id -> databaseGroups.add(id.asText()));
                ports.add(db.values().path("port").asText());
            }
            Set<String> functionGroups = new TreeSet<>();
            for (TerraformState.Resource f : state.ofType("aws_lambda_function")) {
                f.block("vpc_config").path("security_group_ids").forEach(id -> functionGroups.add(id.asText()));
            }
            problems.check(!databaseGroups.isEmpty() && !functionGroups.isEmpty(),
                    state.name() + ": no database security group or no function in the VPC");
            Set<String> admitted = new TreeSet<>();
            for (TerraformState.Resource r : state.ofType("aws_vpc_security_group_ingress_rule")) {
                if (!databaseGroups.contains(r.text("security_group_id"))) {
                    continue;
                }
                String source = r.text("referenced_security_group_id");
                admitted.add(source);
                problems.check(source != null && functionGroups.contains(source) && r.text("cidr_ipv4") == null
                        && r.text("cidr_ipv6") == null && r.text("prefix_list_id") == null,
                        state.name() + ": " + r.address() + " admits " + (source != null ? source
                                : "an address range") + ", not the functions' security group " + functionGroups);
                problems.check("tcp".equals(r.text("ip_protocol")) && ports.contains(r.text("from_port"))
                        && ports.contains(r.text("to_port")), state.name() + ": " + r.address()
                        + " opens more than the database port " + ports);
            }
            for (TerraformState.Resource r : state.ofType("aws_security_group_rule")) {
                problems.check(!(databaseGroups.contains(r.text("security_group_id")) && "ingress".equals(r.text("type"))),
                        state.name() + ": " + r.address() + " adds ingress to the database's security group");
            }
            for (TerraformState.Resource g : state.ofType("aws_security_group")) {
                problems.check(!databaseGroups.contains(g.text("id")) || g.values().path("ingress").isEmpty(),
                        state.name() + ": " + g.address() + " has inline ingress rules");
            }
            problems.check(admitted.equals(functionGroups), state.name() + ": the database admits " + admitted
                    + " but the functions in the VPC run in " + functionGroups);
        }
        problems.assertNone();
    }

    @Test
    void everyBucketIsPrivateEncryptedAndTlsOnly() {
        Problems problems = new Problems("S3 buckets (every bucket goes through modules/secure_bucket)");
        for (TerraformState state : states) {
            for (TerraformState.Resource bucket : state.ofType("aws_s3_bucket")) {
                String id = bucket.text("id");
                String where = state.name() + ": " + bucket.address();
                TerraformState.Resource block = attached(state, "aws_s3_bucket_public_access_block", id);
                problems.check(block != null && List.of("block_public_acls", "block_public_policy", "ignore_public_acls",
                        "restrict_public_buckets").stream().allMatch(a -> block.values().path(a).asBoolean(false)),
                        where + " must block all public access");
                TerraformState.Resource sse = attached(state, "aws_s3_bucket_server_side_encryption_configuration", id);
                problems.check(sse != null && !sse.block("rule").path("apply_server_side_encryption_by_default").path(0)
                        .path("sse_algorithm").asText("").isEmpty(), where + " must have default encryption");
                TerraformState.Resource ownership = attached(state, "aws_s3_bucket_ownership_controls", id);
                problems.check(ownership != null && "BucketOwnerEnforced".equals(
                        ownership.block("rule").path("object_ownership").asText()), where + " must disable ACLs");
                TerraformState.Resource policy = attached(state, "aws_s3_bucket_policy", id);
                problems.check(policy != null && deniesInsecureTransport(policy.text("policy")),
                        where + " must deny requests without TLS (aws:SecureTransport)");
            }
        }
        problems.assertNone();
    }

    @Test
    void outputsThatAreNotSensitiveCarryNoSecret() {
        Problems problems = new Problems("outputs");
        for (TerraformState state : states) {
            Set<String> secrets = secretValues(state);
            problems.check(!secrets.isEmpty(), state.name() + ": found no secret value to look for (the mocked"
                    + " loader result is one): this check would pass vacuously");
            for (Map.Entry<String, TerraformState.Output> output : state.outputs().entrySet()) {
                if (output.getValue().sensitive()) {
                    continue;
                }
                String text = output.getValue().value().toString();
                for (String secret : secrets) {
                    problems.check(!text.contains(secret), state.name() + ": output \"" + output.getKey()
                            + "\" is not sensitive but contains a sensitive value (" + secret.substring(0, 4) + "…)");
                }
                problems.check(!Pattern.compile("(?i)password|token|result").matcher(output.getKey()).find(),
                        state.name() + ": output \"" + output.getKey() + "\" is named like a secret: mark it sensitive");
            }
        }
        problems.assertNone();
    }

    @Test
    void theDatabasePasswordNeverReachesTerraform() {
        Problems problems = new Problems("vector database credentials");
        for (TerraformState state : states) {
            problems.check(state.ofType("random_password").isEmpty(), state.name()
                    + ": a random_password puts a password into state; RDS manages the master password");
            for (TerraformState.Resource db : state.ofType("aws_db_instance")) {
                String where = state.name() + ": " + db.address();
                problems.check(db.values().path("manage_master_user_password").asBoolean(false),
                        where + " must set manage_master_user_password = true");
                problems.check(db.values().path("password").isNull() || db.values().path("password").isMissingNode(),
                        where + " must not set a password");
                problems.check(db.values().path("storage_encrypted").asBoolean(false), where + " must encrypt its storage");
                problems.check(!db.values().path("publicly_accessible").asBoolean(true), where + " must not be public");
            }
        }
        problems.assertNone();
    }

    @Test
    void functionUrlsNeedSigV4() {
        Problems problems = new Problems("Lambda function URLs");
        for (TerraformState state : states) {
            List<TerraformState.Resource> urls = state.ofType("aws_lambda_function_url");
            problems.check(!urls.isEmpty(), state.name() + ": no Function URL for the HTTP routes");
            urls.forEach(u -> problems.check("AWS_IAM".equals(u.text("authorization_type")),
                    state.name() + ": " + u.address() + " must use authorization_type = \"AWS_IAM\""));
        }
        problems.assertNone();
    }

    private static TerraformState.Resource attached(TerraformState state, String type, String bucketId) {
        return state.ofType(type).stream().filter(r -> bucketId != null && bucketId.equals(r.text("bucket")))
                .findFirst().orElse(null);
    }

    private static boolean deniesInsecureTransport(String policy) {
        if (policy == null) {
            return false;
        }
        try {
            for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
                if ("Deny".equals(statement.path("Effect").asText())
                        && "false".equals(statement.path("Condition").path("Bool").path("aws:SecureTransport").asText())) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Values no plain output may repeat: every attribute the provider marks sensitive, and what the loader
     * function answered during apply (free-form text from a function).
     */
    private static Set<String> secretValues(TerraformState state) {
        Set<String> secrets = new HashSet<>();
        for (TerraformState.Resource r : state.resources()) {
            collectSensitive(r.values(), r.sensitiveValues(), secrets);
            if (r.type().equals("aws_lambda_invocation") && r.text("result") != null) {
                secrets.add(r.text("result"));
            }
        }
        secrets.removeIf(s -> s.length() < 8);
        return secrets;
    }

    private static void collectSensitive(JsonNode values, JsonNode marks, Set<String> into) {
        if (marks.isBoolean() && marks.asBoolean()) {
            if (values.isValueNode() && !values.isNull()) {
                into.add(values.asText());
            } else if (values.isContainerNode()) {
                into.add(values.toString());
            }
        } else if (marks.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = marks.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                collectSensitive(values.path(f.getKey()), f.getValue(), into);
            }
        } else if (marks.isArray()) {
            for (int i = 0; i < marks.size(); i++) {
                collectSensitive(values.path(i), marks.get(i), into);
            }
        }
    }
}
