package com.scalemodels.recs.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Typed, validated reads of environment variables. Every error names the variable, so a misconfigured function
 * fails its init with one line that says what to fix. Values are never echoed back: some variables hold
 * credentials.
 */
public final class Environment {

    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new ConfigException("environment variable " + name + " is required but not set");
        }
        return value.strip();
    }

    public String optional(String name, String defaultValue) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    public boolean isSet(String name) {
        String value = variables.get(name);
        return value != null && !value.isBlank();
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String raw = optional(name, null);
        if (raw == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException("environment variable " + name + " must be an integer between " + min
                    + " and " + max + ", got a non-integer value");
        }
        if (value < min || value > max) {
            throw new ConfigException("environment variable " + name + " must be between " + min + " and " + max
                    + ", got " + value);
        }
        return value;
    }

    /**
     * A finite decimal number in {@code [min, max]}, written as Java's {@code Double.parseDouble} reads it without
     * the type suffixes and hexadecimal forms ({@code 0.05}, {@code 5e-2}, {@code 1}).
     */
    public double decimal(String name, double defaultValue, double min, double max) {
        String raw = optional(name, null);
        if (raw == null) {
            return defaultValue;
        }
        double value;
        try {
            if (!raw.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException();
            }
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException("environment variable " + name + " must be a number between " + min + " and "
                    + max + ", got a non-numeric value");
        }
        if (!(value >= min && value <= max)) {
            throw new ConfigException("environment variable " + name + " must be between " + min + " and " + max
                    + ", got " + value);
        }
        return value;
    }

    public Duration millis(String name, Duration defaultValue, Duration min, Duration max) {
        int ms = integer(name, (int) defaultValue.toMillis(), (int) min.toMillis(), (int) max.toMillis());
        return Duration.ofMillis(ms);
    }

    public boolean bool(String name, boolean defaultValue) {
        String raw = optional(name, null);
        if (raw == null) {
            return defaultValue;
        }
        return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ConfigException("environment variable " + name + " must be true or false");
        };
    }

    public Path path(String name, String defaultValue) {
        return path(name, Path.of(defaultValue));
    }

    public Path path(String name, Path defaultValue) {
        String raw = optional(name, null);
        return raw == null ? defaultValue : Path.of(raw);
    }

    /** An artifact location: {@code s3://bucket[/prefix]} or {@code file:///absolute/path}. */
    public URI artifactsUri(String name) {
        String raw = required(name);
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new ConfigException("environment variable " + name + " is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        switch (scheme) {
            case "s3" -> {
                if (uri.getHost() == null || uri.getHost().isBlank()) {
                    throw new ConfigException("environment variable " + name + " must name a bucket: s3://bucket/prefix");
                }
            }
            case "file" -> {
                if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
                    throw new ConfigException("environment variable " + name
                            + " must be an absolute file URI: file:///path/to/artifacts");
                }
            }
            default -> throw new ConfigException("environment variable " + name
                    + " must start with s3:// or file://, got scheme '" + scheme + "'");
        }
        return uri;
    }
}
