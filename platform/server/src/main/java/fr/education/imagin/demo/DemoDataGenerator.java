package fr.education.imagin.demo;

import fr.education.imagin.demo.GenerationContext.RandomStream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deterministic generator of a realistic académie: establishments, staff and their workplaces and
 * teachings, unavailabilities, the exam reference data, missions with their commissions and jurys,
 * affectations with their time slots, compétences, signatures, activities and ICC rates; in the exam
 * centres of the demo chefs, designed missions to try the centre's screens ({@link CentreScenario});
 * and the teachers another académie shares with this one ({@link VisitingStaff}).
 *
 * <p>Everything is bulk-loaded with PostgreSQL {@code COPY} in a single transaction; ids of the
 * {@code bigserial} tables are assigned here and the sequences moved past them at the end. The same
 * seed, size, profile, shared centres, visits and current date give the same rows.
 *
 * <p>This class runs the transaction; one generator per concern makes the rows, each with its own
 * random stream (see {@link GenerationContext.RandomStream}).
 */
public final class DemoDataGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataGenerator.class);

    /** The tables whose {@code bigserial} ids are assigned by the generators. */
    private static final List<String> SERIAL_TABLES = List.of("personnel", "enseignement", "indisponibilite",
            "session_examen", "specialite", "epreuve_option", "mission", "commission", "jury", "affectation");

    private final long seed;

    public DemoDataGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * Fills an EMPTY tenant schema. Runs in one transaction on {@code conn} (committed at the end,
     * rolled back on any failure); the connection's auto-commit mode is restored afterwards.
     *
     * @throws IllegalStateException if the schema already has establishments
     * @throws SQLException          on any database error (nothing is left behind)
     */
    public LoadReport generate(Connection conn, String schema, AcademyProfile profile, DemoSize size,
                               List<SharedCentre> sharedCentres) throws SQLException {
        return generate(conn, schema, profile, size, sharedCentres, List.of());
    }

    /**
     * As {@link #generate(Connection, String, AcademyProfile, DemoSize, List)}, with the
     * {@link VisitingStaff} of the visits where this académie is the home or the host (others are
     * ignored): generate both académies with the same visits.
     */
    public LoadReport generate(Connection conn, String schema, AcademyProfile profile, DemoSize size,
                               List<SharedCentre> sharedCentres, List<VisitingStaff> visits) throws SQLException {
        Objects.requireNonNull(conn, "conn");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(size, "size");
        List<SharedCentre> shared = sharedCentres == null ? List.of() : List.copyOf(sharedCentres);
        List<VisitingStaff> visiting = visits == null ? List.of() : List.copyOf(visits);
        long started = System.nanoTime();
        boolean autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(false);
        boolean committed = false;
        try {
            useEmptySchema(conn, schema);
            OptionalMissionColumns missionColumns = OptionalMissionColumns.of(conn, schema);
            BulkLoader loader = new BulkLoader(conn.unwrap(PGConnection.class).getCopyAPI());
            GenerationContext context = new GenerationContext(seed, profile, size, new DemoCalendar(LocalDate.now()), loader);
            load(context, shared, visiting, missionColumns);
            moveSequencesPastGeneratedIds(conn, loader);
            OfficeNeeds.apply(conn, schema);
            long analyzeMillis = analyze(conn, loader);
            conn.commit();
            committed = true;
            LoadReport report = new LoadReport(loader.totalRows(), Duration.ofNanos(System.nanoTime() - started));
            log(schema, profile, loader, report, analyzeMillis);
            return report;
        } finally {
            if (!committed) {
                try {
                    conn.rollback();
                } catch (SQLException e) {
                    LOG.atWarn().setCause(e).log("rollback of the demo data load failed");
                }
            }
            try {
                conn.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                if (committed) {
                    throw e;
                }
                LOG.atWarn().setCause(e).log("could not restore auto-commit after a failed demo data load");
            }
        }
    }

    /** Sets the transaction's search path to {@code schema} and checks that it has no data yet. */
    private static void useEmptySchema(Connection conn, String schema) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select set_config('search_path', ?, true)")) {
            ps.setString(1, '"' + schema.replace("\"", "\"\"") + '"');
            ps.executeQuery().close();
        }
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("select exists (select 1 from etablissement)")) {
            rs.next();
            if (rs.getBoolean(1)) {
                throw new IllegalStateException("schema " + schema + " already has establishments; demo data needs an empty tenant");
            }
        }
    }

    /** The generators in foreign-key order (each table after the tables it references). */
    private static void load(GenerationContext context, List<SharedCentre> shared, List<VisitingStaff> visits,
                             OptionalMissionColumns missionColumns) throws SQLException {
        Communes communes = Communes.generate(context.profile(), context.random(RandomStream.COMMUNES));
        Etablissements etablissements = new EtablissementGenerator(context, communes, shared).generate();
        ExamReference exams = new ReferenceDataGenerator(context).generate();
        Personnels personnels = new PersonnelGenerator(context, communes, etablissements).generate();
        new EnseignementGenerator(context, etablissements, personnels).generate();
        new IndisponibiliteGenerator(context, etablissements, personnels).generate();
        new CompetenceGenerator(context, etablissements, personnels, exams).generate();
        // The demo centres' designed missions are part of the size asked for, written after the random ones.
        CentreScenario scenario = new CentreScenario(context, etablissements, personnels, exams, missionColumns);
        Missions missions = new MissionPlanner(context, etablissements, exams, missionColumns)
                .plan(context.size().missions() - scenario.missionCount());
        String[] scenarioNumbers = new MissionWriter(context, etablissements, exams, missionColumns)
                .write(missions, scenario.missionCount());
        new AffectationGenerator(context, etablissements, personnels, exams)
                .generate(missions, context.size().affectations() - scenario.affectationCount());
        new SignatureGenerator(context).generate(etablissements);
        scenario.write(scenarioNumbers);
        new VisitingStaffWriter(context, etablissements, scenario.demoLycee()).write(visits);
    }

    /** COPY does not use the {@code bigserial} sequences: move them past the ids given here. */
    private static void moveSequencesPastGeneratedIds(Connection conn, BulkLoader loader) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select setval(pg_get_serial_sequence(?, 'id'), ?, ?)")) {
            for (String table : SERIAL_TABLES) {
                long n = loader.rowsByTable().getOrDefault(table, 0L);
                ps.setString(1, table);
                ps.setLong(2, Math.max(1, n));
                ps.setBoolean(3, n > 0);
                ps.executeQuery().close();
            }
        }
    }

    /** Fresh statistics, so that the first queries on the new académie get good plans; returns the ms taken. */
    private static long analyze(Connection conn, BulkLoader loader) throws SQLException {
        long t = System.nanoTime();
        try (Statement st = conn.createStatement()) {
            st.execute("analyze " + String.join(", ", loader.rowsByTable().keySet()));
        }
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static void log(String schema, AcademyProfile profile, BulkLoader loader, LoadReport report,
                            long analyzeMillis) {
        StringBuilder tables = new StringBuilder();
        for (Map.Entry<String, Long> e : loader.rowsByTable().entrySet()) {
            tables.append(tables.isEmpty() ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
            LOG.atDebug().addKeyValue("schema", schema).addKeyValue("table", e.getKey())
                    .addKeyValue("rows", e.getValue()).addKeyValue("ms", loader.millisByTable().get(e.getKey()))
                    .log("demo data table loaded");
        }
        LOG.atInfo().addKeyValue("schema", schema).addKeyValue("tenant", profile.tenantCode())
                .addKeyValue("tables", tables)
                .addKeyValue("rows", report.rows()).addKeyValue("ms", report.elapsed().toMillis())
                .addKeyValue("analyzeMs", analyzeMillis)
                .addKeyValue("rowsPerSecond", Math.round(report.rowsPerSecond()))
                .log("demo data generated");
    }
}
