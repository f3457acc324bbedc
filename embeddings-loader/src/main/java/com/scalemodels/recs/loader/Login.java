package com.scalemodels.recs.loader;

/** A database user and password; {@code toString} never shows the password. */
public record Login(String user, String password) {

    @Override
    public String toString() {
        return "Login[user=" + user + ", password=****]";
    }
}
