package fr.education.imagin.servicefait;

import fr.education.imagin.testkit.TestSql;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static fr.education.imagin.testkit.TestSql.single;
import static fr.education.imagin.testkit.TestSql.text;

/**
 * Missions made for the CSF tests in Toulouse, once per test JVM, held in the LPO 0310038Y unless
 * said, all starting in the current year when the calendar allows (else the previous one):
 * ZZCSF-ECRIT (correction, done, three convened, one of whom has an expense the office validated,
 * and one person only assigned), ZZCSF-ORAL2 (oral of the 2nd group of the bac général, done),
 * ZZCSF-SURV (surveillance, done), ZZCSF-PRAT (practical, begun yesterday, ends tomorrow),
 * ZZCSF-FUTUR (correction to come), ZZCSF-CONSTATEE (done, its one convened person recorded),
 * ZZCSF-JURY (jury without remuneration), and the ones the CSF leaves out: ZZCSF-COEC
 * (dematerialised correction), ZZCSF-CONCOURS (a concours) and ZZCSF-AILLEURS (another centre).
 */
final class ServiceFaitMissions {

    static final String CENTRE = "0310038Y";
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    /** A done mission's days: last week, or the year's first days if the year just began. */
    static final LocalDate PAST = TODAY.getDayOfYear() > 12 ? TODAY.minusDays(10) : TODAY.withDayOfYear(1);
    static final int YEAR = PAST.getYear();

    static long ecrit;
    static long oral2;
    static long surv;
    static long prat;
    static long futur;
    static long constatee;
    static long jury;
    static long coec;
    static long concours;
    static long ailleurs;
    static long[] personnes = new long[4];
    /** On ZZCSF-ECRIT: convened by the office, by the centre, the locked one, and one only assigned. */
    static long ecritBureau;
    static long ecritCentre;
    static long ecritVerrouille;
    static long ecritAffectee;
    static long oral2Convoque;
    static long survConvoque;
    static long pratConvoque;
    static long futurConvoque;
    static long juryConvoque;
    static long ailleursConvoque;
    private static boolean created;

    private ServiceFaitMissions() {
    }

    static synchronized void create() {
        if (created) {
            return;
        }
        TestSql.inSchema("t_toulouse", ServiceFaitMissions::insert);
        created = true;
    }

    private static long session(Statement st, String examen, int year) throws SQLException {
        st.execute("""
                insert into session_examen (examen_code, annee, libelle)
                select '%s', %d, '%1$s ZZ %2$d' where not exists (select 1 from session_examen where examen_code = '%1$s' and annee = %2$d)"""
                .formatted(examen, year));
        return single(st, "select id from session_examen where examen_code = '" + examen + "' and annee = " + year);
    }

