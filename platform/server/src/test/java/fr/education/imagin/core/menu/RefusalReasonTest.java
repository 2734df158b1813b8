package fr.education.imagin.core.menu;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 point 4: each 403 of an activity says its real reason. A lycée visiting the SIEC is
 * an exam centre there: it is refused the SIEC's establishment activities for being a visitor,
 * never for not being a centre; a real non-centre keeps its own reason.
 */
class RefusalReasonTest {

    private static final Establishment CENTRE = new Establishment("0310038Y", "LYCEE", "TOULOUSE", true);
    private static final Establishment COLLEGE = new Establishment("0310001A", "COLLEGE", "TOULOUSE", false);
    private static final String NOT_A_CENTRE = "réservée aux établissements centres d'examen";

    @Test
    void eachRefusalSaysItsOwnReason() {
        WorkContext visiting = new WorkContext(Optional.of(CENTRE), Map.of(), true);
        assertThat(visiting.refusal(Activity.PERSONNELS)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("« Consultation des personnels »", "s'utilise dans l'académie de votre établissement",
                        "est centre d'examen", "« Centre Examen »")
                .doesNotContain(NOT_A_CENTRE);
        assertThat(visiting.refusal(Activity.AUTRES_ACADEMIES)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("s'utilise depuis l'académie de votre établissement").doesNotContain(NOT_A_CENTRE);
        assertThat(visiting.refusal(Activity.MISSIONS)).isEmpty();

        WorkContext college = new WorkContext(Optional.of(COLLEGE), Map.of(), false);
        assertThat(college.refusal(Activity.MISSIONS)).hasValue(
                "L'activité « Consultation des missions » est réservée aux établissements centres d'examen.");
        assertThat(college.refusal(Activity.PERSONNELS)).isEmpty();

        WorkContext office = new WorkContext(Optional.empty(), Map.of(), false);
        assertThat(office.refusal(Activity.PERSONNELS)).hasValue(
                "L'activité « Consultation des personnels » est réservée aux établissements.");
    }

    @Test
    void aVisitingCentresForbiddenPageNamesTheVisitNotAMissingCentre() {
        String base = SharedPlatform.baseUrl();
        Browser lycee = new Browser();
        assertThat(lycee.login(base, "toulouse", "ce.0310038y", "imagin-demo").statusCode()).isEqualTo(302);
        try {
            assertThat(lycee.get(base + "/siec/").statusCode()).isEqualTo(200);
            HttpResponse<String> personnels = lycee.get(base + "/siec/personnels/");
            assertThat(personnels.statusCode()).isEqualTo(403);
            assertThat(personnels.body()).contains("Accès refusé", "dans cette académie, votre établissement est centre d&#39;examen")
                    .doesNotContain("réservée aux établissements centres d&#39;examen", NOT_A_CENTRE);
            HttpResponse<String> autres = lycee.get(base + "/siec/autres-academies/");
            assertThat(autres.statusCode()).isEqualTo(403);
            assertThat(autres.body()).contains("depuis l&#39;académie de votre établissement")
                    .doesNotContain("réservée aux établissements centres d&#39;examen", NOT_A_CENTRE);
        } finally {
            lycee.quit(base, "toulouse");
        }
    }
}
