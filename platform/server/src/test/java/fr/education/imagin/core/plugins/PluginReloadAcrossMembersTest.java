package fr.education.imagin.core.plugins;

import fr.education.imagin.core.cluster.ClusterManagerFactory;
import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.db.Database;
import fr.education.imagin.core.db.Migrations;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.plugins.testkit.PluginTestPlatform;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantProvisioning;
import fr.education.imagin.testkit.Ports;
import fr.education.imagin.testkit.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two cluster members (Hazelcast, loopback), each with its own plugins directory, on one
 * database: the admin's choice made through one member applies on both, and a jar deployed on
 * every member's disk is picked up everywhere on one notice.
 */
class PluginReloadAcrossMembersTest {

    private static final Tenant TENANT = new Tenant("rennes", "ACADEMIE DE RENNES", "dec@ac-rennes.fr", "", true);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    private record Member(Vertx vertx, PluginHost plugins, Path dir) {
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void choicesAndNewJarsReachEveryMember() throws Exception {
        String jdbcUrl = TestPostgres.newDatabase();
        int portA = Ports.free();
        int portB = Ports.free();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        String cluster = "imagin-plugins-" + portA;

        Member a = member(jdbcUrl, cluster, portA, members, true);
        Member b = member(jdbcUrl, cluster, portB, members, false);

        a.plugins().setEnabled(TENANT.code(), "ec-ece", true, "admin").toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        PluginTestPlatform.waitUntil(() -> b.plugins().enabledPlugins(TENANT.code()).contains("ec-ece"), "member B enabling");
        assertThat(b.plugins().missionTypes(TENANT.code())).extracting(c -> c.extension().code()).contains("COEC", "INEC");

        // Ops deploy icc-bac on both disks; one notice through A reloads both.
        for (Member m : List.of(a, b)) {
            Files.copy(PluginTestPlatform.distJar("icc-bac"), m.dir().resolve("icc-bac.jar"));
        }
        a.plugins().publishChange(true);
        PluginTestPlatform.waitUntil(() -> b.plugins().statuses().stream().anyMatch(s -> s.plugin().equals("icc-bac")
                && s.state() == PluginStatus.State.ACTIF), "member B loading icc-bac");

        a.plugins().setEnabled(TENANT.code(), "ec-ece", false, "admin").toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        PluginTestPlatform.waitUntil(() -> b.plugins().missionTypes(TENANT.code()).isEmpty(), "member B disabling");
    }

    private Member member(String jdbcUrl, String clusterName, int port, String members, boolean migrate) throws Exception {
        // The event bus host is set explicitly: left unset, Vert.x advertises Hazelcast's public
        // address "host:port" as a host name and members cannot reach each other's event bus.
        Vertx vertx = await(Vertx.builder()
                .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1").setClusterPublicHost("127.0.0.1")))
                .withClusterManager(ClusterManagerFactory.create(
                        new PlatformConfig.Cluster(clusterName, "127.0.0.1", port, List.of(members.split(","))))).buildClustered());
        toClose.add(() -> await(vertx.close()));
        Database database = Database.connect(vertx, new PlatformConfig.Database(jdbcUrl, "postgres", "", 2, Path.of("unused"), 0));
        toClose.add(database);
        if (migrate) {
            Migrations migrations = new Migrations(database.jdbc());
            migrations.migratePlatform();
            new TenantProvisioning(database.jdbc(), migrations).register(TENANT, false);
            migrations.migrateTenant(TENANT.schemaName());
        }
        Path dir = Files.createTempDirectory("imagin-member-plugins");
        Files.copy(PluginTestPlatform.distJar("ec-ece"), dir.resolve("ec-ece.jar"));
        PluginHost plugins = new PluginHost(dir, new TenantSql(database.pool()));
        toClose.add(plugins);
        await(plugins.start(vertx));
        return new Member(vertx, plugins, dir);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
