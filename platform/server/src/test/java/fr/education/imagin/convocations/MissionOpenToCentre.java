package fr.education.imagin.convocations;

import fr.education.imagin.testkit.TestSql;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static fr.education.imagin.testkit.TestSql.single;
import static fr.education.imagin.testkit.TestSql.text;

/**
 * A mission of Toulouse made for the "Convocation par mission" browser tests, once per test JVM: ZZPARCOURS-1,
 * an oral ("ORAL", a type no plugin contributes: the office's qualités, the mission's dates, no
 * "Saisie sur la mission" question) held in the LPO 0310038Y next year, targeted for convocation
 * by the establishment, on three days, without commission and nobody convened. With it, a person
 * of another establishment to find by name (with a professional mail address) and two teachers
 * of the centre in a discipline nobody else has. Names share keywords no one else has.
 */
final class MissionOpenToCentre {

    static final String CENTRE = "0310038Y";
    static final String NUMERO = "ZZPARCOURS-1";
    static final int YEAR = LocalDate.now().getYear() + 1;
    static final LocalDate DAY_ONE = LocalDate.of(YEAR, 6, 14);
    static final String NOM = "ZZPARCOURS-NOM";
    static final String PRENOM = "Élodie";
    static final String MAIL = "elodie.zzparcours@ac-toulouse.fr";
    static final String DISCIPLINE = "ZZPARCOURSDISC LETTRES";

    static long mission;
    static long person;
    static long teacherB;
    static long teacherC;
    private static boolean created;

    private MissionOpenToCentre() {
    }

    static synchronized void create() {
        if (created) {
            return;
        }
        TestSql.inSchema("t_toulouse", MissionOpenToCentre::insert);
        created = true;
    }

    private static void insert(Statement st) throws SQLException {
        long session = single(st, "select id from session_examen where annee = " + YEAR + " order by id limit 1");
        String other = text(st, "select uai from etablissement where uai <> '" + CENTRE + "' order by uai limit 1");
        person = single(st, """
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, mail_pro)
                values ('ZZPARC-A', 'Mme', '%s', '%s', date '1974-03-02', 'LETTRES MODERNES', '%s') returning id"""
                .formatted(NOM, PRENOM, MAIL));
        st.execute("insert into lieu_exercice (personnel_id, uai, principal) values (" + person + ", '" + other + "', true)");
        teacherB = single(st, """
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                values ('ZZPARC-B', 'M.', 'ZZPARCOURS-PROF-B', 'Bastien', date '1980-01-01', '%s') returning id"""
                .formatted(DISCIPLINE));
        teacherC = single(st, """
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                values ('ZZPARC-C', 'Mme', 'ZZPARCOURS-PROF-C', 'Céline', date '1982-01-01', '%s') returning id"""
                .formatted(DISCIPLINE));
        st.execute("insert into lieu_exercice (personnel_id, uai, principal) values (" + teacherB + ", '" + CENTRE + "', true), ("
                + teacherC + ", '" + CENTRE + "', true)");
        mission = single(st, """
                insert into mission (numero, type_code, session_id, centre_uai, date_debut, date_fin, convocation_etablissement)
                values ('%s', 'ORAL', %d, '%s', date '%s', date '%s', true) returning id"""
                .formatted(NUMERO, session, CENTRE, DAY_ONE, DAY_ONE.plusDays(2)));
        st.execute("insert into mission_jour (mission_id, jour) select " + mission + ", d::date from generate_series(date '"
                + DAY_ONE + "', date '" + DAY_ONE.plusDays(2) + "', interval '1 day') d");
    }
}
