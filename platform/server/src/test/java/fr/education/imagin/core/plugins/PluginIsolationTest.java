package fr.education.imagin.core.plugins;

import fr.education.imagin.core.plugins.testkit.PluginTestPlatform;
import fr.education.imagin.missions.GenerationReport;
import fr.education.imagin.plugin.api.ApiVersion;
import fr.education.imagin.plugin.api.IccPeriode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faulty plugins next to good ones, all real jars: a plugin that fails to start, one whose
 * extensions throw, one built for an API the platform does not provide, an unreadable archive,
 * a duplicate. The platform starts, records each problem for the admin and serves the good
 * plugins; a throwing extension fails only the request that called it.
 */
class PluginIsolationTest {

    private static PluginTestPlatform platform;

    @BeforeAll
    static void start() throws IOException {
        platform = PluginTestPlatform.start(
                PluginTestPlatform.distJar("ec-ece"), PluginTestPlatform.distJar("icc-bac"),
                PluginTestPlatform.fixtureJar("failing-start"), PluginTestPlatform.fixtureJar("throwing-extensions"),
                PluginTestPlatform.fixtureJar("future-api"));
        Path dir = platform.pluginsDir();
        Files.write(dir.resolve("corrompu.jar"), "not a zip archive".getBytes());
        Files.copy(dir.resolve("ec-ece.jar"), dir.resolve("zz-copie-ec-ece.jar"));
        withPluginId(dir.resolve("ec-ece.jar"), dir.resolve("ec-ece-bis.jar"), "ec-ece-bis");
        platform.reloadJars();
        platform.addSession("470", "BCG", "BAC_GENERAL", 2021);
        platform.addEtablissement("0310038Y", "LPO PIERRE-PAUL RIQUET");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static PluginStatus status(String plugin) {
        return platform.plugins().statuses().stream().filter(s -> s.plugin().equals(plugin)).findFirst().orElseThrow();
    }

    @Test
    void eachFaultyJarIsRecordedWithAClearReasonAndTheGoodOnesAreActive() {
        assertThat(status("ec-ece").state()).isEqualTo(PluginStatus.State.ACTIF);
        assertThat(status("icc-bac").state()).isEqualTo(PluginStatus.State.ACTIF);

        PluginStatus failing = status("failing-start");
        assertThat(failing.state()).isEqualTo(PluginStatus.State.EN_ECHEC);
        assertThat(failing.problems()).singleElement().satisfies(p -> {
            assertThat(p.phase()).isEqualTo(PluginProblem.Phase.DEMARRAGE);
            assertThat(p.message()).contains("deliberate failure at start");
        });

        PluginStatus corrupt = status("corrompu.jar");
        assertThat(corrupt.state()).isEqualTo(PluginStatus.State.REFUSE);
        assertThat(corrupt.problems().get(0).message()).startsWith("archive illisible");

        PluginStatus duplicate = platform.plugins().statuses().stream().filter(s -> s.jar().equals("zz-copie-ec-ece.jar"))
                .findFirst().orElseThrow();
        assertThat(duplicate.state()).isEqualTo(PluginStatus.State.REFUSE);
        assertThat(duplicate.problems().get(0).message()).contains("fournit déjà le plugin « ec-ece »");
    }

    @Test
    void aPluginBuiltForAnIncompatibleApiIsRefusedBeforeAnyOfItsCodeRuns() {
        PluginStatus future = status("future-api");
        assertThat(future.state()).isEqualTo(PluginStatus.State.REFUSE);
        assertThat(future.problems()).singleElement().satisfies(p -> {
            assertThat(p.phase()).isEqualTo(PluginProblem.Phase.REFUS);
            assertThat(p.message()).contains("2.0.0", ApiVersion.CURRENT, "version majeure différente");
        });
        // Its start() would have thrown an AssertionError, and its type would be offered.
        assertThat(typeCodes()).doesNotContain("FUTUR", "NEVER");
        assertThatThrownBy(() -> platform.enable("future-api")).hasMessageContaining("n'est pas chargé");
    }

    @Test
    void theGoodPluginsServeTheAcademie() {
        assertThat(typeCodes()).contains("COEC", "INEC", "PRECE", "SSCAN", "COECE", "BOOM");
        BigDecimal amount = platform.await(platform.indemnites().montantGlobal(platform.tenant(), "470", 2022,
                IccPeriode.NORMALE, Map.of("JUSQUA_600", new BigDecimal("6"), "PLUS_DE_600", BigDecimal.ONE)));
        assertThat(amount).isEqualByComparingTo("1268.00");
    }

    @Test
    void aThrowingExtensionFailsOnlyItsOwnCallsAndIsReportedToTheAdmin() {
        GenerationReport refused = platform.missionGeneration().importFile(platform.tenant(), new StringReader(ROWS), "test");
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.errors()).singleElement().asString()
                .contains("Le plugin « throwing-extensions » a échoué (génération des missions)", "deliberate failure in a generator");
        assertThat(platform.query("select count(*) from mission where cle_import is not null")).isEqualTo(0L);

        assertThatThrownBy(() -> platform.await(platform.indemnites().montantGlobal(platform.tenant(), "999", 2022,
                IccPeriode.NORMALE, Map.of("JOURS", BigDecimal.ONE))))
                .isInstanceOf(PluginFailure.class).hasMessageContaining("calcul du montant global");
        // The other scheme of the same académie still computes.
        assertThat(platform.await(platform.indemnites().montantGlobal(platform.tenant(), "47A", 2022,
                IccPeriode.REMPLACEMENT, Map.of("JUSQUA_600", BigDecimal.ONE)))).isEqualByComparingTo("173.00");

        assertThat(status("throwing-extensions").state()).isEqualTo(PluginStatus.State.ACTIF);
        assertThat(status("throwing-extensions").problems()).extracting(PluginProblem::phase)
                .contains(PluginProblem.Phase.EXECUTION);

        // Once the admin disables it, the same import goes through the EC/ECE plugin.
        platform.disable("throwing-extensions");
        try {
            GenerationReport accepted = platform.missionGeneration().importFile(platform.tenant(), new StringReader(ROWS), "test");
            assertThat(accepted.errors()).isEmpty();
            assertThat(accepted.created()).containsEntry("COEC", 1).containsEntry("SSCAN", 1);
        } finally {
            platform.enable("throwing-extensions");
        }
    }

