package fr.education.imagin.missions;

import fr.education.imagin.testkit.TestSql;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static fr.education.imagin.testkit.TestSql.single;
import static fr.education.imagin.testkit.TestSql.text;

/**
 * Missions made for the tests in Toulouse, once per test JVM, in this year's session of an exam:
 * ZZMIS-1 held in the LPO 0310038Y with three convened intervenants (a vice-président of jury
 * J-01 on commission C-01, one convened by the centre on specific days, one on the whole
 * mission) and one only assigned; ZZMIS-2 held there with only an assigned one; ZZMIS-3 held in
 * another centre with a convened one. Their names share a keyword no one else has.
 */
final class CentreMissions {

    static final String CENTRE = "0310038Y";
    static final String KEYWORD = "zzmissioncentre";
    static final int YEAR = LocalDate.now().getYear();
    static final LocalDate DAY_ONE = LocalDate.of(YEAR, 6, 22);

    static long mission;
    static long notConvened;
    static long elsewhere;
    static long president;
    static long byCentre;
    static long whole;
    static long assigned;
    static long elsewhereAffectation;
    static String examen;
    private static boolean created;

    private CentreMissions() {
    }

    static synchronized void create() {
        if (created) {
            return;
        }
        TestSql.inSchema("t_toulouse", CentreMissions::insert);
        created = true;
    }

    private static void insert(Statement st) throws SQLException {
        long session = single(st, "select id from session_examen where annee = " + YEAR + " order by id limit 1");
        examen = text(st, "select examen_code from session_examen where id = " + session);
        String other = text(st, "select uai from etablissement where uai <> '" + CENTRE + "' order by uai limit 1");
        st.execute("""
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, tel_perso, tel_pro)
                values ('ZZMIS-A', 'Mme', 'ZZMISSIONCENTRE-A', 'Anaïs', date '1970-01-01', 'LETTRES', '06 00 00 00 01', '05 00 00 00 01'),
                       ('ZZMIS-B', 'M.', 'ZZMISSIONCENTRE-B', 'Bruno', date '1971-01-01', 'HISTOIRE', '', ''),
                       ('ZZMIS-C', 'Mme', 'ZZMISSIONCENTRE-C', 'Chloé', date '1972-01-01', 'ANGLAIS', '', ''),
                       ('ZZMIS-D', 'M.', 'ZZMISSIONCENTRE-D', 'Denis', date '1973-01-01', 'ESPAGNOL', '', '')""");
        st.execute("insert into lieu_exercice (personnel_id, uai, principal) select id, '" + CENTRE
                + "', true from personnel where numen like 'ZZMIS-%'");
        st.execute("""
                insert into mission (numero, type_code, session_id, centre_uai, date_debut, date_fin, observation)
                select n, (select code from type_mission order by code limit 1), %1$d, c, d, d + 2, ''
                from (values ('ZZMIS-1', '%2$s', date '%4$s'), ('ZZMIS-2', '%2$s', date '%4$s'), ('ZZMIS-3', '%3$s', date '%4$s')) v(n, c, d)"""
                .formatted(session, CENTRE, other, DAY_ONE));
        mission = single(st, "select id from mission where numero = 'ZZMIS-1'");
        notConvened = single(st, "select id from mission where numero = 'ZZMIS-2'");
        elsewhere = single(st, "select id from mission where numero = 'ZZMIS-3'");
        st.execute("insert into commission (mission_id, code, salle) values (" + mission + ", 'C-01', 'B12')");
        st.execute("insert into jury (mission_id, code) values (" + mission + ", 'J-01')");
        president = single(st, """
                insert into affectation (mission_id, personnel_id, qualite, commission_id, jury_id, observation, statut, auteur, convoquee_le)
                select %d, p.id, 'Vice-président', (select id from commission where code = 'C-01' and mission_id = %1$d),
                       (select id from jury where code = 'J-01' and mission_id = %1$d), 'Apporter les sujets.', 'CONVOQUEE', 'ACADEMIE', now()
                from personnel p where numen = 'ZZMIS-A' returning id""".formatted(mission));
        byCentre = single(st, """
                insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                select %d, id, 'Examinateur', 'CONVOQUEE_PAR_CENTRE', 'CENTRE', now() from personnel where numen = 'ZZMIS-B'
                returning id""".formatted(mission));
        st.execute("""
                insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin)
                values (%d, date '%s', time '08:00', time '18:30')""".formatted(byCentre, DAY_ONE.plusDays(1)));
        whole = single(st, """
                insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                select %d, id, 'Examinateur', 'CONVOQUEE', 'ACADEMIE', now() from personnel where numen = 'ZZMIS-C'
                returning id""".formatted(mission));
        assigned = single(st, """
                insert into affectation (mission_id, personnel_id, qualite, statut, auteur)
                select %d, id, 'Examinateur', 'AFFECTEE', 'ACADEMIE' from personnel where numen = 'ZZMIS-D'
                returning id""".formatted(mission));
        st.execute("""
                insert into affectation (mission_id, personnel_id, qualite, statut, auteur)
                select %d, id, 'Examinateur', 'AFFECTEE', 'ACADEMIE' from personnel where numen = 'ZZMIS-D'""".formatted(notConvened));
        elsewhereAffectation = single(st, """
                insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                select %d, id, 'Examinateur', 'CONVOQUEE', 'ACADEMIE', now() from personnel where numen = 'ZZMIS-A'
                returning id""".formatted(elsewhere));
    }
}
