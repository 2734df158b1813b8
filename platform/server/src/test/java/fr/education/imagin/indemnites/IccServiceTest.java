package fr.education.imagin.indemnites;

import fr.education.imagin.core.plugins.testkit.PluginTestPlatform;
import fr.education.imagin.plugin.api.IccPeriode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The BAC and BTS indemnity schemes, loaded from their built jars, through the platform
 * (guide §4.5, SPEC ICC-1…5): brackets, input limits, per-académie rates per session year with
 * the regulatory defaults, exact amounts rounded half-up to the cent.
 */
class IccServiceTest {

    private static PluginTestPlatform platform;
    private static IccService icc;

    @BeforeAll
    static void start() {
        platform = PluginTestPlatform.start(PluginTestPlatform.distJar("icc-bac"), PluginTestPlatform.distJar("icc-bts"));
        icc = platform.indemnites();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static BigDecimal montant(String exam, int annee, IccPeriode periode, Map<String, String> jours) {
        Map<String, BigDecimal> days = new java.util.HashMap<>();
        jours.forEach((k, v) -> days.put(k, new BigDecimal(v)));
        return platform.await(icc.montantGlobal(platform.tenant(), exam, annee, periode, days));
    }

    @Test
    void theGuidesExampleHolds() {
        // Session 43A EA-BTN 2022: 6 days with 1 to 600 candidates and 1 with more than 600.
        BigDecimal global = montant("43A", 2022, IccPeriode.NORMALE, Map.of("JUSQUA_600", "6", "PLUS_DE_600", "1"));
        assertThat(global).isEqualTo(new BigDecimal("1268.00"));
        BigDecimal part = IccService.part(global, new BigDecimal("5.5"));
        assertThat(part).isEqualTo(new BigDecimal("69.74"));
        // The guide's distribution (5,5 % + 250,00 € + 5,5 %: réparti 389,48 €, restant 878,52 €) is
        // computed by the saisie and read from its page by IndemnitesRoutesTest.
    }

    @Test
    void theBaremeShowsTheGuidesBracketsWithTheirRatesOrigin() {
        IccService.Bareme bac = platform.await(icc.bareme(platform.tenant(), "470", 2022));
        assertThat(bac.scheme()).isEqualTo("BAC");
        assertThat(bac.pluginId()).isEqualTo("icc-bac");
        assertThat(bac.periodes()).containsExactlyInAnyOrder(IccPeriode.NORMALE, IccPeriode.REMPLACEMENT);
        assertThat(bac.tranches()).extracting(t -> t.tranche().libelle() + " (" + t.tranche().format() + ") "
                        + t.taux().map(BigDecimal::toPlainString).orElse("-") + " " + t.origine())
                .containsExactly("De 1 à 600 candidats (xx,x < 100) 173.00 REGLEMENTAIRE",
                        "Plus de 600 candidats (xx,x < 100) 230.00 REGLEMENTAIRE",
                        "Supplémentaires (x,x <= 3) - NON_CONFIGURE");

        IccService.Bareme bts = platform.await(icc.bareme(platform.tenant(), "320", 2023));
        assertThat(bts.periodes()).containsExactly(IccPeriode.NORMALE);
        assertThat(bts.tranches()).extracting(t -> t.tranche().libelle() + " " + t.taux().orElseThrow().toPlainString())
                .containsExactly("De 11 à 50 candidats 50.00", "De 51 à 100 candidats 80.00", "Plus de 100 candidats 150.00");
    }

    @Test
    void ratesAreTheAcademiesPerSessionYearWithTheRegulatoryOnesAsDefaults() {
        platform.await(icc.configurerTaux(platform.tenant(), "BAC", 2024, "JUSQUA_600", new BigDecimal("180.00")));
        assertThat(montant("470", 2024, IccPeriode.NORMALE, Map.of("JUSQUA_600", "6", "PLUS_DE_600", "1")))
                .isEqualTo(new BigDecimal("1310.00"));
        assertThat(montant("470", 2023, IccPeriode.NORMALE, Map.of("JUSQUA_600", "6", "PLUS_DE_600", "1")))
                .isEqualTo(new BigDecimal("1268.00"));
        assertThat(platform.await(icc.bareme(platform.tenant(), "470", 2024)).tranches().get(0).origine())
                .isEqualTo(IccService.Origine.ACADEMIE);
    }

    @Test
    void supplementaryDaysNeedARateTheAcademieConfigures() {
        assertThatThrownBy(() -> montant("400", 2025, IccPeriode.REMPLACEMENT, Map.of("JUSQUA_600", "2", "JOURS_SUPPLEMENTAIRES", "0.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Aucun taux journalier n'est configuré pour « Supplémentaires » (BAC, session 2025) : "
                        + "le gestionnaire académique doit le saisir.");
        platform.await(icc.configurerTaux(platform.tenant(), "BAC", 2025, "JOURS_SUPPLEMENTAIRES", new BigDecimal("100")));
        assertThat(montant("400", 2025, IccPeriode.REMPLACEMENT, Map.of("JUSQUA_600", "2", "JOURS_SUPPLEMENTAIRES", "0.5")))
                .isEqualTo(new BigDecimal("396.00"));
    }

    @Test
    void amountsAreRoundedHalfUpToTheCent() {
        platform.await(icc.configurerTaux(platform.tenant(), "BAC", 2026, "PLUS_DE_600", new BigDecimal("173.33")));
        // 0,5 × 173,33 = 86,665: half-up gives 86,67 (half-even would give 86,66).
        assertThat(montant("47A", 2026, IccPeriode.NORMALE, Map.of("PLUS_DE_600", "0.5"))).isEqualTo(new BigDecimal("86.67"));
        assertThat(IccService.part(new BigDecimal("86.67"), new BigDecimal("50"))).isEqualTo(new BigDecimal("43.34"));
    }

    @Test
    void theBtsBracketsHaveNoRemplacementAndRatesFromSession2022() {
        assertThat(montant("320", 2023, IccPeriode.NORMALE,
                Map.of("DE_11_A_50", "2", "DE_51_A_100", "1.5", "PLUS_DE_100", "1"))).isEqualTo(new BigDecimal("370.00"));
        assertThatThrownBy(() -> montant("320", 2023, IccPeriode.REMPLACEMENT, Map.of("DE_11_A_50", "1")))
                .hasMessage("La période « Epreuves de remplacement » n'existe pas pour le barème BTS.");
        assertThatThrownBy(() -> montant("320", 2021, IccPeriode.NORMALE, Map.of("DE_11_A_50", "1")))
                .hasMessageContaining("Aucun taux journalier n'est configuré pour « De 11 à 50 candidats » (BTS, session 2021)");
    }

    @Test
    void inputsOutsideTheGuidesFormatsAreRefusedWithItsHints() {
        assertThatThrownBy(() -> montant("470", 2022, IccPeriode.NORMALE, Map.of("PLUS_DE_600", "100", "JOURS_SUPPLEMENTAIRES", "3.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plus de 600 candidats : 100 n'est pas accepté (format xx,x < 100) ; "
                        + "Supplémentaires : 3,5 n'est pas accepté (format x,x <= 3)");
        assertThatThrownBy(() -> montant("470", 2022, IccPeriode.NORMALE, Map.of("JUSQUA_600", "1.25")))
                .hasMessageContaining("1,25 n'est pas accepté");
        assertThatThrownBy(() -> montant("470", 2022, IccPeriode.NORMALE, Map.of("DE_11_A_50", "1")))
                .hasMessage("Tranche « DE_11_A_50 » inconnue du barème.");
        assertThatThrownBy(() -> IccService.part(new BigDecimal("1268.00"), new BigDecimal("100.5")))
                .hasMessage("Répartition « 100,5 » invalide (format x,x <= 100).");
        assertThatThrownBy(() -> platform.await(icc.configurerTaux(platform.tenant(), "BAC", 2024, "JUSQUA_600", new BigDecimal("-1"))))
                .hasMessageContaining("invalide");
        assertThatThrownBy(() -> platform.await(icc.configurerTaux(platform.tenant(), "BTS", 2024, "JUSQUA_600", BigDecimal.TEN)))
                .hasMessage("Le barème BTS n'a pas de tranche « JUSQUA_600 ».");
    }

    @Test
    void anExamNoEnabledSchemeCoversHasNoIndemnity() {
        assertThat(icc.covers(platform.tenant(), "500")).isFalse();
        assertThatThrownBy(() -> montant("500", 2022, IccPeriode.NORMALE, Map.of()))
                .hasMessage("Aucun barème d'indemnités des chefs de centre n'est activé pour l'examen 500.");
    }

    @Test
    void removingTheBacJarRemovesTheBacSchemeOnlyAndPuttingItBackRestoresIt() throws Exception {
        java.nio.file.Path jar = platform.pluginsDir().resolve("icc-bac.jar");
        java.nio.file.Path aside = Files.createTempFile("icc-bac", ".jar");
        Files.move(jar, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            platform.reloadJars();
            assertThat(icc.covers(platform.tenant(), "470")).isFalse();
            assertThatThrownBy(() -> montant("470", 2022, IccPeriode.NORMALE, Map.of("JUSQUA_600", "1")))
                    .hasMessageContaining("Aucun barème");
            assertThat(montant("320", 2023, IccPeriode.NORMALE, Map.of("DE_11_A_50", "1"))).isEqualTo(new BigDecimal("50.00"));
        } finally {
            Files.move(aside, jar);
            platform.reloadJars();
        }
        assertThat(montant("470", 2022, IccPeriode.NORMALE, Map.of("JUSQUA_600", "1"))).isEqualTo(new BigDecimal("173.00"));
    }
}