    @Test
    void aThrowingConvocationCheckRefusesTheConvocationWithItsMessage() {
        platform.execute("insert into type_mission (code, libelle, remuneration, plugin_id) values ('BOOM', 'Mission défaillante', 'ECRIT', 'throwing-extensions') on conflict do nothing");
        platform.execute("insert into mission (numero, type_code, session_id, centre_uai, date_debut, date_fin) "
                + "select '900001', 'BOOM', id, '0310038Y', date '2021-06-01', date '2021-06-02' from session_examen where examen_code = '470'");
        long id = (Long) platform.query("select id from mission where numero = '900001'");
        assertThat(platform.await(platform.missionTypeRules().convocationRefusal(platform.tenant(), id)))
                .hasValueSatisfying(m -> assertThat(m).contains("throwing-extensions", "contrôle avant convocation"));
    }

    @Test
    void enablingIsPerAcademieAndRefusesAPluginThatClashesWithAnEnabledOne() {
        platform.execute("insert into platform.tenant (code, nom, schema_name, contact_mail) values ('voisine', 'ACADEMIE VOISINE', 't_voisine', 'a@b.fr') on conflict do nothing");
        assertThat(platform.plugins().enabledPlugins("voisine")).isEmpty();
        assertThat(platform.plugins().missionTypes("voisine")).isEmpty();

        assertThat(status("ec-ece-bis").state()).isEqualTo(PluginStatus.State.ACTIF);
        assertThatThrownBy(() -> platform.enable("ec-ece-bis"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entre en conflit avec « ec-ece »").hasMessageContaining("COEC");
        // The neighbouring académie has neither, so it may take the other one.
        platform.await(platform.plugins().setEnabled("voisine", "ec-ece-bis", true, "test"));
        PluginTestPlatform.waitUntil(() -> !platform.plugins().missionTypes("voisine").isEmpty(), "voisine's types");
        assertThat(platform.plugins().missionTypes("voisine")).allMatch(c -> c.pluginId().equals("ec-ece-bis"));
        assertThat(platform.plugins().enabledPlugins(platform.tenant().code())).doesNotContain("ec-ece-bis");
    }

    @Test
    void provisioningAtStartNeverOverridesTheAdminsChoice() {
        platform.execute("insert into platform.tenant (code, nom, schema_name, contact_mail) values ('demo', 'ACADEMIE DEMO', 't_demo', 'a@b.fr') on conflict do nothing");
        platform.await(platform.plugins().setEnabled("demo", "icc-bac", false, "admin"));
        new PluginProvisioning(platform.jdbc()).enableUnlessChosen("demo", List.of("ec-ece", "icc-bac"), "demarrage");
        platform.plugins().publishChange(false);
        PluginTestPlatform.waitUntil(() -> platform.plugins().enabledPlugins("demo").contains("ec-ece"), "demo's plugins");
        assertThat(platform.plugins().enabledPlugins("demo")).containsExactly("ec-ece");
    }

    private static List<String> typeCodes() {
        return platform.plugins().missionTypes(platform.tenant().code()).stream()
                .map(c -> c.extension().code()).toList();
    }

    private static final String ROWS = """
            examen;session;specialite;libelle_specialite;epreuve;libelle_epreuve;nature;cadre;type_candidat;candidats;centre_numerisation;centre_epreuve;centre_santorin;date_debut;date_fin;affectation_terminee
            470;2021;BCG;BACCALAUREAT GENERAL;C001A;Histoire-géographie 1ère éval;ECRIT;EC;SCOLAIRE;120;0310038Y;0310038Y;;01/02/2021;05/02/2021;N
            """;

    /** A copy of {@code source} whose MANIFEST names another plugin id. */
    private static void withPluginId(Path source, Path target, String id) throws IOException {
        try (JarFile in = new JarFile(source.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Plugin-Id"), id);
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry : Collections.list(in.entries())) {
                    if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }
}
