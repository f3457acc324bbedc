package com.scalemodels.recs.loader;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The read-only database role the inference function logs in as ({@code VECTOR_DB_READER_ROLE}), and where its
 * password lives ({@code VECTOR_DB_READER_SECRET_ID}, a {@code {"username", "password"}} secret). With a secret,
 * the loader creates the role if it is missing and sets its password from the secret on every run; without one,
 * the role must exist already (created by hand) and the loader only grants it read access.
 *
 * @param secretId null when the loader does not manage the role's login
 */
public record ReaderRole(String name, String secretId) {

    /** Lower-case, unquoted-identifier names only: the name goes into GRANT statements, which take no parameters. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public ReaderRole {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigException("VECTOR_DB_READER_ROLE must be a lower-case role name (" + NAME.pattern()
                    + "), got " + (name == null ? "nothing" : "'" + name + "'"));
        }
        if (secretId != null && secretId.isBlank()) {
            throw new ConfigException("VECTOR_DB_READER_SECRET_ID must not be blank");
        }
    }

    /** Empty when {@code VECTOR_DB_READER_ROLE} is not set (local runs: the loader's own login reads too). */
    static Optional<ReaderRole> fromEnvironment(Environment env) {
        if (!env.isSet("VECTOR_DB_READER_ROLE")) {
            if (env.isSet("VECTOR_DB_READER_SECRET_ID")) {
                throw new ConfigException("VECTOR_DB_READER_SECRET_ID is set but VECTOR_DB_READER_ROLE is not");
            }
            return Optional.empty();
        }
        return Optional.of(new ReaderRole(env.required("VECTOR_DB_READER_ROLE"),
                env.isSet("VECTOR_DB_READER_SECRET_ID") ? env.required("VECTOR_DB_READER_SECRET_ID") : null));
    }

    /** The name as a double-quoted identifier (the pattern admits no quote; quoting keeps it exact). */
    String quoted() {
        return "\"" + name + "\"";
    }
}
