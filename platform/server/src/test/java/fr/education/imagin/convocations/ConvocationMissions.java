package fr.education.imagin.convocations;

import fr.education.imagin.testkit.TestSql;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static fr.education.imagin.testkit.TestSql.single;
import static fr.education.imagin.testkit.TestSql.text;

/**
 * Missions of next year's session made for these tests in Toulouse, once per test JVM, all held
 * in the LPO 0310038Y unless said: ZZCONV-ORD targeted by the office for establishment
 * convocation (three days, one office convocation), ZZCONV-COEC and ZZCONV-INEC of the ec-ece
 * plugin (open by default; INEC not yet assigned in Cyclades), ZZCONV-HORS not targeted, and
 * ZZCONV-AILLEURS targeted but held in another centre. Persons ZZCONV-1…4 work in the LPO;
 * ZZCONV-R's home académie is Rennes, where the same NUMEN exists.
 */
final class ConvocationMissions {

    static final String CENTRE = "0310038Y";
    static final int YEAR = LocalDate.now().getYear() + 1;
    static final LocalDate DAY_ONE = LocalDate.of(YEAR, 6, 14);

    static long ordinaire;
    static long coec;
    static long inec;
    static long horsCible;
    static long ailleurs;
    static long convocationBureau;
    static long[] personnes = new long[4];
    static long rennais;
    private static boolean created;

    private ConvocationMissions() {
    }

    static synchronized void create() {
        if (created) {
            return;
        }
        TestSql.inSchema("t_toulouse", ConvocationMissions::insert);
        TestSql.inSchema("t_rennes", st -> st.execute("""
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                values ('ZZCONV-R', 'Mme', 'ZZCONVRENNES', 'Rozenn', date '1975-05-05', 'PHILOSOPHIE')"""));
        created = true;
    }

    private static void insert(Statement st) throws SQLException {
        st.execute("""
                insert into session_examen (examen_code, annee, libelle)
                select '470', %d, 'BGT %1$d' where not exists (select 1 from session_examen where examen_code = '470' and annee = %1$d)"""
                .formatted(YEAR));
        long session = single(st, "select id from session_examen where examen_code = '470' and annee = " + YEAR);
        String other = text(st, "select uai from etablissement where uai <> '" + CENTRE + "' and centre_examen order by uai limit 1");
        st.execute("""
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, mail_pro, mail_perso)
                values ('ZZCONV-1', 'Mme', 'ZZCONVOC-UN', 'Élodie', date '1970-01-01', 'ZZDISCIPLINE', 'elodie.un@ac-toulouse.fr', 'elodie@example.org'),
                       ('ZZCONV-2', 'M.', 'ZZCONVOC-DEUX', 'Bruno', date '1971-01-01', 'ZZDISCIPLINE', '', 'bruno@example.org'),
                       ('ZZCONV-3', 'Mme', 'ZZCONVOC-TROIS', 'Chloé', date '1972-01-01', 'ANGLAIS', '', ''),
                       ('ZZCONV-4', 'M.', 'ZZCONVOC-QUATRE', 'Denis', date '1973-01-01', 'ESPAGNOL', 'denis@ac-toulouse.fr', '')""");
        st.execute("insert into lieu_exercice (personnel_id, uai, principal) select id, '" + CENTRE
                + "', true from personnel where numen like 'ZZCONV-_'");
        for (int i = 0; i < 4; i++) {
            personnes[i] = single(st, "select id from personnel where numen = 'ZZCONV-" + (i + 1) + "'");
        }
        st.execute("""
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, mail_pro, academie_origine)
                values ('ZZCONV-R', 'Mme', 'ZZCONVRENNES', 'Rozenn', date '1975-05-05', 'PHILOSOPHIE', 'rozenn@ac-rennes.fr', 'rennes')""");
        rennais = single(st, "select id from personnel where numen = 'ZZCONV-R'");
        long epreuve = single(st, "select id from epreuve_option order by id limit 1");
        ordinaire = mission(st, "ZZCONV-ORD", "CORR", session, epreuve, CENTRE, true, true);
        coec = mission(st, "ZZCONV-COEC", "COEC", session, epreuve, CENTRE, false, true);
        inec = mission(st, "ZZCONV-INEC", "INEC", session, epreuve, CENTRE, false, false);
        horsCible = mission(st, "ZZCONV-HORS", "CORR", session, epreuve, CENTRE, false, true);
        ailleurs = mission(st, "ZZCONV-AILLEURS", "CORR", session, epreuve, other, true, true);
        // The office set two days on the COEC mission (CONV-6: its convocations take those only).
        st.execute("delete from mission_jour where mission_id = " + coec + " and jour = date '" + DAY_ONE.plusDays(2) + "'");
        convocationBureau = single(st, """
                insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                values (%d, %d, 'Correcteur', 'CONVOQUEE', 'ACADEMIE', now()) returning id""".formatted(ordinaire, personnes[3]));
        st.execute("""
                insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin)
                values (%d, date '%s', time '08:00', time '12:00')""".formatted(convocationBureau, DAY_ONE));
    }

    private static long mission(Statement st, String numero, String type, long session, long epreuve, String centre,
                                boolean cible, boolean cycladesTermine) throws SQLException {
        long id = single(st, """
                insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin,
                                     convocation_etablissement, affectation_cyclades_terminee, observation)
                values ('%s', '%s', %d, %d, '%s', date '%s', date '%s', %b, %b, 'Se munir d''une pièce d''identité.')
                returning id""".formatted(numero, type, session, epreuve, centre, DAY_ONE, DAY_ONE.plusDays(2), cible, cycladesTermine));
        st.execute("insert into mission_jour (mission_id, jour) select " + id + ", d::date from generate_series(date '"
                + DAY_ONE + "', date '" + DAY_ONE.plusDays(2) + "', interval '1 day') d");
        return id;
    }
}
