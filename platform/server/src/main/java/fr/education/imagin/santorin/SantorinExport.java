package fr.education.imagin.santorin;

import fr.education.imagin.core.config.ConfigSource;
import fr.education.imagin.core.config.PlatformConfig;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ops/santorin-export --out DIR [--config FILE]}: writes the pending Santorin lists of
 * every académie into DIR. Reads the server's configuration (db.url, db.user, db.password; with
 * no db.url, the embedded PostgreSQL of a running member on embedded-db.port).
 */
@Command(name = "santorin-export", mixinStandardHelpOptions = true,
        description = "Writes the pending convened lists of every académie for Santorin, one JSON file each.")
public final class SantorinExport implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "folder receiving the files")
    private Path out;

    @Option(names = "--config", description = "YAML configuration file (as the server's)")
    private Path configFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SantorinExport()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PlatformConfig.Database db = PlatformConfig.from(ConfigSource.load(configFile, System.getenv(), Map.of())).database();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.embedded() ? "jdbc:postgresql://localhost:" + db.embeddedPort() + "/postgres" : db.jdbcUrl());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        SantorinExporter.Result result = new SantorinExporter(dataSource).exportTo(out);
        System.out.println(result.files().size() + " fichier(s) écrit(s) dans " + out.toAbsolutePath());
        return 0;
    }
}
