package fr.education.imagin.core.menu;

import fr.education.imagin.core.security.AccountProvisioning;
import fr.education.imagin.core.security.Role;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static fr.education.imagin.testkit.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An activity opened for a period: reachable within it, refused before and after it (the menu
 * and the guard read the same state), a period whose start follows its end refused with nothing
 * changed. On the "siec" académie, put back as it was whatever happens.
 */
class ActivityPeriodTest {

    private static final String PAGE = "/siec/administration/activites";
    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void anActivityIsReachableOnlyWithinItsPeriod() throws Exception {
        String base = SharedPlatform.baseUrl();
        String[] uai = new String[1];
        TestSql.inSchema("t_siec", st -> uai[0] = TestSql.text(st, "select min(uai) from etablissement where categorie = 'COLLEGE'"));
        new AccountProvisioning(SharedPlatform.get().database().jdbc()).createIfAbsent("ce.periode.siec", "imagin-demo",
                "Chef période", Role.CHEF_ETABLISSEMENT, "siec", List.of(uai[0]));
        Browser office = new Browser();
        assertThat(office.login(base, "siec", "gest.siec", "imagin-demo").statusCode()).isEqualTo(302);
        Browser chef = new Browser();
        assertThat(chef.login(base, "siec", "ce.periode.siec", "imagin-demo").statusCode()).isEqualTo(302);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        try {
            assertThat(chef.get(base + "/siec/competences/").statusCode()).isEqualTo(200);

            office.submit(base + PAGE, base + PAGE + "/periode", Map.of("code", "competences",
                    "du", today.plusDays(1).format(FR), "au", today.plusDays(30).format(FR)));
            assertThat(office.get(base + PAGE).body()).contains("Hors période")
                    .contains("est ouverte du " + today.plusDays(1).format(FR) + " jusqu&#39;au " + today.plusDays(30).format(FR));
            assertThat(chef.get(base + "/siec/competences/").statusCode()).as("before its period").isEqualTo(403);

            office.submit(base + PAGE, base + PAGE + "/periode", Map.of("code", "competences",
                    "du", today.minusDays(10).format(FR), "au", today.format(FR)));
            assertThat(chef.get(base + "/siec/competences/").statusCode()).as("its last day").isEqualTo(200);

            office.submit(base + PAGE, base + PAGE + "/periode", Map.of("code", "competences",
                    "du", today.format(FR), "au", today.minusDays(1).format(FR)));
            assertThat(office.get(base + PAGE).body()).contains("La date d&#39;ouverture doit précéder la date de fermeture");
            assertThat(count("select count(*) from t_siec.activite where code = 'competences' and ouverte_au = date '" + today + "'"))
                    .as("unchanged").isEqualTo(1);
            assertThat(count("select count(*) from platform.audit where action = 'ACTIVITE_PERIODE' and tenant_code = 'siec'"))
                    .isGreaterThanOrEqualTo(2);

            office.submit(base + PAGE, base + PAGE + "/periode", Map.of("code", "competences",
                    "du", today.minusDays(10).format(FR), "au", today.minusDays(1).format(FR)));
            assertThat(chef.get(base + "/siec/competences/").statusCode()).as("after its period").isEqualTo(403);
        } finally {
            office.submit(base + PAGE, base + PAGE + "/periode", Map.of("code", "competences", "du", "", "au", ""));
        }
        assertThat(office.get(base + PAGE).body()).contains("n&#39;a plus de période d&#39;ouverture");
        assertThat(chef.get(base + "/siec/competences/").statusCode()).isEqualTo(200);
    }
}
