package com.scalemodels.recs.etl;

import java.util.Objects;

/** Login for the source database. */
public record DbCredentials(String user, String password) {

    public DbCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DbCredentials[user=" + user + ", password=***]";
    }
}
