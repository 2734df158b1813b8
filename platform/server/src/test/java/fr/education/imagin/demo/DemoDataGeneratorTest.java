package fr.education.imagin.demo;

import fr.education.imagin.core.menu.Activity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDataGeneratorTest {

    private static final AcademyProfile TOULOUSE = new AcademyProfile("toulouse", "031",
            List.of("Toulouse", "Colomiers", "Muret", "Blagnac", "Saint-Gaudens", "Tournefeuille", "Balma",
                    "L'Union", "Revel", "Villefranche-de-Lauragais"));
    private static final SharedCentre SHARED =
            new SharedCentre("0820021C", "LYCEE POLYVALENT ANTOINE BOURDELLE", "LPO", "Toulouse");
    private static final long SEED = 20240611L;

    private static EmbeddedPostgres pg;
    private static DataSource ds;
    private static LoadReport demoReport;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        ds = pg.getPostgresDatabase();
        for (String schema : List.of("t_test", "t_twin", "t_fail", "t_other_seed")) {
            migrate(schema);
        }
        try (Connection c = ds.getConnection()) {
            demoReport = new DemoDataGenerator(SEED).generate(c, "t_test", TOULOUSE, DemoSize.demo(), List.of(SHARED));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    private static void migrate(String schema) {
        Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true)
                .locations("classpath:db/tenant").load().migrate();
    }

    private static long count(String schema, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema);
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String string(String schema, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema);
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<String> strings(String schema, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    @Test
    void countsAreInTheExpectedRanges() throws SQLException {
        assertThat(count("t_test", "select count(*) from etablissement")).isEqualTo(41);
        assertThat(count("t_test", "select count(*) from personnel")).isEqualTo(600);
        assertThat(count("t_test", "select count(*) from mission")).isEqualTo(300);
        assertThat(count("t_test", "select count(*) from affectation")).isBetween(2_900L, 3_000L);
        assertThat(count("t_test", "select count(*) from lieu_exercice")).isBetween(640L, 720L);
        assertThat(count("t_test", "select count(*) from enseignement")).isBetween(1_000L, 1_400L);
        assertThat(count("t_test", "select count(distinct personnel_id) from indisponibilite")).isBetween(30L, 100L);
        assertThat(count("t_test", "select count(*) from affectation_creneau")).isGreaterThan(3_000L);
        assertThat(count("t_test", "select count(*) from competence_auteur where type_auteur = 'SYS'")).isGreaterThan(600L);
        assertThat(count("t_test", "select count(*) from activite")).isEqualTo(Activity.values().length);
        assertThat(count("t_test", "select count(*) from activite where not ouverte")).as("every activity open in the demo").isZero();
        assertThat(count("t_test", "select count(*) from icc_taux")).isEqualTo(30);
        assertThat(count("t_test", "select count(*) from type_mission where plugin_id = 'ec-ece'")).isEqualTo(4);
        assertThat(count("t_test", "select count(*) from session_examen")).isEqualTo(40);
        assertThat(count("t_test", "select count(*) from examen")).isEqualTo(8);
        assertThat(count("t_test", "select count(*) from etablissement where categorie = 'RECTORAT'")).isEqualTo(1);
        assertThat(count("t_test", "select count(*) from etablissement where categorie = 'COLLEGE'")).isBetween(18L, 26L);
        assertThat(count("t_test", "select count(*) from etablissement where categorie = 'EREA'")).isGreaterThanOrEqualTo(1);
        assertThat(count("t_test", "select count(*) from etablissement where centre_numerisation")).isGreaterThanOrEqualTo(1);
        assertThat(demoReport.rows()).isEqualTo(count("t_test", """
                select (select count(*) from etablissement) + (select count(*) from personnel)
                     + (select count(*) from lieu_exercice) + (select count(*) from enseignement)
                     + (select count(*) from indisponibilite) + (select count(*) from competence_auteur)
                     + (select count(*) from examen) + (select count(*) from session_examen)
                     + (select count(*) from specialite) + (select count(*) from epreuve_option)
                     + (select count(*) from type_mission) + (select count(*) from mission)
                     + (select count(*) from mission_jour) + (select count(*) from commission)
                     + (select count(*) from commission_jour) + (select count(*) from jury)
                     + (select count(*) from affectation) + (select count(*) from affectation_creneau)
                     + (select count(*) from signature) + (select count(*) from activite)
                     + (select count(*) from icc_taux) + (select count(*) from service_fait)
                     + (select count(*) from frais)"""));
        assertThat(demoReport.rowsPerSecond()).isPositive();
    }

    @Test
    void everyPersonHasExactlyOnePrincipalWorkplace() throws SQLException {
        assertThat(count("t_test", """
                select count(*) from personnel p
                where (select count(*) from lieu_exercice l where l.personnel_id = p.id and l.principal) <> 1""")).isZero();
        long secondary = count("t_test", "select count(*) from lieu_exercice where not principal");
        assertThat(secondary).isBetween(50L, 130L);
        assertThat(count("t_test", """
                select count(*) from lieu_exercice l join etablissement e using (uai) where e.categorie = 'RECTORAT'""")).isZero();
    }

    @Test
    void identifiersAreWellFormed() throws SQLException {
        assertThat(count("t_test", "select count(*) from etablissement where uai !~ '^[0-9]{7}[A-Z]$'")).isZero();
        assertThat(count("t_test", "select count(*) from etablissement where uai not like '031%' and uai <> '0820021C'")).isZero();
        assertThat(count("t_test", "select count(*) from personnel where numen !~ '^[0-9]{2}[A-Z][0-9]{7}[A-Z]{3}$'")).isZero();
        assertThat(count("t_test", "select count(distinct mail_pro) from personnel")).isEqualTo(600);
        assertThat(count("t_test", "select count(*) from personnel where mail_pro !~ '^[a-z0-9.-]+@ac-toulouse\\.fr$'")).isZero();
        assertThat(count("t_test", "select count(*) from mission where numero !~ '^[0-9]{6}$'")).isZero();
        assertThat(count("t_test", "select count(*) from personnel where date_naissance not between '1960-01-01' and '1998-12-31'")).isZero();
        assertThat(count("t_test", "select count(*) from personnel where nom ~ '[ÉÈÊèéêëàâîïôöûüç]' or prenom ~ '[ÉÈÊèéêëàâîïôöûüç]'"))
                .isPositive();
        assertThat(string("t_test", "select nom from etablissement where categorie = 'RECTORAT'"))
                .isEqualTo("RECTORAT DE L'ACADEMIE DE TOULOUSE");
        assertThat(strings("t_test", "select libelle from session_examen where examen_code = '470' order by annee").get(0))
                .matches("470, BCG, \\d{4} ,BGT \\d{4}");
    }

    @Test
    void sharedCentreIsAnExamCentre() throws SQLException {
        assertThat(count("t_test", "select count(*) from etablissement where uai = '0820021C' and centre_examen "
                + "and nom = 'LYCEE POLYVALENT ANTOINE BOURDELLE' and categorie = 'LPO' and commune = 'Toulouse'"))
                .isEqualTo(1);
        assertThat(count("t_test", "select count(*) from signature where uai = '0820021C' and role = 'CENTRE'")).isEqualTo(1);
    }

    @Test
    void missionsAreConsistent() throws SQLException {
        // one mission_jour per day of the mission, but for the office days of a COEC (a part of its period)
        assertThat(count("t_test", """
                select count(*) from mission m
                where (select count(*) from mission_jour j where j.mission_id = m.id) <> m.date_fin - m.date_debut + 1
                  and m.type_code <> 'COEC'""")).isZero();
        assertThat(count("t_test", """
                select count(*) from mission m
                where not exists (select 1 from mission_jour j where j.mission_id = m.id)
                   or exists (select 1 from mission_jour j where j.mission_id = m.id and j.jour not between m.date_debut and m.date_fin)"""))
                .isZero();
        // épreuve of the session's exam
        assertThat(count("t_test", """
                select count(*) from mission m join session_examen s on s.id = m.session_id
                join epreuve_option e on e.id = m.epreuve_option_id join specialite sp on sp.id = e.specialite_id
                where sp.examen_code <> s.examen_code""")).isZero();
        // in an exam centre; missions over the past and the future
        assertThat(count("t_test", """
                select count(*) from mission m join etablissement e on e.uai = m.centre_uai where not e.centre_examen""")).isZero();
        assertThat(count("t_test", "select count(*) from mission where date_debut < current_date")).isPositive();
        assertThat(count("t_test", "select count(*) from mission where date_debut > current_date")).isPositive();
        // EC types always targeted for establishment convocation and signed by the establishment
        assertThat(count("t_test", """
                select count(*) from mission where type_code in ('COEC', 'INEC', 'PRECE', 'SSCAN')
                and (not convocation_etablissement or signature <> 'ETABLISSEMENT')""")).isZero();
        assertThat(count("t_test", "select count(distinct type_code) from mission")).isGreaterThanOrEqualTo(8);
        assertThat(count("t_test", "select count(*) from mission where observation = "
                + "'Réunion d''harmonisation le dernier jour à 14h00.' || chr(10) || 'Remise des bordereaux de notation avant 17h00.'"))
                .as("multi-line observations survive the COPY escaping").isPositive();
        // commission days within the mission
        assertThat(count("t_test", """
                select count(*) from commission_jour cj join commission c on c.id = cj.commission_id
                where not exists (select 1 from mission_jour mj where mj.mission_id = c.mission_id and mj.jour = cj.jour)""")).isZero();
        long withCommissions = count("t_test", "select count(distinct mission_id) from commission");
        assertThat(withCommissions).isBetween(45L, 140L);
        assertThat(count("t_test", "select count(distinct mission_id) from jury")).isBetween(25L, 100L);
    }

    @Test
    void affectationsAreUniqueAndMixed() throws SQLException {
        assertThat(count("t_test", "select count(*) - count(distinct (mission_id, personnel_id)) from affectation")).isZero();
        assertThat(strings("t_test", "select distinct statut from affectation order by 1"))
                .containsExactly("AFFECTEE", "CONVOQUEE", "CONVOQUEE_PAR_CENTRE");
        assertThat(count("t_test", "select count(*) from affectation where (statut = 'AFFECTEE') <> (convoquee_le is null)")).isZero();
        assertThat(count("t_test", "select count(*) from affectation where (statut = 'CONVOQUEE_PAR_CENTRE') <> (auteur = 'CENTRE')")).isZero();
        long total = count("t_test", "select count(*) from affectation");
        long convoquees = count("t_test", "select count(*) from affectation where statut = 'CONVOQUEE'");
        assertThat((double) convoquees / total).isBetween(0.5, 0.85);
        // commission / jury belong to the affectation's mission; creneaux on mission days
        assertThat(count("t_test", """
                select count(*) from affectation a join commission c on c.id = a.commission_id where c.mission_id <> a.mission_id""")).isZero();
        assertThat(count("t_test", """
                select count(*) from affectation a join jury j on j.id = a.jury_id where j.mission_id <> a.mission_id""")).isZero();
        assertThat(count("t_test", """
                select count(*) from affectation_creneau ac join affectation a on a.id = ac.affectation_id
                where not exists (select 1 from mission_jour mj where mj.mission_id = a.mission_id and mj.jour = ac.jour)""")).isZero();
        assertThat(count("t_test", "select count(*) from affectation a where not exists "
                + "(select 1 from affectation_creneau c where c.affectation_id = a.id)")).isZero();
        // mostly people whose discipline teaches the épreuve's matière
        long withMatiere = count("t_test", """
                select count(*) from affectation a join mission m on m.id = a.mission_id
                join epreuve_option e on e.id = m.epreuve_option_id where e.matiere_enseignement is not null""");
        long matching = count("t_test", """
                select count(*) from affectation a join mission m on m.id = a.mission_id
                join epreuve_option e on e.id = m.epreuve_option_id
                where exists (select 1 from enseignement en where en.personnel_id = a.personnel_id
                              and en.matiere = e.matiere_enseignement)""");
        assertThat((double) matching / withMatiere).isGreaterThan(0.5);
        // CONV-9: nobody is convened on an INEC mission Cyclades has not released
        if (count("t_test", "select count(*) from information_schema.columns where table_schema = 't_test' "
                + "and table_name = 'mission' and column_name = 'affectation_cyclades_terminee'") == 1) {
            assertThat(count("t_test", """
                    select count(*) from affectation a join mission m on m.id = a.mission_id
                    where not m.affectation_cyclades_terminee and a.statut <> 'AFFECTEE'""")).isZero();
        }
        // every jury has exactly one president on JURY missions
        assertThat(count("t_test", """
                select count(*) from jury j join mission m on m.id = j.mission_id
                where m.type_code = 'JURY' and exists (select 1 from affectation a where a.jury_id = j.id)
                and (select count(*) from affectation a where a.jury_id = j.id and a.qualite = 'Président de jury') <> 1""")).isZero();
    }

    @Test
    void demoCentresHaveWhatTheirConvocationScreensNeed() throws SQLException {
        String lycee = string("t_test", DemoSeeder.DEMO_LYCEE);
        int year = LocalDate.now().getYear();
        for (String uai : List.of("0820021C", lycee)) {
            String missions = """
                    mission m join session_examen s on s.id = m.session_id
                    where m.centre_uai = '%s' and s.annee = %d and %s""";
            String next = missions.formatted(uai, year + 1, "%s");
            String current = missions.formatted(uai, year, "%s");
            // N+1, open to the centre's convocations (CONV-1): each kind of the guide
            assertThat(strings("t_test", "select distinct m.type_code from " + next.formatted("m.convocation_etablissement")))
                    .as(uai).contains("CORR", "ORAL", "COEC", "INEC", "SSCAN", "PRECE");
            // an ordinary one targeted by the office, with commissions on some of its days and juries
            assertThat(count("t_test", "select count(*) from " + next.formatted("""
                    m.type_code = 'CORR' and m.convocation_etablissement and m.signature = 'CENTRE'
                    and (select count(*) from commission c where c.mission_id = m.id) >= 2
                    and exists (select 1 from commission c join commission_jour cj on cj.commission_id = c.id where c.mission_id = m.id)
                    and exists (select 1 from jury j where j.mission_id = m.id)
                    and exists (select 1 from affectation a where a.mission_id = m.id and a.statut = 'AFFECTEE')"""))).isPositive();
            // a COEC whose office days are a part of its period
            assertThat(count("t_test", "select count(*) from " + next.formatted("""
                    m.type_code = 'COEC'
                    and (select count(*) from mission_jour j where j.mission_id = m.id) < m.date_fin - m.date_debut + 1"""))).isPositive();
            // an INEC Cyclades has not released, nobody convened (CONV-9)
            assertThat(count("t_test", "select count(*) from " + next.formatted("""
                    m.type_code = 'INEC' and not m.affectation_cyclades_terminee
                    and not exists (select 1 from affectation a where a.mission_id = m.id)"""))).isPositive();
            // convocations of both authors in N+1 and in N, on missions the centre may convene to
            for (String missionsOfYear : List.of(next, current)) {
                assertThat(strings("t_test", "select distinct a.statut || ' ' || a.auteur from affectation a, "
                        + missionsOfYear.formatted("m.convocation_etablissement and a.mission_id = m.id") + " order by 1"))
                        .as(uai).contains("CONVOQUEE ACADEMIE", "CONVOQUEE_PAR_CENTRE CENTRE");
            }
            // N: convened missions for "Consultation des missions", one centre convocation whose expense is processed
            assertThat(count("t_test", "select count(*) from " + current.formatted(
                    "exists (select 1 from affectation a where a.mission_id = m.id and a.statut <> 'AFFECTEE')"))).isGreaterThanOrEqualTo(3);
            assertThat(count("t_test", "select count(*) from frais f join affectation a on a.id = f.affectation_id, "
                    + current.formatted("a.mission_id = m.id and a.auteur = 'CENTRE' and f.statut = 'VALIDE'"))).isEqualTo(1);
            // the centre convenes its own teachers
            assertThat(count("t_test", "select count(*) from affectation a, " + next.formatted("""
                    a.mission_id = m.id and a.auteur = 'CENTRE'
                    and not exists (select 1 from lieu_exercice l where l.personnel_id = a.personnel_id and l.uai = m.centre_uai)""")))
                    .isZero();
        }
    }

    @Test
    void visitingStaffAreTheSamePersonsInBothAcademies() throws SQLException {
        migrate("t_home");
        migrate("t_host");
        List<VisitingStaff> visits = List.of(new VisitingStaff("rennes", "toulouse"));
        AcademyProfile rennes = new AcademyProfile("rennes", "035", List.of("Rennes", "Saint-Malo", "Fougères", "Vitré"));
        try (Connection c = ds.getConnection()) {
            new DemoDataGenerator(SEED).generate(c, "t_home", rennes, DemoSize.demo(), List.of(), visits);
            new DemoDataGenerator(SEED).generate(c, "t_host", TOULOUSE, DemoSize.demo(), List.of(SHARED), visits);
        }
        String numens = "'" + String.join("', '", VisitingStaff.PEOPLE.stream().map(VisitingStaff.Person::numen).toList()) + "'";
        int visitors = VisitingStaff.PEOPLE.size();
        // INDISPO-4 matching: from Rennes in Toulouse, the same NUMEN (and person) at home
        assertThat(count("t_host", """
                select count(*) from t_host.personnel h join t_home.personnel r using (numen)
                where h.academie_origine = 'rennes' and r.academie_origine is null and h.nom = r.nom and h.prenom = r.prenom
                  and h.date_naissance = r.date_naissance and h.mail_pro = r.mail_pro and r.mail_pro like '%@ac-rennes.fr'"""))
                .isEqualTo(visitors);
        assertThat(count("t_host", "select count(*) from personnel where academie_origine is not null")).isEqualTo(visitors);
        // at home they work in the demo lycée; in Toulouse nowhere, and nobody convened them yet
        String lycee = string("t_home", DemoSeeder.DEMO_LYCEE);
        assertThat(count("t_home", "select count(*) from lieu_exercice l join personnel p on p.id = l.personnel_id "
                + "where l.principal and l.uai = '" + lycee + "' and p.numen in (" + numens + ")")).isEqualTo(visitors);
        assertThat(count("t_host", "select count(*) from lieu_exercice l join personnel p on p.id = l.personnel_id "
                + "where p.numen in (" + numens + ")")).isZero();
        assertThat(count("t_host", "select count(*) from affectation a join personnel p on p.id = a.personnel_id "
                + "where p.numen in (" + numens + ")")).isZero();
        assertThat(count("t_home", "select count(*) from personnel")).isEqualTo(600 + visitors);
        assertThat(count("t_host", "select last_value from personnel_id_seq")).isEqualTo(600 + visitors);
    }

    @Test
    void indisponibilitesRespectOrigins() throws SQLException {
        assertThat(strings("t_test", "select distinct origine from indisponibilite order by 1"))
                .containsExactly("AUTRE_ACADEMIE", "EPP", "ETABLISSEMENT", "SIRHEN");
        // A convocation by another académie leaves its recap, naming another académie than this one.
        assertThat(count("t_test", "select count(*) from indisponibilite where origine = 'AUTRE_ACADEMIE'"
                + " and (convocation is null or academie_convocation is null or academie_convocation = 'toulouse'"
                + " or jsonb_array_length(convocation -> 'creneaux') = 0)")).isZero();
        assertThat(count("t_test", """
                select count(*) from indisponibilite i where origine = 'ETABLISSEMENT' and declarant_uai <>
                (select uai from lieu_exercice l where l.personnel_id = i.personnel_id and l.principal)""")).isZero();
        assertThat(count("t_test", "select count(*) from indisponibilite where debut < now()")).isPositive();
        assertThat(count("t_test", "select count(*) from indisponibilite where debut > now()")).isPositive();
    }

    @Test
    void everyExamHasItsManagersMailOnTheAcademysDomain() throws SQLException {
        assertThat(count("t_test", "select count(*) from examen where gestionnaire_mail is null")).isZero();
        assertThat(count("t_test", "select count(*) from examen where gestionnaire_mail !~ '^ce\\.[a-z]+@ac-toulouse\\.fr$'")).isZero();
        assertThat(strings("t_test", "select code || ' ' || gestionnaire_mail from examen order by code")).containsExactly(
                "100 ce.dnb@ac-toulouse.fr", "320 ce.bts@ac-toulouse.fr", "400 ce.bacpro@ac-toulouse.fr",
                "430 ce.bac@ac-toulouse.fr", "43A ce.bac@ac-toulouse.fr", "470 ce.bac@ac-toulouse.fr",
                "47A ce.bac@ac-toulouse.fr", "500 ce.cap@ac-toulouse.fr");
        // An académie whose contact is not on ac-<code>.fr: its managers share the contact's domain.
        AcademyProfile siec = new AcademyProfile("siec", "075", List.of("PARIS"), "dec@siec.education.fr");
        assertThat(new GenerationContext(1, siec, DemoSize.demo(), null, null).contactDomain()).isEqualTo("siec.education.fr");
        assertThat(ReferenceDataGenerator.managerMailbox("BAC_GENERAL") + "@" + "siec.education.fr")
                .isEqualTo("ce.bac@siec.education.fr");
        assertThatThrownBy(() -> new AcademyProfile("siec", "075", List.of("PARIS"), "pas une adresse"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sequencesContinueAfterTheGeneratedIds() throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("set local search_path to t_test");
            try (ResultSet rs = st.executeQuery("""
                    insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                    values ('99Z9999999ZZZ', 'Mme', 'Test', 'Test', '1980-01-01', 'ANGLAIS') returning id""")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(601);
            }
            try (ResultSet rs = st.executeQuery("select nextval(pg_get_serial_sequence('affectation', 'id')) > (select max(id) from affectation)")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
            c.rollback();
        }
    }

    @Test
    void sameSeedGivesTheSameRows() throws SQLException {
        try (Connection c = ds.getConnection()) {
            new DemoDataGenerator(SEED).generate(c, "t_twin", TOULOUSE, DemoSize.demo(), List.of(SHARED));
            new DemoDataGenerator(SEED + 1).generate(c, "t_other_seed", TOULOUSE, DemoSize.demo(), List.of(SHARED));
        }
        String[] checks = {
            "select md5(string_agg(t::text, ',' order by numen)) from personnel t",
            "select md5(string_agg(t::text, ',' order by uai)) from etablissement t",
            "select md5(string_agg(t::text, ',' order by id)) from mission t",
            "select md5(string_agg(t::text, ',' order by id)) from affectation t",
            "select md5(string_agg(t::text, ',' order by affectation_id, jour)) from affectation_creneau t",
            "select md5(string_agg(t::text, ',' order by id)) from indisponibilite t",
            "select md5(string_agg(t::text, ',' order by personnel_id, epreuve_option_id, auteur)) from competence_auteur t",
            "select md5(string_agg(t::text, ',' order by code)) from examen t",
        };
        for (String check : checks) {
            assertThat(string("t_twin", check)).as(check).isEqualTo(string("t_test", check));
        }
        assertThat(string("t_other_seed", checks[0])).isNotEqualTo(string("t_test", checks[0]));
    }

    @Test
    void nonEmptySchemaIsRefused() throws SQLException {
        try (Connection c = ds.getConnection()) {
            assertThatThrownBy(() -> new DemoDataGenerator(1).generate(c, "t_test", TOULOUSE, DemoSize.demo(), List.of()))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(count("t_test", "select count(*) from personnel")).isEqualTo(600);
    }

    @Test
    void failureLeavesNothingBehind() throws SQLException {
        try (Connection c = ds.getConnection()) {
            assertThatThrownBy(() -> new DemoDataGenerator(SEED).generate(c, "t_fail", TOULOUSE, DemoSize.demo(),
                    List.of(new SharedCentre("BAD", "LYCEE FANTOME", "LGT", "Toulouse"))))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(count("t_fail", "select count(*) from etablissement")).isZero();
        assertThat(count("t_fail", "select count(*) from activite")).isZero();
        assertThat(count("t_fail", "select count(*) from personnel")).isZero();
    }

    @Test
    @EnabledIfSystemProperty(named = "imagin.demo.scale", matches = "[0-9.]+")
    void measureScaled() throws SQLException {
        double factor = Double.parseDouble(System.getProperty("imagin.demo.scale"));
        migrate("t_scaled");
        try (Connection c = ds.getConnection()) {
            LoadReport r = new DemoDataGenerator(7).generate(c, "t_scaled", TOULOUSE, DemoSize.scaled(factor), List.of(SHARED));
            System.out.printf("scaled(%s): %d rows in %d ms = %.0f rows/s%n", factor, r.rows(), r.elapsed().toMillis(),
                    r.rowsPerSecond());
            for (String t : List.of("etablissement", "personnel", "lieu_exercice", "enseignement", "indisponibilite",
                    "competence_auteur", "mission", "mission_jour", "commission", "commission_jour", "jury",
                    "affectation", "affectation_creneau", "signature")) {
                System.out.printf("  %-20s %,d%n", t, count("t_scaled", "select count(*) from " + t));
            }
        }
    }
}
