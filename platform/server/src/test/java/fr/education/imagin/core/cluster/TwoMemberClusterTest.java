package fr.education.imagin.core.cluster;

import fr.education.imagin.core.config.Setting;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.Ports;
import fr.education.imagin.testkit.TestPlatform;
import fr.education.imagin.testkit.TestPostgres;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two members in separate JVMs on loopback, as in production: they form one cluster, a session
 * written through member A is read through member B, and B keeps serving it once A is killed.
 * The one-connection-per-establishment rule holds across members.
 */
class TwoMemberClusterTest {

    private final List<Process> members = new ArrayList<>();

    @AfterEach
    void stopMembers() {
        members.forEach(Process::destroyForcibly);
    }

    @Test
    void aSessionSurvivesTheMemberThatWroteIt() throws Exception {
        String jdbcUrl = TestPostgres.newDatabase();
        int clusterA = Ports.free();
        int clusterB = Ports.free();
        String clusterName = "imagin-two-members-" + clusterA;
        String memberList = "127.0.0.1:" + clusterA + ",127.0.0.1:" + clusterB;
        int httpA = Ports.free();
        int httpB = Ports.free();

        Process a = startMember("a", jdbcUrl, clusterName, memberList, clusterA, httpA);
        Process b = startMember("b", jdbcUrl, clusterName, memberList, clusterB, httpB);
        String baseA = "http://127.0.0.1:" + httpA;
        String baseB = "http://127.0.0.1:" + httpB;
        awaitMembers(baseA, 2, a);
        awaitMembers(baseB, 2, b);

        Browser browser = new Browser();
        HttpResponse<String> login = browser.login(baseA, "toulouse", "ce.0310038y", "imagin-demo");
        assertThat(login.statusCode()).as("login through member A").isEqualTo(302);

        HttpResponse<String> throughB = browser.get(baseB + "/toulouse/");
        assertThat(throughB.statusCode()).as("session read through member B").isEqualTo(200);
        assertThat(throughB.body()).contains("Connecté en tant que", "0310038Y");

        HttpResponse<String> secondConnection = new Browser().login(baseB, "toulouse", "ce.0310038y", "imagin-demo");
        assertThat(secondConnection.statusCode()).as("second connection for the same UAI, through member B").isEqualTo(409);

        a.destroyForcibly().waitFor();
        HttpResponse<String> afterKill = browser.get(baseB + "/toulouse/");
        assertThat(afterKill.statusCode()).as("member B after member A was killed").isEqualTo(200);
        assertThat(afterKill.body()).contains("Connecté en tant que", "0310038Y");
        awaitMembers(baseB, 1, b);
    }

    private Process startMember(String name, String jdbcUrl, String clusterName, String memberList,
                                int clusterPort, int httpPort) throws IOException {
        Path log = Path.of("target", "two-members-" + name + ".log");
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
        env.put(Setting.CLUSTER_MEMBERS.envName(), memberList);
        env.put(Setting.CLUSTER_PORT.envName(), String.valueOf(clusterPort));
        env.put(Setting.HTTP_HOST.envName(), "127.0.0.1");
        env.put(Setting.HTTP_PORT.envName(), String.valueOf(httpPort));
        env.put(Setting.DB_POOL_SIZE.envName(), "2");
        env.put(Setting.TENANTS_DIR.envName(), TestPlatform.projectRoot().resolve("tenants").toString());
        env.put(Setting.PLUGINS_DIR.envName(), TestPlatform.projectRoot().resolve("plugins/dist").toString());
        env.put(Setting.DEMO.envName(), "true");
        Process process = builder.start();
        members.add(process);
        return process;
    }

    private static void awaitMembers(String base, int expected, Process member) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Browser browser = new Browser();
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            assertThat(member.isAlive()).as("member process alive (see target/two-members-*.log)").isTrue();
            try {
                HttpResponse<String> ready = browser.get(base + "/ready");
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
        throw new AssertionError(base + " never reported " + expected + " members; last answer: " + last);
    }
}
