package fr.education.imagin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Keycloak (the distribution Maven unpacked into target/keycloak), started once per test
 * JVM in development mode on free ports, with a fresh database, and stopped at exit.
 */
public final class TestKeycloak {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test";

    private static String url;

    private TestKeycloak() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    private static String start() {
        Path home = Path.of(System.getProperty("imagin.keycloakHome", "target/keycloak/keycloak-26.4.7"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak distribution not found at " + home.toAbsolutePath()
                    + " (unpacked by the Maven build at process-test-resources)");
        }
        deleteRecursively(home.resolve("data"));
        int port = Ports.free();
        Path log = Path.of("target", "keycloak.log");
        try {
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + Ports.free(), "--http-host=127.0.0.1",
                    "--hostname-strict=false")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            String base = "http://127.0.0.1:" + port;
            awaitReady(base, process, log);
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitReady(String base, Process process, Path log) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/realms/master")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("Keycloak not ready after 3 minutes; see " + log.toAbsolutePath());
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
