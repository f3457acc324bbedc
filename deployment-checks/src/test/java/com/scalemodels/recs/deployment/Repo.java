package com.scalemodels.recs.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Paths of the repository these checks read, and the deployables of docs/contracts.md. */
final class Repo {

    private Repo() {
    }

    static final Path ROOT = findRoot();
    static final Path TERRAFORM = ROOT.resolve("terraform");
    static final Path SAM_TEMPLATE = ROOT.resolve("template.yaml");

    /** A Lambda deployable: what Terraform and SAM must name for it, and what its handler must implement. */
    record Deployable(String module, String handler, String handlerInterface, String inputType, String jar) {

        String handlerClass() {
            return handler.substring(0, handler.indexOf("::"));
        }

        String handlerMethod() {
            return handler.substring(handler.indexOf("::") + 2);
        }

        Path jarPath() {
            return ROOT.resolve(jar);
        }

        Path classesDir() {
            return ROOT.resolve(module).resolve("target/classes");
        }
    }

    static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    static final String REQUEST_STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";

    /** docs/contracts.md, "Deployables". */
    static final List<Deployable> LAMBDAS = List.of(
            new Deployable("transformation-lambda",
                    "com.scalemodels.recs.transformation.FirehoseTransformationHandler::handleRequest",
                    REQUEST_HANDLER, "com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent",
                    "transformation-lambda/target/deploy/transformation-lambda.jar"),
            new Deployable("inference-lambda",
                    "com.scalemodels.recs.inference.BatchInferenceHandler::handleRequest",
                    REQUEST_STREAM_HANDLER, null,
                    "inference-lambda/target/deploy/inference-lambda.jar"),
            new Deployable("inference-lambda",
                    "com.scalemodels.recs.inference.HttpInferenceHandler::handleRequest",
                    REQUEST_HANDLER, "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
                    "inference-lambda/target/deploy/inference-lambda.jar"),
            new Deployable("embeddings-loader",
                    "com.scalemodels.recs.loader.EmbeddingsLoaderHandler::handleRequest",
                    REQUEST_HANDLER, "java.util.Map",
                    "embeddings-loader/target/deploy/embeddings-loader.jar"));

    static final String GLUE_MODULE = "glue-job";
    static final String GLUE_JAR = "glue-job/target/deploy/glue-job.jar";

    /** Read by the code for local runs only (SAM local, the local runner); Terraform must never set them. */
    static final List<String> LOCAL_ONLY_VARIABLES = List.of("VECTOR_DB_USER", "VECTOR_DB_PASSWORD");

    static Deployable byHandler(String handler) {
        return LAMBDAS.stream().filter(d -> d.handler().equals(handler)).findFirst().orElse(null);
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("terraform")) && Files.isRegularFile(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("deployment-checks"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (with terraform/ and pom.xml) above " + dir);
    }
}
