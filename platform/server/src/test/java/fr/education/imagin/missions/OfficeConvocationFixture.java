package fr.education.imagin.missions;

import fr.education.imagin.core.security.AccountProvisioning;
import fr.education.imagin.core.security.Role;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import static fr.education.imagin.testkit.TestSql.single;

/**
 * Rows of its own in Toulouse for the office's convocations, made once per test JVM: the exam
 * centre {@code 0319985P} (with a mail address, its chef {@value #CHEF}), the gestionnaire
 * {@value #GESTIONNAIRE}, an exam of next year's session and, per test class, missions held in that
 * centre with the people the office designated on them ({@link #mission}, {@link #person},
 * {@link #designate}). Nothing here reads the demo rows.
 */
final class OfficeConvocationFixture {

    static final String CENTRE = "0319985P";
    static final String CENTRE_MAIL = "ce.0319985p@ac-toulouse.fr";
    static final String GESTIONNAIRE = "gest.zzoffice";
    static final String CHEF = "ce.zzoffice";
    static final String PASSWORD = "imagin-demo";
    static final int YEAR = LocalDate.now().getYear() + 1;
    static final LocalDate DAY_ONE = LocalDate.of(YEAR, 6, 16);

    private static long session;
    private static long epreuve;
    private static boolean created;

    private OfficeConvocationFixture() {
    }

    static synchronized void create() {
        if (created) {
            return;
        }
        TestSql.inSchema("t_toulouse", st -> {
            st.execute("""
                    insert into etablissement (uai, nom, categorie, commune, mail, centre_examen)
                    values ('%s', 'LYCEE DES CONVOCATIONS', 'LGT', 'TOULOUSE', '%s', true)""".formatted(CENTRE, CENTRE_MAIL));
            st.execute("insert into examen (code, sigle, libelle, famille) values ('T85', 'TCV', 'EXAMEN CONVOCATIONS OFFICE', 'AUTRE')");
            session = single(st, "insert into session_examen (examen_code, annee, libelle) values ('T85', %d, 'T85, TCV, %1$d ,TEST %1$d')"
                    .formatted(YEAR) + " returning id");
            epreuve = single(st, "select id from epreuve_option order by id limit 1");
        });
        AccountProvisioning accounts = new AccountProvisioning(SharedPlatform.get().database().jdbc());
        accounts.createIfAbsent(GESTIONNAIRE, PASSWORD, "Gestionnaire des convocations", Role.GESTIONNAIRE, "toulouse", List.of());
        accounts.createIfAbsent(CHEF, PASSWORD, "Chef du lycée des convocations", Role.CHEF_ETABLISSEMENT, "toulouse", List.of(CENTRE));
        created = true;
    }

    /**
     * A mission of {@code type} held in the centre over three days from {@link #DAY_ONE}, targeted
     * for the establishments' convocations, with the mission's days set.
     */
    static long mission(Statement st, String numero, String type) throws SQLException {
        long id = single(st, """
                insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin,
                                     convocation_etablissement, affectation_cyclades_terminee, observation_convocation)
                values ('%s', '%s', %d, %d, '%s', date '%s', date '%s', true, true, 'Se munir d''une pièce d''identité.')
                returning id""".formatted(numero, type, session, epreuve, CENTRE, DAY_ONE, DAY_ONE.plusDays(2)));
        st.execute("insert into mission_jour (mission_id, jour) select " + id + ", d::date from generate_series(date '"
                + DAY_ONE + "', date '" + DAY_ONE.plusDays(2) + "', interval '1 day') d");
        return id;
    }

    /** A person working principally in the centre; {@code mail} may be empty. */
    static long person(Statement st, String numen, String civilite, String nom, String prenom, String mail) throws SQLException {
        long id = single(st, """
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, mail_pro)
                values ('%s', '%s', '%s', '%s', date '1975-03-04', 'LETTRES', '%s') returning id"""
                .formatted(numen, civilite, nom, prenom, mail));
        st.execute("insert into lieu_exercice (personnel_id, uai, principal) values (" + id + ", '" + CENTRE + "', true)");
        return id;
    }

    /** The office designates {@code person} on {@code mission} (statut AFFECTEE); {@code commission} may be null. */
    static long designate(Statement st, long mission, long person, String qualite, Long commission) throws SQLException {
        return single(st, """
                insert into affectation (mission_id, personnel_id, qualite, commission_id, statut, auteur)
                values (%d, %d, '%s', %s, 'AFFECTEE', 'ACADEMIE') returning id"""
                .formatted(mission, person, qualite, commission == null ? "null" : commission.toString()));
    }
}
