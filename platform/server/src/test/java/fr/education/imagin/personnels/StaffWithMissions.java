package fr.education.imagin.personnels;

import fr.education.imagin.testkit.SharedPlatform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Two people of the LPO 0310038Y (Toulouse) made for the tests, once per test JVM: A teaches
 * twice and has a convened mission this year (two time slots, a commission) and an assigned,
 * not convened one two years ago; B has neither. Their names share a keyword no one else has.
 */
final class StaffWithMissions {

    static final String KEYWORD = "zzexportmission";
    static final int YEAR = LocalDate.now().getYear();
    static final LocalDate DAY_ONE = LocalDate.of(YEAR, 6, 16);
    private static boolean created;

    private StaffWithMissions() {
    }

    static synchronized void create() {
        if (created) {
            return;
        }
        try {
            insert();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        created = true;
    }

    private static void insert() throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("set search_path to t_toulouse");
            st.execute("""
                    insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, adresse,
                                           code_postal, commune, tel_perso, tel_pro)
                    values ('EXPMIS-A', 'Mme', 'ZZEXPORTMISSION-A', 'Zoé', date '1975-05-04', 'MATHÉMATIQUES',
                            '3 rue des Écoles', '31000', 'TOULOUSE', '05 61 00 00 01', '05 61 00 00 02'),
                           ('EXPMIS-B', 'M.', 'ZZEXPORTMISSION-B', 'Loïc', date '1981-01-02', 'ANGLAIS', '', '', '', '', '')""");
            st.execute("""
                    insert into lieu_exercice (personnel_id, uai, principal)
                    select id, '0310038Y', true from personnel where numen in ('EXPMIS-A', 'EXPMIS-B')""");
            st.execute("""
                    insert into enseignement (personnel_id, uai, matiere, modalite, mef, type_mef, structure)
                    select id, '0310038Y', m, 'COURS', '2212010011', 'SECONDE', s from personnel,
                           (values ('MATHÉMATIQUES', '2NDE1'), ('SCIENCES NUMÉRIQUES', '2NDE4')) v(m, s)
                    where numen = 'EXPMIS-A'""");
            st.execute("""
                    insert into mission (numero, type_code, session_id, centre_uai, date_debut, date_fin, observation)
                    select n, (select code from type_mission order by code limit 1),
                           (select id from session_examen order by id limit 1), '0310038Y', d, d + 1, 'Se présenter à l''accueil.'
                    from (values ('EXP-M1', date '%1$s'), ('EXP-M2', date '%2$s')) v(n, d)"""
                    .formatted(DAY_ONE, LocalDate.of(YEAR - 2, 3, 10)));
            st.execute("insert into commission (mission_id, code) select id, 'COM1' from mission where numero = 'EXP-M1'");
            st.execute("""
                    insert into affectation (mission_id, personnel_id, qualite, commission_id, statut, auteur, convoquee_le)
                    select m.id, p.id, 'Interrogateur', (select id from commission where mission_id = m.id),
                           case when m.numero = 'EXP-M1' then 'CONVOQUEE' else 'AFFECTEE' end, 'ACADEMIE',
                           case when m.numero = 'EXP-M1' then now() end
                    from mission m, personnel p where m.numero in ('EXP-M1', 'EXP-M2') and p.numen = 'EXPMIS-A'""");
            st.execute("""
                    insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin)
                    select a.id, j, h1, h2 from affectation a join mission m on m.id = a.mission_id,
                           (values (date '%1$s', time '09:00', time '12:00'), (date '%1$s' + 1, time '14:00', time '17:00')) v(j, h1, h2)
                    where m.numero = 'EXP-M1'""".formatted(DAY_ONE));
        }
    }
}