    private static void insert(Statement st) throws SQLException {
        long bcg = session(st, "470", YEAR);
        long bcgNext = session(st, "470", TODAY.plusDays(40).getYear());
        long bcgNow = session(st, "470", TODAY.minusDays(1).getYear());
        st.execute("insert into examen (code, sigle, libelle, famille) values ('ZZC', 'ZZCONC', 'CONCOURS ZZ', 'CONCOURS') on conflict do nothing");
        long conc = session(st, "ZZC", YEAR);
        st.execute("""
                insert into type_mission (code, libelle, remuneration, second_groupe) values ('ORAL2', 'Oral 2nd groupe', 'ORAL', true)
                on conflict (code) do update set second_groupe = true""");
        String other = text(st, "select uai from etablissement where uai <> '" + CENTRE + "' and centre_examen order by uai limit 1");
        st.execute("""
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, tel_pro)
                values ('ZZCSF-1', 'Mme', 'ZZCSF-UN', 'Anne', date '1970-01-01', 'MATHEMATIQUES', '05 61 00 00 01'),
                       ('ZZCSF-2', 'M.', 'ZZCSF-DEUX', 'Bernard', date '1971-01-01', 'MATHEMATIQUES', ''),
                       ('ZZCSF-3', 'Mme', 'ZZCSF-TROIS', 'Claire', date '1972-01-01', 'MATHEMATIQUES', ''),
                       ('ZZCSF-4', 'M.', 'ZZCSF-QUATRE', 'Didier', date '1973-01-01', 'MATHEMATIQUES', '')""");
        st.execute("insert into lieu_exercice (personnel_id, uai, principal) select id, '" + CENTRE
                + "', true from personnel where numen like 'ZZCSF-_'");
        for (int i = 0; i < 4; i++) {
            personnes[i] = single(st, "select id from personnel where numen = 'ZZCSF-" + (i + 1) + "'");
        }
        long epreuve = single(st, "select id from epreuve_option order by id limit 1");
        ecrit = mission(st, "ZZCSF-ECRIT", "CORR", bcg, epreuve, CENTRE, PAST, PAST.plusDays(1), 42, true);
        oral2 = mission(st, "ZZCSF-ORAL2", "ORAL2", bcg, epreuve, CENTRE, PAST, PAST, 12, true);
        surv = mission(st, "ZZCSF-SURV", "SURV", bcg, epreuve, CENTRE, PAST, PAST, 0, true);
        prat = mission(st, "ZZCSF-PRAT", "PRAT", bcgNow, epreuve, CENTRE, TODAY.minusDays(1), TODAY.plusDays(1), 20, true);
        futur = mission(st, "ZZCSF-FUTUR", "CORR", bcgNext, epreuve, CENTRE, TODAY.plusDays(40), TODAY.plusDays(41), 30, true);
        constatee = mission(st, "ZZCSF-CONSTATEE", "CORR", bcg, epreuve, CENTRE, PAST, PAST, 10, true);
        jury = mission(st, "ZZCSF-JURY", "JURY", bcg, epreuve, CENTRE, PAST, PAST, 0, false);
        coec = mission(st, "ZZCSF-COEC", "COEC", bcg, epreuve, CENTRE, PAST, PAST, 10, true);
        concours = mission(st, "ZZCSF-CONCOURS", "CORR", conc, epreuve, CENTRE, PAST, PAST, 10, true);
        ailleurs = mission(st, "ZZCSF-AILLEURS", "CORR", bcg, epreuve, other, PAST, PAST, 10, true);

        ecritBureau = convoque(st, ecrit, personnes[0], "CONVOQUEE", "ACADEMIE");
        ecritCentre = convoque(st, ecrit, personnes[1], "CONVOQUEE_PAR_CENTRE", "CENTRE");
        ecritVerrouille = convoque(st, ecrit, personnes[2], "CONVOQUEE", "ACADEMIE");
        ecritAffectee = convoque(st, ecrit, personnes[3], "AFFECTEE", "ACADEMIE");
        st.execute("insert into service_fait (affectation_id, fait, nb_copies, saisi_par) values (" + ecritVerrouille + ", true, 25, 'ce.0310038y')");
        st.execute("""
                insert into frais (nature, session_id, personnel_id, affectation_id, unite, quantite, statut, traite_par, traite_le)
                values ('REMUNERATION', %d, %d, %d, 'COPIES', 25, 'VALIDE', 'gest.toulouse', now())""".formatted(bcg, personnes[2], ecritVerrouille));
        oral2Convoque = convoque(st, oral2, personnes[0], "CONVOQUEE", "ACADEMIE");
        survConvoque = convoque(st, surv, personnes[0], "CONVOQUEE", "ACADEMIE");
        pratConvoque = convoque(st, prat, personnes[0], "CONVOQUEE", "ACADEMIE");
        futurConvoque = convoque(st, futur, personnes[0], "CONVOQUEE", "ACADEMIE");
        juryConvoque = convoque(st, jury, personnes[0], "CONVOQUEE", "ACADEMIE");
        long recorded = convoque(st, constatee, personnes[1], "CONVOQUEE", "ACADEMIE");
        st.execute("insert into service_fait (affectation_id, fait, nb_copies, saisi_par) values (" + recorded + ", true, 10, 'ce.0310038y')");
        convoque(st, coec, personnes[0], "CONVOQUEE", "ACADEMIE");
        convoque(st, concours, personnes[0], "CONVOQUEE", "ACADEMIE");
        ailleursConvoque = convoque(st, ailleurs, personnes[3], "CONVOQUEE", "ACADEMIE");
    }

    private static long mission(Statement st, String numero, String type, long session, long epreuve, String centre,
                                LocalDate debut, LocalDate fin, int candidats, boolean remunere) throws SQLException {
        return single(st, """
                insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin,
                                     candidats_attendus, ouvre_droit_remuneration)
                values ('%s', '%s', %d, %d, '%s', date '%s', date '%s', %d, %b) returning id"""
                .formatted(numero, type, session, epreuve, centre, debut, fin, candidats, remunere));
    }

    private static long convoque(Statement st, long mission, long personne, String statut, String auteur) throws SQLException {
        return single(st, """
                insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                values (%d, %d, 'Correcteur', '%s', '%s', now()) returning id""".formatted(mission, personne, statut, auteur));
    }
}
