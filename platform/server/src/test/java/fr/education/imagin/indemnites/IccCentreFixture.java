package fr.education.imagin.indemnites;

import fr.education.imagin.testkit.TestSql;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static fr.education.imagin.testkit.TestSql.single;

/**
 * ICC fixtures in Toulouse, once per test JVM: the LPO 0310038Y is a centre of the current year's
 * sessions 430 (BTN, routes test), 47A (EA, browser test) and 320 (BTS) through missions of June;
 * four persons ZZICC-* to distribute among; the BAC daily rates of the year as the demo sets them.
 */
final class IccCentreFixture {

    static final String CENTRE = "0310038Y";
    static final int YEAR = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).getYear();

    static long btn;
    static long ea;
    static long bts;
    static long[] personnes = new long[4];
    private static boolean created;

    private IccCentreFixture() {
    }

    static synchronized void create() {
        if (created) {
            return;
        }
        TestSql.inSchema("t_toulouse", IccCentreFixture::insert);
        created = true;
    }

    private static long session(Statement st, String examen) throws SQLException {
        st.execute("""
                insert into session_examen (examen_code, annee, libelle)
                select x.code, %2$d, x.code || ', ' || x.sigle || ', ' || %2$d || ' ,ZZ ' || %2$d from examen x
                where x.code = '%1$s' and not exists (select 1 from session_examen where examen_code = '%1$s' and annee = %2$d)"""
                .formatted(examen, YEAR));
        return single(st, "select id from session_examen where examen_code = '" + examen + "' and annee = " + YEAR);
    }

    private static void insert(Statement st) throws SQLException {
        btn = session(st, "430");
        ea = session(st, "47A");
        bts = session(st, "320");
        for (String[] rate : new String[][]{{"BAC", "JUSQUA_600", "173.00"}, {"BAC", "PLUS_DE_600", "230.00"},
                {"BAC", "JOURS_SUPPLEMENTAIRES", "173.00"}, {"BTS", "DE_11_A_50", "50.00"}, {"BTS", "DE_51_A_100", "80.00"},
                {"BTS", "PLUS_DE_100", "150.00"}}) {
            st.execute("insert into icc_taux (scheme, annee, tranche_code, taux_journalier) values ('%s', %d, '%s', %s)"
                    .formatted(rate[0], YEAR, rate[1], rate[2]) + " on conflict (scheme, annee, tranche_code) do nothing");
        }
        st.execute("""
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                values ('ZZICC-1', 'Mme', 'ZZICC-UN', 'Roberta', date '1970-01-01', 'ESPAGNOL'),
                       ('ZZICC-2', 'M.', 'ZZICC-DEUX', 'Alexandre', date '1971-01-01', 'HISTOIRE GEOGRAPHIE'),
                       ('ZZICC-3', 'Mme', 'ZZICC-TROIS', 'Martha', date '1972-01-01', 'ANGLAIS'),
                       ('ZZICC-4', 'M.', 'ZZICC-QUATRE', 'Yves', date '1973-01-01', 'ANGLAIS')""");
        for (int i = 0; i < personnes.length; i++) {
            personnes[i] = single(st, "select id from personnel where numen = 'ZZICC-" + (i + 1) + "'");
        }
        long epreuve = single(st, "select id from epreuve_option order by id limit 1");
        LocalDate june = LocalDate.of(YEAR, 6, 15);
        mission(st, "ZZICC-BTN-1", btn, epreuve, june, june.plusDays(2));
        mission(st, "ZZICC-BTN-2", btn, epreuve, june.plusDays(5), june.plusDays(5));
        mission(st, "ZZICC-EA", ea, epreuve, june, june.plusDays(1));
        mission(st, "ZZICC-BTS", bts, epreuve, june, june);
    }

    private static void mission(Statement st, String numero, long session, long epreuve, LocalDate debut, LocalDate fin)
            throws SQLException {
        st.execute("""
                insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin, candidats_attendus)
                values ('%s', 'SURV', %d, %d, '%s', date '%s', date '%s', 120)""".formatted(numero, session, epreuve, CENTRE, debut, fin));
    }
}
