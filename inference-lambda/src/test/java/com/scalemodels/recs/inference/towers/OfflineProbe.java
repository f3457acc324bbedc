package com.scalemodels.recs.inference.towers;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Run in a fresh JVM by {@link OfflineEngineIT}: records every URI the JVM tries to open through java.net (which
 * is how DJL downloads), loads a tower with an empty cache directory, and prints {@code network-attempts: N}
 * followed by one {@code attempt: <uri>} line each.
 */
public final class OfflineProbe {

    public static void main(String[] args) throws Exception {
        List<URI> attempts = new CopyOnWriteArrayList<>();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
        DjlRuntime.configure(Path.of(args[0]));
        try (TowerModel tower = TowerModel.load("tiny", Path.of(args[1]), 3, 2)) {
            tower.embed(new float[] {1, 2, 3}, 1);
        }
        System.out.println("network-attempts: " + attempts.size());
        attempts.forEach(uri -> System.out.println("attempt: " + uri));
    }
}
