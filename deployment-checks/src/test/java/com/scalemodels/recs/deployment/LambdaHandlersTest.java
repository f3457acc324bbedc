package com.scalemodels.recs.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every handler Terraform (its applied root module) or template.yaml names exists in what is deployed and implements
 * the Lambda interface contracts.md promises; the Glue job's --class exists in the glue-job jar with a main method.
 *
 * <p>Classes are loaded from the module's deploy jar when {@code package} has built it (an isolated class loader:
 * proves the shaded jar is complete), else from its {@code target/classes} (what {@code test} builds).
 */
class LambdaHandlersTest {

    private static final Map<String, URLClassLoader> LOADERS = new HashMap<>();

    @AfterAll
    static void close() throws IOException {
        for (URLClassLoader loader : LOADERS.values()) {
            loader.close();
        }
    }

    @Test
    void terraformNamesOnlyContractHandlers() {
        Problems problems = new Problems("Lambda handlers in Terraform (applied root module, both variable sets)");
        Set<String> handlers = new LinkedHashSet<>();
        for (TerraformState state : TerraformSuite.get().rootStates()) {
            for (TerraformState.Resource function : state.ofType("aws_lambda_function")) {
                String handler = function.text("handler");
                String name = state.name() + ": " + function.address();
                if (Repo.byHandler(handler) == null) {
                    problems.add(name + ": handler " + handler + " is not a deployable of docs/contracts.md");
                } else {
                    handlers.add(handler);
                    problems.check("java21".equals(function.text("runtime")),
                            name + ": runtime must be java21 (libtorch needs glibc >= 2.29; contracts.md)");
                }
            }
        }
        for (Repo.Deployable d : Repo.LAMBDAS) {
            problems.check(handlers.contains(d.handler()), d.handler() + " (contracts.md) is not deployed by Terraform");
        }
        handlers.forEach(h -> checkHandlerClass(Repo.byHandler(h), problems));
        problems.assertNone();
    }

    @Test
    void samNamesOnlyContractHandlersAndEveryOneIsThere() throws Exception {
        Problems problems = new Problems("Lambda handlers in template.yaml");
        Set<String> handlers = new LinkedHashSet<>();
        JsonNode template = SamTemplate.read();
        for (var function : SamTemplate.functions(template).entrySet()) {
            String handler = SamTemplate.property(template, function.getValue(), "Handler").asText(null);
            String name = "template.yaml " + function.getKey();
            Repo.Deployable deployable = handler == null ? null : Repo.byHandler(handler);
            if (deployable == null) {
                problems.add(name + ": handler " + handler + " is not a deployable of docs/contracts.md");
                continue;
            }
            handlers.add(handler);
            problems.check(deployable.jar().equals(function.getValue().path("CodeUri").asText()),
                    name + ": CodeUri must be " + deployable.jar());
            problems.check("java21".equals(SamTemplate.property(template, function.getValue(), "Runtime").asText()),
                    name + ": Runtime must be java21");
        }
        for (Repo.Deployable d : Repo.LAMBDAS) {
            problems.check(handlers.contains(d.handler()), d.handler() + " (contracts.md) is not in template.yaml");
        }
        handlers.forEach(h -> checkHandlerClass(Repo.byHandler(h), problems));
        problems.assertNone();
    }

    @Test
    void glueJobClassIsInTheGlueJar() throws Exception {
        Problems problems = new Problems("Glue job");
        List<TerraformState.Resource> jobs = TerraformSuite.get().exampleState().ofType("aws_glue_job");
        problems.check(jobs.size() == 1, "expected one aws_glue_job, found " + jobs.size());
        for (TerraformState.Resource job : jobs) {
            JsonNode arguments = job.values().path("default_arguments");
            String mainClass = arguments.path("--class").asText(null);
            problems.check("5.0".equals(job.text("glue_version")), job.address() + ": glue_version must be \"5.0\"");
            problems.check(arguments.has("--extra-jars"), job.address() + ": --extra-jars must name the glue-job jar");
            problems.check("scala".equals(arguments.path("--job-language").asText()),
                    job.address() + ": --job-language must be scala to run a JVM main class");
            if (mainClass == null) {
                problems.add(job.address() + ": default_arguments needs --class");
                continue;
            }
            byte[] classFile = classFile(Repo.GLUE_MODULE, Path.of(Repo.GLUE_JAR), mainClass);
            if (classFile == null) {
                problems.add("--class " + mainClass + " is in neither " + Repo.GLUE_JAR + " nor "
                        + Repo.GLUE_MODULE + "/target/classes (is glue-job built and the class written?)");
            } else {
                // Spark is `provided`, so the class cannot be linked here; its constant pool tells whether
                // it declares main(String[]).
                String pool = new String(classFile, java.nio.charset.StandardCharsets.ISO_8859_1);
                problems.check(pool.contains("main") && pool.contains("([Ljava/lang/String;)V"),
                        "--class " + mainClass + " has no main(String[]) method");
            }
        }
        problems.assertNone();
    }

