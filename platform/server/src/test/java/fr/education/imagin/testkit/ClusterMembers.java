package fr.education.imagin.testkit;

import fr.education.imagin.core.config.Setting;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cluster members in separate JVMs on loopback, as in production ({@code fr.education.imagin.Main}
 * with the test class path), on one database; their output goes to {@code target/<log>-<name>.log}.
 * Close it to kill every member it started.
 */
public final class ClusterMembers implements AutoCloseable {

    /** One started member: its process and base URL. */
    public record Member(String name, Process process, String baseUrl) {
    }

    private final String jdbcUrl;
    private final String logPrefix;
    private final String clusterName;
    private final List<Integer> clusterPorts = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    /** Reserves {@code count} cluster ports: every member lists all of them to find the others. */
    public ClusterMembers(String jdbcUrl, String logPrefix, int count) {
        this.jdbcUrl = jdbcUrl;
        this.logPrefix = logPrefix;
        for (int i = 0; i < count; i++) {
            clusterPorts.add(Ports.free());
        }
        this.clusterName = "imagin-" + logPrefix + "-" + clusterPorts.get(0);
    }

    /** Starts member number {@code index} (0-based) on a free HTTP port; does not wait for it. */
    public Member start(int index, String name) throws IOException {
        return start(index, name, Map.of());
    }

    /** Same, with {@code settings} added to (or replacing) the member's usual ones, e.g. an SMTP server. */
    public Member start(int index, String name, Map<Setting, String> settings) throws IOException {
        int httpPort = Ports.free();
        Path log = Path.of("target", logPrefix + "-" + name + ".log");
        Files.createDirectories(log.getParent());
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-XX:+UseSerialGC",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", classpath, "fr.education.imagin.Main")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put(Setting.DB_URL.envName(), jdbcUrl);
        env.put(Setting.CLUSTER_NAME.envName(), clusterName);
        env.put(Setting.CLUSTER_MEMBERS.envName(), String.join(",", clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList()));
        env.put(Setting.CLUSTER_PORT.envName(), String.valueOf(clusterPorts.get(index)));
        env.put(Setting.HTTP_HOST.envName(), "127.0.0.1");
        env.put(Setting.HTTP_PORT.envName(), String.valueOf(httpPort));
        env.put(Setting.DB_POOL_SIZE.envName(), "2");
        env.put(Setting.TENANTS_DIR.envName(), TestPlatform.projectRoot().resolve("tenants").toString());
        env.put(Setting.PLUGINS_DIR.envName(), TestPlatform.projectRoot().resolve("plugins/dist").toString());
        env.put(Setting.DEMO.envName(), "true");
        settings.forEach((setting, value) -> env.put(setting.envName(), value));
        Process process = builder.start();
        processes.add(process);
        return new Member(name, process, "http://127.0.0.1:" + httpPort);
    }

    /** Waits until the member's {@code /ready} reports {@code expected} cluster members. */
    public static void awaitMembers(Member member, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Browser browser = new Browser();
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            if (!member.process().isAlive()) {
                throw new AssertionError("member " + member.name() + " exited (see target/*-" + member.name() + ".log)");
            }
            try {
                HttpResponse<String> ready = browser.get(member.baseUrl() + "/ready");
                last = ready.body();
                if (ready.statusCode() == 200
                        && new JsonObject(ready.body()).getJsonObject("cluster").getInteger("members") == expected) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                last = notYetListening.getMessage();
            }
            Thread.sleep(300);
        }
        throw new AssertionError(member.baseUrl() + " never reported " + expected + " members; last answer: " + last);
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }
}
