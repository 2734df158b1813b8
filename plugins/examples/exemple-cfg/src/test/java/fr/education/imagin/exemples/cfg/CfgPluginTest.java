package fr.education.imagin.exemples.cfg;

import fr.education.imagin.core.plugins.PluginStatus;
import fr.education.imagin.core.plugins.testkit.PluginTestPlatform;
import fr.education.imagin.missions.GenerationReport;
import fr.education.imagin.plugin.api.MissionType;
import fr.education.imagin.plugin.api.MissionTypes;
import fr.education.imagin.plugin.api.Remuneration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new exam type added as a plugin, nothing changed in platform/: the platform loads this
 * module's built jar, offers its mission type and generates its missions from an import.
 */
class CfgPluginTest {

    private static PluginTestPlatform platform;

    @BeforeAll
    static void start() {
        platform = PluginTestPlatform.start(Path.of(System.getProperty("plugin.jar")));
        platform.addSession("010", "CFG", "AUTRE", 2026);
        platform.addEtablissement("0350001A", "COLLEGE A");
        platform.addEtablissement("0350002B", "COLLEGE B");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void thePlatformLoadsThePluginFromItsJar() {
        assertThat(platform.plugins().statuses()).singleElement().satisfies(status -> {
            assertThat(status.plugin()).isEqualTo("exemple-cfg");
            assertThat(status.state()).isEqualTo(PluginStatus.State.ACTIF);
            assertThat(status.jar()).isEqualTo("exemple-cfg.jar");
        });
        MissionType jcfg = platform.missionTypeRules().type(platform.tenant(), "JCFG").orElseThrow();
        assertThat(jcfg.libelle()).isEqualTo("Jury oral du CFG");
        assertThat(jcfg.remuneration()).isEqualTo(Remuneration.ORAL);
        assertThat(jcfg.qualites().offered()).containsExactly("Examinateur", "Président de jury");
        // The plugin's classes come from its jar, through its own class loader: they are not on
        // this test's class path at all.
        assertThat(platform.plugins().contributions(platform.tenant().code(), MissionTypes.class))
                .singleElement().extracting(c -> c.extension().getClass().getClassLoader())
                .isInstanceOf(org.pf4j.PluginClassLoader.class);
        assertThatThrownBy(() -> Class.forName("fr.education.imagin.exemples.cfg.CfgExam"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void anImportGeneratesOneJuryPerOralEpreuveAndCentre() {
        GenerationReport report = platform.missionGeneration().importFile(platform.tenant(), new StringReader("""
                examen;session;specialite;libelle_specialite;epreuve;libelle_epreuve;nature;cadre;type_candidat;candidats;centre_numerisation;centre_epreuve;centre_santorin;date_debut;date_fin;affectation_terminee
                010;2026;CFG;CERTIFICAT DE FORMATION GENERALE;ORAL;Entretien;ORAL;;SCOLAIRE;14;0350001A;0350001A;;04/06/2026;04/06/2026;O
                010;2026;CFG;CERTIFICAT DE FORMATION GENERALE;ORAL;Entretien;ORAL;;INDIVIDUEL;3;0350002B;0350001A;;04/06/2026;05/06/2026;O
                010;2026;CFG;CERTIFICAT DE FORMATION GENERALE;ORAL;Entretien;ORAL;;SCOLAIRE;9;0350002B;0350002B;;05/06/2026;05/06/2026;O
                """), "gest.rennes");

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).containsExactly(java.util.Map.entry("JCFG", 2));
        assertThat(platform.rows("select centre_uai, candidats_attendus, type_code from mission order by centre_uai"))
                .containsExactly("0350001A|17|JCFG", "0350002B|9|JCFG");
        long jury = (Long) platform.query("select id from mission where centre_uai = '0350002B'");
        assertThat(platform.await(platform.missionTypeRules().convocationRefusal(platform.tenant(), jury))).isEmpty();
    }
}
