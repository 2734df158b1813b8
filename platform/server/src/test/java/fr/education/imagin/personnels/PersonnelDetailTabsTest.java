package fr.education.imagin.personnels;

import fr.education.imagin.Platform;
import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PERS-4: the detail's three tabs show exactly the person's convened affectations, unavailabilities and teachings. */
class PersonnelDetailTabsTest {

    @Test
    void theTabsCountWhatTheDatabaseHoldsAndMentionMissionsNotYetConvened() throws SQLException {
        Platform platform = SharedPlatform.get();
        DemoAccount chef = platform.demoAccounts().stream()
                .filter(a -> "rennes".equals(a.tenantCode()) && a.login().startsWith("ce.0")).findFirst().orElseThrow();
        String uai = chef.uais().get(0);
        long[] person;
        try (Connection conn = SharedPlatform.jdbc();
             PreparedStatement query = conn.prepareStatement("""
                     select p.id,
                            (select count(*) from t_rennes.affectation a where a.personnel_id = p.id and a.statut <> 'AFFECTEE'),
                            (select count(*) from t_rennes.affectation a where a.personnel_id = p.id and a.statut = 'AFFECTEE'),
                            (select count(*) from t_rennes.indisponibilite i where i.personnel_id = p.id),
                            (select count(*) from t_rennes.enseignement n where n.personnel_id = p.id)
                     from t_rennes.personnel p join t_rennes.lieu_exercice l on l.personnel_id = p.id and l.uai = ?
                     order by 2 desc, 3 desc, p.id limit 1""")) {
            query.setString(1, uai);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                person = new long[]{rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)};
            }
        }
        assertThat(person[1]).as("demo data has convened staff in " + uai).isPositive();

        Browser browser = new Browser();
        String base = SharedPlatform.baseUrl();
        assertThat(browser.login(base, "rennes", chef.login(), "imagin-demo").statusCode()).isEqualTo(302);
        try {
            HttpResponse<String> detail = browser.get(base + "/rennes/personnels/" + person[0]);
            assertThat(detail.statusCode()).isEqualTo(200);
            assertThat(detail.body())
                    .contains("Liste des affectations convoquées (" + person[1] + " ligne")
                    .contains("Liste des indisponibilités (" + person[3] + " ligne")
                    .contains("Liste des enseignements (" + person[4] + " ligne")
                    // the keyword filters stay hidden until tableau.js makes them work
                    .contains("data-tableau-motcle hidden");
            if (person[2] > 0) {
                assertThat(detail.body()).contains(person[2] + " mission(s) sont attribuées à cette personne mais ne lui ont pas encore été envoyées en convocation");
            } else {
                assertThat(detail.body()).doesNotContain("pas encore été envoyées en convocation");
            }
        } finally {
            browser.submit(base + "/rennes/", base + "/rennes/quitter", Map.of());
        }
    }
}
