package fr.education.imagin.frais;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static fr.education.imagin.testkit.TestSql.single;

/**
 * Expenses made for the office's tests in Toulouse, in a session of their own (exam ZZF) so that
 * its counts are the tests' alone: the correction mission ZZFRA-ECRIT of the centre 0310038Y, done
 * last week, with four convened people whose constat the tests record through the CSF screens; a
 * surveillance mission ZZFRA-SURV with a 4,5-hour expense; and a transmitted ICC of the centre
 * (two lines, 1268,00 € and 69,74 €) sent through {@link FraisService#transmettreIcc} as the ICC
 * screens will. One of the people is named "=ZZFRA-FORMULE" (a spreadsheet formula).
 */
final class FraisFixture {

    static final String CENTRE = "0310038Y";
    static final LocalDate PAST = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).getDayOfYear() > 12
            ? LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusDays(10)
            : LocalDate.now(java.time.ZoneId.of("Europe/Paris")).withDayOfYear(1);
    static final int YEAR = PAST.getYear();
    static final String SESSION_LIBELLE = "ZZFRA session " + YEAR;

    static long session;
    static long ecrit;
    static long surv;
    static long saisie;
    /** People ZZFRA-1 … 4 and their affectations on ZZFRA-ECRIT. */
    static final long[] personnes = new long[4];
    static final long[] affectations = new long[4];
    static long survAffectation;
    private static boolean created;

    private FraisFixture() {
    }

    static synchronized void create() {
        if (created) {
            return;
        }
        TestSql.inSchema("t_toulouse", FraisFixture::insert);
        transmettre(saisie);
        created = true;
    }

    /** "Transmettre" of the ICC screens: the saisie's lines become expenses, in one transaction. */
    static void transmettre(long saisieId) {
        TenantSql sql = new TenantSql(SharedPlatform.get().database().pool());
        Tenant toulouse = SharedPlatform.get().tenants().active("toulouse").orElseThrow();
        try {
            sql.inTenant(toulouse, conn -> new FraisService().transmettreIcc(conn, saisieId))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(Statement st) throws SQLException {
        st.execute("insert into examen (code, sigle, libelle, famille) values ('ZZF', 'ZZFRA', 'FRAIS ZZ', 'AUTRE') on conflict do nothing");
        session = single(st, "insert into session_examen (examen_code, annee, libelle) values ('ZZF', " + YEAR + ", '"
                + SESSION_LIBELLE + "') returning id");
        st.execute("""
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                values ('ZZFRA-1', 'Mme', 'ZZFRA-UN', 'Anne', date '1970-01-01', 'LETTRES'),
                       ('ZZFRA-2', 'M.', 'ZZFRA-DEUX', 'Bernard', date '1971-01-01', 'LETTRES'),
                       ('ZZFRA-3', 'Mme', '=ZZFRA-FORMULE', 'Claire', date '1972-01-01', 'LETTRES'),
                       ('ZZFRA-4', 'M.', 'ZZFRA-QUATRE', 'Didier', date '1973-01-01', 'LETTRES')""");
        st.execute("insert into lieu_exercice (personnel_id, uai, principal) select id, '" + CENTRE
                + "', true from personnel where numen like 'ZZFRA-_'");
        for (int i = 0; i < 4; i++) {
            personnes[i] = single(st, "select id from personnel where numen = 'ZZFRA-" + (i + 1) + "'");
        }
        ecrit = mission(st, "ZZFRA-ECRIT", "CORR");
        surv = mission(st, "ZZFRA-SURV", "SURV");
        for (int i = 0; i < 4; i++) {
            affectations[i] = single(st, """
                    insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                    values (%d, %d, 'Correcteur', 'CONVOQUEE', 'ACADEMIE', now()) returning id""".formatted(ecrit, personnes[i]));
        }
        survAffectation = single(st, """
                insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                values (%d, %d, 'Surveillant', 'CONVOQUEE', 'ACADEMIE', now()) returning id""".formatted(surv, personnes[3]));
        st.execute("insert into service_fait (affectation_id, fait, heures, saisi_par) values (" + survAffectation + ", true, 4.5, 'ce.0310038y')");
        st.execute("""
                insert into frais (nature, session_id, personnel_id, affectation_id, unite, quantite)
                values ('REMUNERATION', %d, %d, %d, 'HEURES', 4.5)""".formatted(session, personnes[3], survAffectation));
        saisie = single(st, """
                insert into icc_saisie (uai, session_id, periode, premier_jour, statut, montant_global, transmis_le)
                values ('%s', %d, 'NORMALE', date '%s', 'TRANSMIS', 1337.74, now()) returning id""".formatted(CENTRE, session, PAST));
        st.execute("""
                insert into icc_repartition (saisie_id, personnel_id, pourcentage, montant)
                values (%1$d, %2$d, null, 1268.00), (%1$d, %3$d, 5.5, 69.74)""".formatted(saisie, personnes[0], personnes[1]));
    }

    private static long mission(Statement st, String numero, String type) throws SQLException {
        return single(st, """
                insert into mission (numero, type_code, session_id, centre_uai, date_debut, date_fin, candidats_attendus)
                values ('%s', '%s', %d, '%s', date '%s', date '%5$s', 40) returning id""".formatted(numero, type, session, CENTRE, PAST));
    }

    /** The ICC "suivi de traitement" as the ICC screens read it. */
    static String suivi() {
        return text("select " + FraisService.SUIVI_ICC + " from icc_saisie s where s.id = " + saisie);
    }

    static String text(String sql) {
        String[] out = new String[1];
        TestSql.inSchema("t_toulouse", st -> out[0] = TestSql.text(st, sql));
        return out[0];
    }

    /** The expense's id for a person's remuneration on an affectation, or ICC line of a person. */
    static long remuneration(long affectation) {
        return TestSql.count("select id from t_toulouse.frais where affectation_id = " + affectation);
    }

    static long icc(long personne) {
        return TestSql.count("select id from t_toulouse.frais where icc_saisie_id = " + saisie + " and personnel_id = " + personne);
    }

    static String statut(long frais) {
        return text("select statut || ':' || coalesce(motif, '') || ':' || coalesce(traite_par, '') from frais where id = " + frais);
    }
}
