package fr.education.imagin.core.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import fr.education.imagin.core.config.PlatformConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Hazelcast for the Vert.x cluster and the session store. Members find each other through the
 * configured TCP/IP list only: multicast is off, so two test runs on one machine never merge.
 */
public final class ClusterManagerFactory {

    private ClusterManagerFactory() {
    }

    public static HazelcastClusterManager create(PlatformConfig.Cluster cluster) {
        // Keeps the map settings Vert.x relies on (subscriptions, locks...).
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        // A frozen member must not block the sessions it owns for a minute (default 60 s).
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.operation.call.timeout.millis", "10000");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");

        config.getNetworkConfig().setPort(cluster.port()).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(cluster.host());
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1);
        // One by one: the range form "host:5701-5703" is not accepted through this API.
        cluster.members().forEach(member -> join.getTcpIpConfig().addMember(member));
        return new HazelcastClusterManager(config);
    }
}