    private static void checkHandlerClass(Repo.Deployable d, Problems problems) {
        ClassLoader loader;
        try {
            loader = loaderFor(d);
        } catch (IOException e) {
            problems.add(d.module() + ": " + e.getMessage());
            return;
        }
        if (loader == null) {
            problems.add(d.module() + " is not built: neither " + d.jar() + " nor " + d.module()
                    + "/target/classes exists");
            return;
        }
        Class<?> handler;
        try {
            handler = Class.forName(d.handlerClass(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(d.handlerClass() + " is not in " + source(d) + " (" + e + ")");
            return;
        }
        try {
            List<Type> interfaces = new ArrayList<>();
            for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
                interfaces.addAll(Arrays.asList(c.getGenericInterfaces()));
            }
            Type lambdaInterface = interfaces.stream().filter(t -> rawName(t).equals(d.handlerInterface()))
                    .findFirst().orElse(null);
            if (lambdaInterface == null) {
                problems.add(d.handlerClass() + " must implement " + d.handlerInterface() + " (implements "
                        + interfaces.stream().map(LambdaHandlersTest::rawName).toList() + ")");
            } else if (d.inputType() != null) {
                String input = lambdaInterface instanceof ParameterizedType p ? rawName(p.getActualTypeArguments()[0]) : "?";
                problems.check(input.equals(d.inputType()), d.handlerClass() + " must be a "
                        + d.handlerInterface() + "<" + d.inputType() + ", …>, is <" + input + ", …>");
            }
            boolean hasMethod = Arrays.stream(handler.getMethods()).anyMatch(m -> m.getName().equals(d.handlerMethod()));
            problems.check(hasMethod, d.handlerClass() + " has no public method " + d.handlerMethod());
            problems.check(java.lang.reflect.Modifier.isPublic(handler.getModifiers())
                    && !java.lang.reflect.Modifier.isAbstract(handler.getModifiers()),
                    d.handlerClass() + " must be a public concrete class");
            problems.check(Arrays.stream(handler.getConstructors()).anyMatch(c -> c.getParameterCount() == 0),
                    d.handlerClass() + " needs a public no-argument constructor (the Lambda runtime calls it)");
        } catch (LinkageError e) {
            problems.add(d.handlerClass() + " cannot be linked from " + source(d) + ": " + e);
        }
    }

    private static String source(Repo.Deployable d) {
        return Files.isRegularFile(d.jarPath()) ? d.jar() : d.module() + "/target/classes";
    }

    private static ClassLoader loaderFor(Repo.Deployable d) throws IOException {
        if (LOADERS.containsKey(d.module())) {
            return LOADERS.get(d.module());
        }
        URLClassLoader loader;
        if (Files.isRegularFile(d.jarPath())) {
            // Isolated: only the shaded jar and the JDK, as on Lambda (plus the layer, which holds no handler).
            loader = new URLClassLoader(new URL[] {d.jarPath().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } else if (Files.isDirectory(d.classesDir())) {
            // The module's dependencies (aws-lambda-java-core, …) are on this test classpath through the
            // test-scoped dependency on the module.
            loader = new URLClassLoader(new URL[] {d.classesDir().toUri().toURL()}, LambdaHandlersTest.class.getClassLoader()) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    // The module's own classes must come from its target/classes, never from elsewhere.
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        if (c == null && name.startsWith("com.scalemodels.")) {
                            try {
                                c = findClass(name);
                            } catch (ClassNotFoundException e) {
                                c = null;
                            }
                        }
                        return c != null ? c : super.loadClass(name, resolve);
                    }
                }
            };
        } else {
            return null;
        }
        LOADERS.put(d.module(), loader);
        return loader;
    }

    private static byte[] classFile(String module, Path jar, String className) throws IOException {
        String entry = className.replace('.', '/') + ".class";
        Path jarPath = Repo.ROOT.resolve(jar);
        if (Files.isRegularFile(jarPath)) {
            try (ZipFile zip = new ZipFile(jarPath.toFile())) {
                ZipEntry e = zip.getEntry(entry);
                if (e != null) {
                    try (InputStream in = zip.getInputStream(e)) {
                        return in.readAllBytes();
                    }
                }
                return null;
            }
        }
        Path file = Repo.ROOT.resolve(module).resolve("target/classes").resolve(entry);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    private static String rawName(Type type) {
        if (type instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).getName();
        }
        return type instanceof Class<?> c ? c.getName() : type.getTypeName();
    }
}
