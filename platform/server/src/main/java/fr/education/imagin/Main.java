package fr.education.imagin;

import fr.education.imagin.core.config.ConfigSource;
import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.config.Setting;
import fr.education.imagin.demo.DemoAccount;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code imagin [--config FILE] [--demo] [--scale F]}: starts one cluster member. */
@Command(name = "imagin", mixinStandardHelpOptions = true, version = "IMAG'IN 0.1",
        description = "Starts one member of the IMAG'IN platform (settings: README, section Configuration).")
public final class Main implements Callable<Integer> {

    @Option(names = "--config", description = "YAML configuration file")
    private Path configFile;

    @Option(names = "--demo", description = "fill the demo académies and create the demo accounts")
    private boolean demo;

    @Option(names = "--scale", description = "also generate the large benchmark académie 'echelle' (1.0 = 80,000 staff)")
    private Double scale;

    public static void main(String[] args) {
        if ("json".equals(System.getenv(Setting.LOG_FORMAT.envName()))) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<Setting, String> overrides = new EnumMap<>(Setting.class);
        if (demo) {
            overrides.put(Setting.DEMO, "true");
        }
        PlatformConfig config = PlatformConfig.from(ConfigSource.load(configFile, System.getenv(), overrides));
        Platform platform = Platform.start(config, new Platform.StartOptions(scale));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "imagin-shutdown"));
        printBanner(platform);
        stopped.await();
        return 0;
    }

    private static void printBanner(Platform platform) {
        PlatformConfig config = platform.config();
        StringBuilder banner = new StringBuilder("\n=== IMAG'IN démarré en ")
                .append(String.format("%.1f s", platform.startMillis() / 1000.0)).append(" ===\n")
                .append("Adresse : ").append(config.http().publicUrl()).append("/\n");
        if (!platform.demoAccounts().isEmpty()) {
            banner.append("Comptes de démonstration (mot de passe entre crochets) :\n");
            for (DemoAccount account : platform.demoAccounts()) {
                String where = account.tenantCode() == null ? "toutes académies" : config.http().publicUrl() + "/" + account.tenantCode() + "/";
                // The description last: it says which establishment is the lycée, the collège, an exam centre.
                banner.append(String.format("  %-24s [%s]  %-34s %s%n", account.login(), account.password(), where, account.description()));
            }
        }
        banner.append("Arrêt : Ctrl+C\n");
        System.out.println(banner);
    }
}
