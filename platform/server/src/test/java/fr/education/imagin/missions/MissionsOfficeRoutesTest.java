package fr.education.imagin.missions;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static fr.education.imagin.testkit.TestSql.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Missions de l'académie" through HTTP on the demo platform: the office lists every mission of
 * its académie, opens one, changes its dates, observations and CONV-1 targeting in one audited
 * write, and is refused, with nothing changed, dates that would leave out a convened day.
 */
class MissionsOfficeRoutesTest {

    private static final String PATH = "/toulouse/administration/missions/";
    private static String base;
    private static long mission;
    private static Browser office;

    @BeforeAll
    static void arrange() {
        base = SharedPlatform.baseUrl();
        TestSql.inSchema("t_toulouse", st -> {
            // A centre of its own: the demo centres' lists, counted by other tests, stay as they are.
            st.execute("insert into etablissement (uai, nom, categorie, commune, centre_examen) values ('0319981K', 'LYCEE DES MISSIONS', 'LGT', 'TOULOUSE', true)");
            st.execute("insert into examen (code, sigle, libelle, famille) values ('T81', 'TMO', 'EXAMEN MISSIONS OFFICE', 'AUTRE')");
            st.execute("insert into session_examen (examen_code, annee, libelle) values ('T81', 2026, 'T81, TMO, 2026 ,TEST 2026')");
            mission = single(st, """
                    insert into mission (numero, type_code, session_id, centre_uai, date_debut, date_fin, candidats_attendus)
                    select 'OFFICE-M1', (select code from type_mission order by code limit 1), s.id, '0319981K',
                           date '2026-06-10', date '2026-06-12', 42
                    from session_examen s where s.examen_code = 'T81' returning id""");
            long personnel = single(st, """
                    insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                    values ('OFFICE-MISSIONS-1', 'Mme', 'DESIGNEE', 'Alice', date '1980-02-03', 'LETTRES') returning id""");
            long affectation = single(st, """
                    insert into affectation (mission_id, personnel_id, statut, auteur, qualite, convoquee_le)
                    values (%d, %d, 'CONVOQUEE', 'ACADEMIE', 'Examinateur', now()) returning id""".formatted(mission, personnel));
            st.execute("insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin) values (%d, date '2026-06-11', time '08:00', time '12:00')"
                    .formatted(affectation));
        });
        office = new Browser();
        assertThat(office.login(base, "toulouse", "gest.toulouse", "imagin-demo").statusCode()).isEqualTo(302);
    }

    @Test
    void theOfficeListsEveryMissionOfItsAcademyWithItsCounts() {
        HttpResponse<String> list = office.get(base + PATH + "?annee=2026&examen=T81");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Missions de l&#39;académie", "OFFICE-M1", "0319981K - LYCEE DES MISSIONS", "10/06/2026", "12/06/2026",
                ">42<", "href=\"" + PATH + mission);
        String csv = new String(office.download(base + PATH + "export.csv?annee=2026&examen=T81").body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("OFFICE-M1").contains("Désignés").contains("Convoqués");
    }

    @Test
    void theDetailShowsTheMissionAndTheDesignatedPeople() {
        HttpResponse<String> detail = office.get(base + PATH + mission);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("Mission n° OFFICE-M1", "T81, TMO, 2026", "DESIGNEE", "Alice",
                "Examinateur", "Convoqué", "value=\"10/06/2026\"");
        assertThat(office.get(base + PATH + "999999999").statusCode()).isEqualTo(404);
        assertThat(office.get(base + PATH + "pas-un-id").statusCode()).isEqualTo(404);
    }

    @Test
    void theOfficeSetsDatesObservationsAndConvocationByTheEstablishmentInOneAuditedWrite() {
        HttpResponse<String> saved = office.submit(base + PATH + mission, base + PATH + mission, Map.of(
                "debut", "09/06/2026", "fin", "13/06/2026", "observation", "Salle 12 <b>",
                "observationConvocation", "Se munir d'une pièce d'identité", "convocationEtablissement", "oui"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(row()).isEqualTo("2026-06-09|2026-06-13|Salle 12 <b>|Se munir d'une pièce d'identité|t");
        assertThat(TestSql.count("select count(*) from platform.audit where action = 'MISSION_MODIFIEE' and detail like 'OFFICE-M1 : du 09/06/2026 au 13/06/2026%'"))
                .isEqualTo(1);
        HttpResponse<String> page = office.get(base + PATH + mission);
        assertThat(page.body()).contains("La mission OFFICE-M1 est enregistrée", "Salle 12 &lt;b&gt;").doesNotContain("Salle 12 <b>");

        office.submit(base + PATH + mission, base + PATH + mission, Map.of("debut", "10/06/2026", "fin", "12/06/2026",
                "observation", "", "observationConvocation", ""));
        assertThat(row()).isEqualTo("2026-06-10|2026-06-12|||f");
    }

    @Test
    void datesLeavingOutAConvenedDayOrMalformedAreRefusedAndChangeNothing() {
        String before = row();
        HttpResponse<String> outside = office.submit(base + PATH + mission, base + PATH + mission, Map.of(
                "debut", "12/06/2026", "fin", "12/06/2026", "observation", "changée", "observationConvocation", ""));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("le 11/06/2026, en dehors de ces dates", "fr-input-group--error",
                "aria-describedby=\"debut-erreur\"", "value=\"12/06/2026\"");
        assertThat(row()).isEqualTo(before);

        HttpResponse<String> malformed = office.submit(base + PATH + mission, base + PATH + mission, Map.of(
                "debut", "31/02/2026", "fin", "12/06/2026", "observation", "", "observationConvocation", ""));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("La date de début « 31/02/2026 » n&#39;existe pas.");
        HttpResponse<String> reversed = office.submit(base + PATH + mission, base + PATH + mission, Map.of(
                "debut", "12/06/2026", "fin", "10/06/2026", "observation", "", "observationConvocation", ""));
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("La date de fin ne peut pas précéder la date de début.");
        assertThat(row()).isEqualTo(before);
    }

    @Test
    void onlyTheAcademysOfficeGetsIn() {
        Browser chef = new Browser();
        assertThat(chef.login(base, "toulouse", "ce.0310974r", "imagin-demo").statusCode()).isEqualTo(302);
        assertThat(chef.get(base + PATH).statusCode()).isEqualTo(403);
        assertThat(chef.get(base + PATH + mission).statusCode()).isEqualTo(403);
        assertThat(chef.submit(base + "/toulouse/", base + PATH + mission, Map.of("debut", "10/06/2026", "fin", "12/06/2026"))
                .statusCode()).isEqualTo(403);
        chef.quit(base, "toulouse");
        Browser rennes = new Browser();
        assertThat(rennes.login(base, "rennes", "gest.rennes", "imagin-demo").statusCode()).isEqualTo(302);
        assertThat(rennes.get(base + PATH).statusCode()).isEqualTo(403);
    }

    private static String row() {
        String[] row = new String[1];
        TestSql.inSchema("t_toulouse", st -> row[0] = TestSql.text(st, "select date_debut || '|' || date_fin || '|' || observation"
                + " || '|' || observation_convocation || '|' || case when convocation_etablissement then 't' else 'f' end"
                + " from mission where id = " + mission));
        return row[0];
    }
}
