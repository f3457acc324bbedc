package com.scalemodels.recs.etl;

import java.util.function.Function;

/**
 * Picks the source login: the Secrets Manager secret on AWS, or the plain arguments of a local run. The secret
 * lookup is a function so tests and local runs never need AWS.
 */
public final class CredentialsResolver {

    private final Function<String, DbCredentials> secretLookup;

    public CredentialsResolver(Function<String, DbCredentials> secretLookup) {
        this.secretLookup = secretLookup;
    }

    public static CredentialsResolver withSecretsManager() {
        return new CredentialsResolver(SecretsManagerCredentials::fetch);
    }

    public DbCredentials resolve(JobArguments args) {
        if (args.sourceSecretId().isPresent()) {
            return secretLookup.apply(args.sourceSecretId().get());
        }
        // The parser guarantees both are present when there is no secret id.
        return new DbCredentials(args.sourceUser().orElseThrow(), args.sourcePassword().orElseThrow());
    }
}
