package fr.education.imagin.personnels;

import fr.education.imagin.Platform;
import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PERS-4: the detail's three tabs show exactly the person's convened affectations,
 * unavailabilities and teachings, and the info message counts the missions assigned but not yet
 * sent as convocations. The people are arranged here, so every assertion runs whatever the demo
 * data holds.
 */
class PersonnelDetailTabsTest {

    private static String base;
    private static String uai;
    private static Browser browser;

    @BeforeAll
    static void signIn() {
        Platform platform = SharedPlatform.get();
        DemoAccount chef = platform.demoAccounts().stream()
                .filter(a -> "rennes".equals(a.tenantCode()) && a.login().startsWith("ce.0")).findFirst().orElseThrow();
        uai = chef.uais().get(0);
        base = SharedPlatform.baseUrl();
        browser = new Browser();
        assertThat(browser.login(base, "rennes", chef.login(), "imagin-demo").statusCode()).isEqualTo(302);
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "rennes");
    }

    @Test
    void theTabsCountWhatTheDatabaseHoldsAndMentionMissionsNotYetConvened() throws SQLException {
        long person = arrange("ZZONGLETS-1", 1, 2, 1);
        HttpResponse<String> detail = browser.get(base + "/rennes/personnels/" + person);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body())
                .contains("Liste des affectations convoquées (1 ligne")
                .contains("Liste des indisponibilités (1 ligne")
                .contains("Liste des enseignements (0 ligne")
                .contains("2 missions sont attribuées à cette personne mais ne lui ont pas encore été envoyées en convocation")
                // the keyword filters stay hidden until tableau.js makes them work
                .contains("data-tableau-motcle hidden");
    }

    @Test
    void noMessageWhenEveryAssignedMissionWasConvened() throws SQLException {
        long person = arrange("ZZONGLETS-2", 2, 0, 0);
        HttpResponse<String> detail = browser.get(base + "/rennes/personnels/" + person);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("Liste des affectations convoquées (2 ligne")
                .doesNotContain("pas encore été envoyée");
    }

    /** Issue 11: the sentence agrees with the count, not "1 mission(s) sont". */
    @Test
    void oneMissionNotYetConvenedIsSaidInTheSingular() throws SQLException {
        long person = arrange("ZZONGLETS-3", 1, 1, 0);
        assertThat(browser.get(base + "/rennes/personnels/" + person).body())
                .contains("1 mission est attribuée à cette personne mais ne lui a pas encore été envoyée en convocation : "
                        + "elle apparaîtra ici une fois convoquée.")
                .doesNotContain("mission(s)");
    }

    /** A person of the chef's establishment with convened and merely assigned affectations on distinct missions. */
    private static long arrange(String numen, int convened, int assigned, int unavailabilities) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            long person;
            try (ResultSet rs = st.executeQuery("""
                    insert into t_rennes.personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                    values ('%s', 'Mme', 'ZZONGLETS', 'Alix', date '1980-01-01', 'ANGLAIS') returning id""".formatted(numen))) {
                rs.next();
                person = rs.getLong(1);
            }
            st.execute("insert into t_rennes.lieu_exercice (personnel_id, uai, principal) values (%d, '%s', true)"
                    .formatted(person, uai));
            st.execute("""
                    insert into t_rennes.affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                    select m.id, %d, 'Correcteur', case when row_number() over (order by m.id) <= %d then 'CONVOQUEE' else 'AFFECTEE' end,
                           'ACADEMIE', case when row_number() over (order by m.id) <= %d then now() end
                    from (select id from t_rennes.mission order by id limit %d) m""".formatted(person, convened, convened,
                    convened + assigned));
            for (int i = 0; i < unavailabilities; i++) {
                st.execute("""
                        insert into t_rennes.indisponibilite (personnel_id, debut, fin, motif, origine, declarant_uai)
                        values (%d, timestamp '2031-01-0%d 08:00', timestamp '2031-01-0%d 12:00', 'Onglets', 'ETABLISSEMENT', '%s')"""
                        .formatted(person, i + 1, i + 1, uai));
            }
            return person;
        }
    }
}
