package com.scalemodels.recs.loader;

import com.scalemodels.recs.config.VectorDbConfig.Credentials;

/** Turns configured credentials into a login. Secrets Manager is only touched (and its SDK only loaded) when used. */
@FunctionalInterface
public interface LoginResolver {

    Login resolve(Credentials credentials);

    static LoginResolver standard() {
        return credentials -> {
            if (credentials instanceof Credentials.Static s) {
                return new Login(s.user(), s.password());
            }
            return SecretsManagerLogins.fetch(((Credentials.SecretsManager) credentials).secretId());
        };
    }
}
