package fr.education.imagin.demo;

import fr.education.imagin.demo.Catalog.Discipline;
import fr.education.imagin.demo.Catalog.Epreuve;
import fr.education.imagin.demo.Catalog.Examen;
import fr.education.imagin.demo.Catalog.Mef;
import fr.education.imagin.demo.Catalog.Specialite;
import fr.education.imagin.demo.Catalog.TypeMission;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic generator of a realistic académie: establishments, staff and their workplaces and
 * teachings, unavailabilities, the exam reference data, missions with their commissions and jurys,
 * affectations with their time slots, compétences, signatures, activities and ICC rates.
 *
 * <p>Everything is bulk-loaded with PostgreSQL {@code COPY} in a single transaction; ids of the
 * {@code bigserial} tables are assigned here and the sequences moved past them at the end. The same
 * seed, size, profile, shared centres and current date give the same rows.
 */
public final class DemoDataGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataGenerator.class);

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
        Objects.requireNonNull(conn, "conn");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(size, "size");
        List<SharedCentre> shared = sharedCentres == null ? List.of() : List.copyOf(sharedCentres);
        long started = System.nanoTime();
        boolean autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(false);
        boolean committed = false;
        try {
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
            Set<String> missionColumns = new HashSet<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "select column_name from information_schema.columns where table_schema = ? and table_name = 'mission'")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        missionColumns.add(rs.getString(1));
                    }
                }
            }
            CopyManager copy = conn.unwrap(PGConnection.class).getCopyAPI();
            Run run = new Run(seed, copy, profile, size, shared, LocalDate.now(), missionColumns);
            run.load();
            run.finish(conn);
            conn.commit();
            committed = true;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            LoadReport report = new LoadReport(run.total(), elapsed);
            StringBuilder tables = new StringBuilder();
            for (Map.Entry<String, Long> e : run.counts.entrySet()) {
                tables.append(tables.isEmpty() ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
                LOG.atDebug().addKeyValue("schema", schema).addKeyValue("table", e.getKey())
                        .addKeyValue("rows", e.getValue()).addKeyValue("ms", run.millis.get(e.getKey()))
                        .log("demo data table loaded");
            }
            LOG.atInfo().addKeyValue("schema", schema).addKeyValue("tenant", profile.tenantCode())
                    .addKeyValue("tables", tables)
                    .addKeyValue("rows", report.rows()).addKeyValue("ms", elapsed.toMillis())
                    .addKeyValue("analyzeMs", run.analyzeMillis)
                    .addKeyValue("rowsPerSecond", Math.round(report.rowsPerSecond()))
                    .log("demo data generated");
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

    // =================================================================================================

    /** One generation: all the state between the COPY phases. */
    private static final class Run {

        private static final String UAI_KEYS = "ABCDEFGHJKLMNPRSTUVWXYZ";
        private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        private static final String[] CRENEAU_DEBUT = {"08:00:00", "13:30:00"};
        private static final String[] CRENEAU_FIN = {"12:00:00", "17:30:00"};
        private static final String[] SALLES_SPECIALES = {"CDI", "Gymnase", "Amphi A", "Salle polyvalente", "Atelier 2", "Réfectoire"};

        final long seed;
        final CopyManager copy;
        final AcademyProfile profile;
        final DemoSize size;
        final List<SharedCentre> shared;
        final LocalDate today;
        final int currentYear;
        final long todayDay;
        final String domain;
        final Map<String, Long> counts = new LinkedHashMap<>();
        /** Optional mission columns added by later migrations (filled only when present). */
        final boolean hasVariante;
        final boolean hasCyclades;
        final Map<String, Long> millis = new LinkedHashMap<>();
        private long phaseStart = System.nanoTime();

        // dates
        final long dateBase;
        final String[] dateCache;

        // communes
        final String[] communes;
        final String[] communeCp;
        final double[] communeCum;
        final char phoneZone;

        // establishments
        final List<Etab> etabs = new ArrayList<>();
        final Map<String, List<Integer>> etabsByCommune = new HashMap<>();

        // staff
        int nPers;
        int[] persEtab;
        int[] persSecond;
        byte[] persDisc;
        String[] persNumen;

        // exams
        final int nYears = 5;
        final int firstYear;
        final List<Epreuve> epreuves = new ArrayList<>();
        final List<Integer> epreuveExam = new ArrayList<>();
        /** épreuve indexes per exam and kind. */
        int[][][] epreuvesByExamKind;

        // missions
        int nMissions;
        byte[] misType;
        byte[] misExam;
        int[] misEpreuve;
        int[] misCentre;
        int[] misStart;
        byte[] misDays;
        boolean[] misConvEtab;
        /** INEC missions whose candidates Cyclades has not finished assigning (CONV-9): not convened yet. */
        boolean[] misCycladesPending;
        int[] misComFirst;
        byte[] misComCount;
        int[] misJuryFirst;
        byte[] misJuryCount;
        final IntList comDayOff = new IntList();
        final IntList comDayLen = new IntList();
        final List<String> comSalle = new ArrayList<>();

        // affectations (for their time slots)
        int nAff;
        int[] affMission;
        byte[] affDayOff;
        byte[] affDayCount;
        byte[] affSlots;

        Run(long seed, CopyManager copy, AcademyProfile profile, DemoSize size, List<SharedCentre> shared,
            LocalDate today, Set<String> missionColumns) {
            this.hasVariante = missionColumns.contains("variante");
            this.hasCyclades = missionColumns.contains("affectation_cyclades_terminee");
            this.seed = seed;
            this.copy = copy;
            this.profile = profile;
            this.size = size;
            this.shared = shared;
            this.today = today;
            this.currentYear = today.getYear();
            this.todayDay = today.toEpochDay();
            this.firstYear = currentYear - 3;
            this.domain = "ac-" + profile.tenantCode().toLowerCase(Locale.ROOT) + ".fr";
            this.dateBase = LocalDate.of(currentYear - 6, 1, 1).toEpochDay();
            this.dateCache = new String[(int) (LocalDate.of(currentYear + 3, 1, 1).toEpochDay() - dateBase)];

            SplittableRandom rng = rng(0);
            this.communes = profile.communes().toArray(String[]::new);
            this.communeCp = new String[communes.length];
            this.communeCum = new double[communes.length];
            String prefix = profile.departementPrefix();
            String dept = prefix.charAt(0) == '0' ? prefix.substring(1) : prefix;
            Set<String> cps = new HashSet<>();
            double acc = 0;
            for (int i = 0; i < communes.length; i++) {
                String cp;
                if (i == 0) {
                    cp = dept + "000".substring(0, 5 - dept.length());
                } else {
                    do {
                        int suffix = dept.length() == 2 ? 10 * (1 + rng.nextInt(99)) : 1 + rng.nextInt(99);
                        cp = dept + pad(suffix, 5 - dept.length());
                    } while (!cps.add(cp) && cps.size() < 90);
                }
                cps.add(cp);
                communeCp[i] = cp;
                acc += i == 0 ? Math.max(1.0, communes.length / 3.0) : 1.0;
                communeCum[i] = acc;
            }
            this.phoneZone = phoneZone(dept);
        }

        long analyzeMillis;

        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        private SplittableRandom rng(int stream) {
            return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (stream + 1)));
        }

        void load() throws SQLException {
            buildEtablissements();
            copyEtablissements();
            copyReference();
            buildPersonnels();
            copyLieux();
            copyEnseignements();
            copyIndisponibilites();
            copyCompetences();
            buildMissions();
            copyMissions();
            copyAffectations();
            copySignatures();
        }

        void finish(Connection conn) throws SQLException {
            String[] serial = {"personnel", "enseignement", "indisponibilite", "session_examen", "specialite",
                "epreuve_option", "mission", "commission", "jury", "affectation"};
            try (PreparedStatement ps = conn.prepareStatement(
                    "select setval(pg_get_serial_sequence(?, 'id'), ?, ?)")) {
                for (String table : serial) {
                    long n = counts.getOrDefault(table, 0L);
                    ps.setString(1, table);
                    ps.setLong(2, Math.max(1, n));
                    ps.setBoolean(3, n > 0);
                    ps.executeQuery().close();
                }
            }
            long t = System.nanoTime();
            try (Statement st = conn.createStatement()) {
                st.execute("analyze " + String.join(", ", counts.keySet()));
            }
            analyzeMillis = (System.nanoTime() - t) / 1_000_000;
        }

        private CopyWriter open(String table, String columns) throws SQLException {
            return CopyWriter.open(copy, table, columns);
        }

        private void done(String table, CopyWriter w) throws SQLException {
            counts.merge(table, w.finish(), Long::sum);
            long now = System.nanoTime();
            millis.merge(table, (now - phaseStart) / 1_000_000, Long::sum);
            phaseStart = now;
        }

        // ---------------------------------------------------------------------------------------------
        // establishments

        static final class Etab {
            String uai;
            String nom;
            String categorie;
            String commune;
            int communeIdx;
            String adresse;
            String cp;
            String tel;
            int levels;
            boolean centre;
            boolean numerisation;
            double staffWeight;
            boolean sharedCentre;
        }

        private void buildEtablissements() {
            SplittableRandom rng = rng(1);
            int n = size.etablissements();
            int rest = n - 1;
            int erea = Math.max(rest >= 20 ? 1 : 0, (int) Math.round(rest * 0.015));
            int lgt = (int) Math.round(rest * 0.15);
            int lpo = (int) Math.round(rest * 0.15);
            int lp = (int) Math.round(rest * 0.12);
            if (lgt + lpo == 0 && rest > 0) {
                lpo = 1;
            }
            int college = Math.max(0, rest - erea - lgt - lpo - lp);
            List<String> cats = new ArrayList<>(rest);
            addN(cats, "COLLEGE", college);
            addN(cats, "LGT", lgt);
            addN(cats, "LPO", lpo);
            addN(cats, "LP", lp);
            addN(cats, "EREA", erea);
            shuffle(cats, rng);
            cats.add(0, "RECTORAT");

            Set<String> usedUai = new HashSet<>();
            for (SharedCentre s : shared) {
                if (s.uai() != null) {
                    usedUai.add(s.uai().trim());
                }
            }
            long prefix = Long.parseLong(profile.departementPrefix()) * 10_000L;
            int span = 10_000 * (1 + (n + usedUai.size()) / 6_000);
            Set<String> usedNames = new HashSet<>();
            for (String cat : cats) {
                Etab e = new Etab();
                String uai;
                do {
                    long num = (prefix + rng.nextInt(span)) % 10_000_000L;
                    uai = pad(num, 7) + UAI_KEYS.charAt((int) (num % 23));
                } while (!usedUai.add(uai));
                e.uai = uai;
                e.categorie = cat;
                e.communeIdx = "RECTORAT".equals(cat) ? 0 : pickCumulative(communeCum, rng);
                e.commune = communes[e.communeIdx];
                e.nom = etabName(cat, e.commune, rng, usedNames);
                e.levels = Catalog.levels(cat);
                e.centre = switch (cat) {
                    case "LGT", "LPO" -> rng.nextDouble() < 0.95;
                    case "LP" -> rng.nextDouble() < 0.85;
                    case "COLLEGE" -> rng.nextDouble() < 0.45;
                    case "EREA" -> rng.nextDouble() < 0.30;
                    default -> false;
                };
                e.numerisation = e.centre && ("LGT".equals(cat) || "LPO".equals(cat)) && rng.nextDouble() < 0.2;
                e.staffWeight = staffWeight(cat) * (0.6 + 0.9 * rng.nextDouble());
                fillContact(e, rng);
                etabs.add(e);
            }
            // at least one digitisation centre (COEC / SSCAN missions are generated per such centre)
            if (etabs.stream().noneMatch(e -> e.numerisation)) {
                etabs.stream().filter(e -> e.centre && (e.levels & Catalog.L) != 0).findFirst()
                        .or(() -> etabs.stream().filter(e -> e.centre).findFirst())
                        .ifPresent(e -> e.numerisation = true);
            }
            // the shared centres, as given, after the generated ones
            Set<String> sharedSeen = new HashSet<>();
            for (SharedCentre s : shared) {
                String uai = s.uai() == null ? null : s.uai().trim();
                if (uai != null && !sharedSeen.add(uai)) {
                    continue;
                }
                Etab e = new Etab();
                e.uai = uai;
                e.nom = s.nom();
                e.categorie = s.categorie();
                e.commune = s.commune();
                int ci = Arrays.asList(communes).indexOf(s.commune());
                e.communeIdx = ci;
                e.levels = s.categorie() == null ? Catalog.L : Catalog.levels(s.categorie());
                e.centre = true;
                e.sharedCentre = true;
                e.staffWeight = s.categorie() == null ? 1.5 : staffWeight(s.categorie());
                fillContact(e, rng);
                if (ci < 0) { // a commune of another département: post code from the UAI's département
                    String d = uai != null && uai.matches("[0-9]{3}.*") ? uai.substring(0, 3) : profile.departementPrefix();
                    d = d.charAt(0) == '0' ? d.substring(1) : d;
                    e.cp = d + "000".substring(0, 5 - d.length());
                }
                etabs.add(e);
            }
            for (int i = 0; i < etabs.size(); i++) {
                Etab e = etabs.get(i);
                if (e.staffWeight > 0 && e.commune != null) {
                    etabsByCommune.computeIfAbsent(e.commune, k -> new ArrayList<>()).add(i);
                }
            }
        }

        private static double staffWeight(String cat) {
            return switch (cat) {
                case "COLLEGE" -> 1.0;
                case "LGT" -> 2.2;
                case "LPO" -> 2.6;
                case "LP" -> 1.4;
                case "EREA" -> 0.6;
                case "RECTORAT" -> 0.0;
                default -> 1.5;
            };
        }

        private String etabName(String cat, String commune, SplittableRandom rng, Set<String> used) {
            if ("RECTORAT".equals(cat)) {
                String t = profile.tenantCode().toUpperCase(Locale.ROOT).replace('_', '-');
                boolean vowel = "AEIOUY".indexOf(t.charAt(0)) >= 0;
                return "RECTORAT DE L'ACADEMIE " + (vowel ? "D'" : "DE ") + t;
            }
            String kind = switch (cat) {
                case "COLLEGE" -> "COLLEGE";
                case "LGT" -> rng.nextDouble() < 0.8 ? "LYCEE GENERAL ET TECHNOLOGIQUE" : "LYCEE GENERAL";
                case "LP" -> rng.nextDouble() < 0.75 ? "LYCEE PROFESSIONNEL" : "LYCEE DES METIERS";
                case "LPO" -> "LYCEE POLYVALENT";
                case "EREA" -> "EREA";
                default -> "ETABLISSEMENT";
            };
            String name = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                String who = rng.nextDouble() < 0.85
                        ? Names.PATRONYMES[rng.nextInt(Names.PATRONYMES.length)]
                        : Names.LIEUX[rng.nextInt(Names.LIEUX.length)];
                name = kind + " " + who;
                if (used.add(name + "|" + commune)) {
                    return name;
                }
            }
            return name;
        }

        private void fillContact(Etab e, SplittableRandom rng) {
            e.adresse = (1 + rng.nextInt(120)) + " " + Names.RUES[rng.nextInt(Names.RUES.length)];
            e.cp = e.communeIdx >= 0 ? communeCp[e.communeIdx] : "";
            e.tel = phone('0', phoneZone, rng);
        }

        private void copyEtablissements() throws SQLException {
            try (CopyWriter w = open("etablissement",
                    "uai, nom, categorie, commune, adresse, code_postal, telephone, mail, centre_examen, centre_numerisation")) {
                for (Etab e : etabs) {
                    String mail = e.uai == null ? "" : "ce." + e.uai.toLowerCase(Locale.ROOT) + "@" + domain;
                    w.text(e.uai).text(e.nom).text(e.categorie).text(e.commune).text(e.adresse).text(e.cp)
                            .text(e.tel).text(mail).bool(e.centre).bool(e.numerisation).endRow();
                }
                done("etablissement", w);
            }
        }

        // ---------------------------------------------------------------------------------------------
        // reference data: activities, ICC rates, mission types, exams

        private void copyReference() throws SQLException {
            try (CopyWriter w = open("activite", "code, ouverte")) {
                for (String code : Catalog.ACTIVITES) {
                    w.text(code).bool(!"indemnites".equals(code)).endRow();
                }
                done("activite", w);
            }
            try (CopyWriter w = open("icc_taux", "scheme, annee, tranche_code, taux_journalier")) {
                for (int y = firstYear; y < firstYear + nYears; y++) {
                    w.raw("BAC").num(y).raw("JUSQUA_600").raw("173.00").endRow();
                    w.raw("BAC").num(y).raw("PLUS_DE_600").raw("230.00").endRow();
                    w.raw("BAC").num(y).raw("JOURS_SUPPLEMENTAIRES").raw("173.00").endRow();
                    w.raw("BTS").num(y).raw("DE_11_A_50").raw("50.00").endRow();
                    w.raw("BTS").num(y).raw("DE_51_A_100").raw("80.00").endRow();
                    w.raw("BTS").num(y).raw("PLUS_DE_100").raw("150.00").endRow();
                }
                done("icc_taux", w);
            }
            try (CopyWriter w = open("type_mission", "code, libelle, remuneration, plugin_id")) {
                for (TypeMission t : Catalog.TYPES) {
                    w.text(t.code()).text(t.libelle()).text(t.remuneration()).text(t.pluginId()).endRow();
                }
                done("type_mission", w);
            }
            try (CopyWriter w = open("examen", "code, sigle, libelle, famille")) {
                for (Examen x : Catalog.EXAMENS) {
                    w.text(x.code()).text(x.sigle()).text(x.libelle()).text(x.famille()).endRow();
                }
                done("examen", w);
            }
            try (CopyWriter w = open("session_examen", "id, examen_code, annee, libelle")) {
                long id = 0;
                for (Examen x : Catalog.EXAMENS) {
                    for (int y = firstYear; y < firstYear + nYears; y++) {
                        w.num(++id).text(x.code()).num(y)
                                .text(x.code() + ", " + x.sigle() + ", " + y + " ," + x.tag() + " " + y).endRow();
                    }
                }
                done("session_examen", w);
            }
            List<Specialite> specs = new ArrayList<>();
            List<Integer> specExam = new ArrayList<>();
            for (int xi = 0; xi < Catalog.EXAMENS.size(); xi++) {
                for (Specialite s : Catalog.EXAMENS.get(xi).specialites()) {
                    specs.add(s);
                    specExam.add(xi);
                }
            }
            try (CopyWriter w = open("specialite", "id, examen_code, code, libelle")) {
                for (int i = 0; i < specs.size(); i++) {
                    w.num(i + 1).text(Catalog.EXAMENS.get(specExam.get(i)).code()).text(specs.get(i).code())
                            .text(specs.get(i).libelle()).endRow();
                }
                done("specialite", w);
            }
            List<List<List<Integer>>> byExamKind = new ArrayList<>();
            for (int xi = 0; xi < Catalog.EXAMENS.size(); xi++) {
                List<List<Integer>> kinds = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    kinds.add(new ArrayList<>());
                }
                byExamKind.add(kinds);
            }
            try (CopyWriter w = open("epreuve_option", "id, specialite_id, code, libelle, matiere_enseignement")) {
                for (int si = 0; si < specs.size(); si++) {
                    for (Epreuve ep : specs.get(si).epreuves()) {
                        int idx = epreuves.size();
                        epreuves.add(ep);
                        epreuveExam.add(specExam.get(si));
                        byExamKind.get(specExam.get(si)).get(ep.kind()).add(idx);
                        w.num(idx + 1).num(si + 1).text(ep.code()).text(ep.libelle()).text(ep.matiere()).endRow();
                    }
                }
                done("epreuve_option", w);
            }
            epreuvesByExamKind = new int[byExamKind.size()][4][];
            for (int xi = 0; xi < byExamKind.size(); xi++) {
                for (int k = 0; k < 4; k++) {
                    epreuvesByExamKind[xi][k] = byExamKind.get(xi).get(k).stream().mapToInt(Integer::intValue).toArray();
                }
            }
        }

        // ---------------------------------------------------------------------------------------------
        // staff

        private void buildPersonnels() throws SQLException {
            SplittableRandom rng = rng(2);
            nPers = size.personnels();
            persEtab = new int[nPers];
            persSecond = new int[nPers];
            persDisc = new byte[nPers];
            persNumen = new String[nPers];

            double[] etabCum = new double[etabs.size()];
            double acc = 0;
            for (int i = 0; i < etabs.size(); i++) {
                acc += etabs.get(i).staffWeight;
                etabCum[i] = acc;
            }
            if (acc <= 0 && nPers > 0) {
                throw new IllegalArgumentException("no establishment can employ staff");
            }
            double[][] discCum = new double[8][];
            for (int mask = 1; mask < 8; mask++) {
                discCum[mask] = new double[Catalog.DISCIPLINES.size()];
                double a = 0;
                for (int d = 0; d < Catalog.DISCIPLINES.size(); d++) {
                    Discipline disc = Catalog.DISCIPLINES.get(d);
                    if ((disc.levels() & mask) != 0) {
                        a += disc.weight();
                    }
                    discCum[mask][d] = a;
                }
            }
            String[] foldF = Arrays.stream(Names.PRENOMS_F).map(Names::fold).toArray(String[]::new);
            String[] foldM = Arrays.stream(Names.PRENOMS_M).map(Names::fold).toArray(String[]::new);
            String[] foldN = Arrays.stream(Names.NOMS).map(Names::fold).toArray(String[]::new);
            Map<String, Integer> mailCount = new HashMap<>(nPers * 2);
            long numenOffset = Math.floorMod(seed * 0x5DEECE66DL, 10_000_000L);
            int eps = disciplineIndex("EDUCATION PHYSIQUE ET SPORT.");

            try (CopyWriter w = open("personnel", "id, numen, civilite, nom, prenom, date_naissance, discipline_poste, corps, "
                    + "adresse, code_postal, commune, tel_perso, tel_pro, mail_pro, mail_perso, academie_origine")) {
                for (int i = 0; i < nPers; i++) {
                    int ei = pickCumulative(etabCum, rng);
                    Etab etab = etabs.get(ei);
                    persEtab[i] = ei;
                    int mask = etab.levels == 0 ? Catalog.L : etab.levels;
                    int d = pickCumulative(discCum[mask], rng);
                    persDisc[i] = (byte) d;
                    Discipline disc = Catalog.DISCIPLINES.get(d);
                    boolean female = rng.nextDouble() < 0.6;
                    int pi = rng.nextInt(female ? Names.PRENOMS_F.length : Names.PRENOMS_M.length);
                    String prenom = female ? Names.PRENOMS_F[pi] : Names.PRENOMS_M[pi];
                    String prenomFold = female ? foldF[pi] : foldM[pi];
                    int ni = rng.nextInt(Names.NOMS.length);
                    String nom = Names.NOMS[ni];
                    // NUMEN: 2 digits, a letter, 7 digits (a bijection of the index: unique), 3 letters
                    long seven = Math.floorMod(i * 7_654_321L + numenOffset, 10_000_000L);
                    String numen = pad(10 + rng.nextInt(90), 2) + (rng.nextDouble() < 0.8 ? 'E' : LETTERS.charAt(rng.nextInt(26)))
                            + pad(seven, 7) + LETTERS.charAt(rng.nextInt(26)) + LETTERS.charAt(rng.nextInt(26))
                            + LETTERS.charAt(rng.nextInt(26));
                    persNumen[i] = numen;
                    int birthDay = (int) (LocalDate.of(1960, 1, 1).toEpochDay() + rng.nextInt(14_245));
                    LocalDate birth = LocalDate.ofEpochDay(birthDay);
                    String corps;
                    double u = rng.nextDouble();
                    if (d == eps) {
                        corps = u < 0.82 ? "PROF. EPS" : u < 0.90 ? "AGREGE" : "CONTRACTUEL";
                    } else if (disc.levels() == Catalog.P || "LP".equals(etab.categorie)) {
                        corps = u < 0.85 ? "PLP" : "CONTRACTUEL";
                    } else if ((etab.levels & Catalog.L) != 0) {
                        corps = u < 0.66 ? "CERTIFIE" : u < 0.88 ? "AGREGE" : u < 0.90 ? "PLP" : "CONTRACTUEL";
                    } else {
                        corps = u < 0.85 ? "CERTIFIE" : u < 0.88 ? "AGREGE" : "CONTRACTUEL";
                    }
                    int ci = etab.communeIdx >= 0 && rng.nextDouble() < 0.65 ? etab.communeIdx : pickCumulative(communeCum, rng);
                    String adresse = (1 + rng.nextInt(150)) + (rng.nextDouble() < 0.08 ? " BIS " : " ")
                            + Names.RUES[rng.nextInt(Names.RUES.length)];
                    String telPerso = rng.nextDouble() < 0.95 ? phone('0', rng.nextDouble() < 0.7 ? '6' : '7', rng) : "";
                    String telPro = rng.nextDouble() < 0.7 ? etab.tel : "";
                    String base = prenomFold + "." + foldN[ni];
                    int k = mailCount.merge(base, 1, Integer::sum);
                    String mailPro = (k == 1 ? base : base + k) + "@" + domain;
                    String mailPerso = "";
                    double m = rng.nextDouble();
                    if (m < 0.78) {
                        String dom = Names.MAIL_PERSO_DOMAINS[rng.nextInt(Names.MAIL_PERSO_DOMAINS.length)];
                        mailPerso = (m < 0.35 ? base : m < 0.55 ? prenomFold.charAt(0) + foldN[ni]
                                : m < 0.70 ? foldN[ni] + "." + prenomFold + birth.getYear() % 100
                                : prenomFold + foldN[ni] + (1 + rng.nextInt(99))) + "@" + dom;
                    }
                    w.num(i + 1).raw(numen).raw(female ? "Mme" : "M.").text(nom).text(prenom).raw(date(birthDay))
                            .text(disc.libelle()).text(corps).text(adresse).text(communeCp[ci]).text(communes[ci])
                            .text(telPerso).text(telPro).text(mailPro).text(mailPerso).raw(null).endRow();

                    // secondary workplace for ~15%
                    persSecond[i] = -1;
                    if (rng.nextDouble() < 0.15) {
                        List<Integer> near = etab.commune == null ? null : etabsByCommune.get(etab.commune);
                        int second = -1;
                        if (near != null && near.size() > 1 && rng.nextDouble() < 0.7) {
                            second = near.get(rng.nextInt(near.size()));
                        } else {
                            second = pickCumulative(etabCum, rng);
                        }
                        if (second != ei && etabs.get(second).staffWeight > 0) {
                            persSecond[i] = second;
                        }
                    }
                }
                done("personnel", w);
            }
        }

        private static int disciplineIndex(String libelle) {
            for (int d = 0; d < Catalog.DISCIPLINES.size(); d++) {
                if (Catalog.DISCIPLINES.get(d).libelle().equals(libelle)) {
                    return d;
                }
            }
            throw new IllegalArgumentException(libelle);
        }

        private void copyLieux() throws SQLException {
            try (CopyWriter w = open("lieu_exercice", "personnel_id, uai, principal")) {
                for (int i = 0; i < nPers; i++) {
                    w.num(i + 1).text(etabs.get(persEtab[i]).uai).bool(true).endRow();
                    if (persSecond[i] >= 0) {
                        w.num(i + 1).text(etabs.get(persSecond[i]).uai).bool(false).endRow();
                    }
                }
                done("lieu_exercice", w);
            }
        }

        private void copyEnseignements() throws SQLException {
            SplittableRandom rng = rng(3);
            int nDisc = Catalog.DISCIPLINES.size();
            int[][][] mefs = new int[nDisc][8][];
            for (int d = 0; d < nDisc; d++) {
                Discipline disc = Catalog.DISCIPLINES.get(d);
                for (int mask = 0; mask < 8; mask++) {
                    int etabMask = mask == 0 ? Catalog.L : mask;
                    List<Integer> ok = new ArrayList<>();
                    List<Integer> any = new ArrayList<>();
                    for (int m = 0; m < Catalog.MEFS.size(); m++) {
                        Mef mef = Catalog.MEFS.get(m);
                        if ((mef.level() & etabMask) == 0) {
                            continue;
                        }
                        any.add(m);
                        if ((mef.level() & disc.levels()) != 0 && disc.teachesIn(mef)) {
                            ok.add(m);
                        }
                    }
                    List<Integer> chosen = ok.isEmpty() ? any : ok;
                    mefs[d][mask] = chosen.stream().mapToInt(Integer::intValue).toArray();
                }
            }
            String[] btsSections = {"SIO", "MCO", "NDRC", "CG"};
            try (CopyWriter w = open("enseignement", "id, personnel_id, uai, matiere, modalite, mef, type_mef, structure")) {
                long id = 0;
                for (int i = 0; i < nPers; i++) {
                    int rows = 1 + rng.nextInt(3);
                    Discipline disc = Catalog.DISCIPLINES.get(persDisc[i]);
                    for (int r = 0; r < rows; r++) {
                        int ei = r == rows - 1 && persSecond[i] >= 0 && rng.nextDouble() < 0.8 ? persSecond[i] : persEtab[i];
                        Etab etab = etabs.get(ei);
                        String matiere = r == 0 ? disc.matieres()[0] : disc.matieres()[rng.nextInt(disc.matieres().length)];
                        int[] options = mefs[persDisc[i]][etab.levels];
                        Mef mef = Catalog.MEFS.get(options[rng.nextInt(options.length)]);
                        String structure = mef.structure().endsWith("-")
                                ? mef.structure() + btsSections[rng.nextInt(btsSections.length)]
                                : mef.structure() + (1 + rng.nextInt(6));
                        double u = rng.nextDouble();
                        String modalite = disc.sciences()
                                ? (u < 0.55 ? "CO" : u < 0.70 ? "TD" : "TP")
                                : (u < 0.78 ? "CO" : "TD");
                        w.num(++id).num(i + 1).text(etab.uai).text(matiere).raw(modalite).text(mef.code())
                                .text(mef.type()).text(structure).endRow();
                    }
                }
                done("enseignement", w);
            }
        }

        private void copyIndisponibilites() throws SQLException {
            SplittableRandom rng = rng(4);
            String[] origines = {"EPP", "SIRHEN", "ETABLISSEMENT"};
            try (CopyWriter w = open("indisponibilite",
                    "id, personnel_id, debut, fin, motif, origine, declarant_uai, academie_convocation, created_at")) {
                long id = 0;
                for (int i = 0; i < nPers; i++) {
                    if (rng.nextDouble() >= 0.10) {
                        continue;
                    }
                    int n = rng.nextDouble() < 0.3 ? 2 : 1;
                    for (int k = 0; k < n; k++) {
                        double u = rng.nextDouble();
                        int o = u < 0.35 ? 0 : u < 0.70 ? 1 : 2;
                        int start = weekday((int) todayDay - 300 + rng.nextInt(540));
                        int days;
                        String hDebut;
                        String hFin;
                        switch (o) {
                            case 0 -> { // EPP: training
                                days = 1 + rng.nextInt(3);
                                hDebut = "08:30:00";
                                hFin = "17:00:00";
                            }
                            case 1 -> { // SIRHEN: leave
                                days = 3 + rng.nextInt(58);
                                hDebut = "00:00:00";
                                hFin = "23:59:00";
                            }
                            default -> { // establishment: school trip, meeting...
                                double v = rng.nextDouble();
                                days = v < 0.6 ? 1 : 2 + rng.nextInt(4);
                                boolean half = v < 0.3;
                                hDebut = half ? "13:30:00" : "08:00:00";
                                hFin = half ? "17:30:00" : "18:00:00";
                            }
                        }
                        String[] motifs = Catalog.MOTIFS[o];
                        int created = Math.min(start - 1 - rng.nextInt(20), (int) todayDay - 1 - rng.nextInt(3));
                        w.num(++id).num(i + 1).begin().append(date(start)).append(' ').append(hDebut);
                        w.begin().append(date(start + days - 1)).append(' ').append(hFin);
                        w.text(motifs[rng.nextInt(motifs.length)]).raw(origines[o])
                                .text(o == 2 ? etabs.get(persEtab[i]).uai : null).raw(null)
                                .begin().append(date(created)).append(' ').append(time(9 + rng.nextInt(8), rng.nextInt(60)));
                        w.endRow();
                    }
                }
                done("indisponibilite", w);
            }
        }

        private void copyCompetences() throws SQLException {
            SplittableRandom rng = rng(5);
            int nDisc = Catalog.DISCIPLINES.size();
            int[][][] candidates = new int[nDisc][8][];
            for (int d = 0; d < nDisc; d++) {
                Set<String> mats = Set.of(Catalog.DISCIPLINES.get(d).matieres());
                for (int mask = 0; mask < 8; mask++) {
                    List<Integer> ok = new ArrayList<>();
                    for (int e = 0; e < epreuves.size(); e++) {
                        Epreuve ep = epreuves.get(e);
                        Examen x = Catalog.EXAMENS.get(epreuveExam.get(e));
                        if (ep.matiere() != null && mats.contains(ep.matiere()) && (x.level() & mask) != 0) {
                            ok.add(e);
                        }
                    }
                    candidates[d][mask] = ok.stream().mapToInt(Integer::intValue).toArray();
                }
            }
            String sysDate = date(LocalDate.of(currentYear - 1, 9, 15).toEpochDay()) + " 02:00:00";
            try (CopyWriter w = open("competence_auteur",
                    "personnel_id, epreuve_option_id, auteur, type_auteur, avis, updated_at")) {
                int[] picked = new int[3];
                for (int i = 0; i < nPers; i++) {
                    Etab etab = etabs.get(persEtab[i]);
                    int[] c = candidates[persDisc[i]][etab.levels];
                    int n = Math.min(c.length, 1 + rng.nextInt(3));
                    int got = 0;
                    for (int a = 0; a < n * 4 && got < n; a++) {
                        int e = c[rng.nextInt(c.length)];
                        if (!contains(picked, got, e)) {
                            picked[got++] = e;
                        }
                    }
                    for (int k = 0; k < got; k++) {
                        int e = picked[k];
                        w.num(i + 1).num(e + 1).raw("SYS").raw("SYS").raw("C").raw(sysDate).endRow();
                        double u = rng.nextDouble();
                        if (u < 0.12) {
                            w.num(i + 1).num(e + 1).text(etab.uai).raw("ETABLISSEMENT").raw(u < 0.10 ? "C" : "I")
                                    .begin().append(date(todayDay - 10 - rng.nextInt(200))).append(" 10:00:00");
                            w.endRow();
                        } else if (u < 0.17) {
                            w.num(i + 1).num(e + 1).raw(persNumen[i]).raw("AGENT").raw("C")
                                    .begin().append(date(todayDay - 10 - rng.nextInt(200))).append(" 20:30:00");
                            w.endRow();
                        }
                    }
                }
                done("competence_auteur", w);
            }
        }

        // ---------------------------------------------------------------------------------------------
        // missions

        private void buildMissions() {
            SplittableRandom rng = rng(6);
            int m = size.missions();
            nMissions = m;
            misType = new byte[m];
            misExam = new byte[m];
            misEpreuve = new int[m];
            misCentre = new int[m];
            misStart = new int[m];
            misDays = new byte[m];
            misConvEtab = new boolean[m];
            misCycladesPending = new boolean[m];
            misComFirst = new int[m];
            misComCount = new byte[m];
            misJuryFirst = new int[m];
            misJuryCount = new byte[m];

            double[] examCum = new double[Catalog.EXAMENS.size()];
            double a = 0;
            for (int i = 0; i < examCum.length; i++) {
                a += Catalog.EXAMENS.get(i).weight();
                examCum[i] = a;
            }
            double[][] typeCum = new double[Catalog.EXAMENS.size()][Catalog.TYPES.size()];
            for (int x = 0; x < examCum.length; x++) {
                Examen ex = Catalog.EXAMENS.get(x);
                double t = 0;
                for (int ti = 0; ti < Catalog.TYPES.size(); ti++) {
                    TypeMission tm = Catalog.TYPES.get(ti);
                    int kind = Catalog.epreuveKind(tm.code());
                    boolean possible = ex.types().contains(tm.code()) && (kind < 0 || kind == Catalog.ECRIT
                            || epreuvesByExamKind[x][kind].length > 0);
                    if (possible) {
                        t += tm.weight();
                    }
                    typeCum[x][ti] = t;
                }
            }
            int[] poolCollege = centres(e -> e.centre && "COLLEGE".equals(e.categorie));
            int[] poolLycee = centres(e -> e.centre && (e.levels & Catalog.L) != 0);
            int[] poolPro = centres(e -> e.centre && (e.levels & Catalog.P) != 0);
            int[] poolNum = centres(e -> e.numerisation);
            int[] poolAll = centres(e -> e.centre);
            if (poolAll.length == 0) {
                poolAll = centres(e -> e.uai != null);
            }
            int corr = Catalog.typeIndex("CORR");
            for (int i = 0; i < m; i++) {
                int x = pickCumulative(examCum, rng);
                Examen ex = Catalog.EXAMENS.get(x);
                int year = firstYear + rng.nextInt(nYears);
                int ti = pickCumulative(typeCum[x], rng);
                TypeMission tm = Catalog.TYPES.get(ti);
                int kind = Catalog.epreuveKind(tm.code());
                int ep = -1;
                if (kind >= 0) {
                    int[] options = epreuvesByExamKind[x][kind];
                    if (options.length == 0) {
                        ti = corr;
                        tm = Catalog.TYPES.get(ti);
                        options = epreuvesByExamKind[x][Catalog.ECRIT];
                    }
                    boolean optional = "SURV".equals(tm.code()) || "SSCAN".equals(tm.code());
                    if (options.length > 0 && !(optional && rng.nextDouble() < 0.3)) {
                        ep = options[rng.nextInt(options.length)];
                    }
                }
                misType[i] = (byte) ti;
                misExam[i] = (byte) x;
                misEpreuve[i] = ep;
                int[] pool;
                if ("COEC".equals(tm.code()) || "SSCAN".equals(tm.code())) {
                    pool = poolNum;
                } else if (ex.level() == Catalog.C) {
                    pool = rng.nextDouble() < 0.8 ? poolCollege : poolLycee;
                } else if (ex.level() == Catalog.P) {
                    pool = poolPro;
                } else {
                    pool = poolLycee;
                }
                if (pool.length == 0) {
                    pool = poolLycee.length > 0 ? poolLycee : poolAll;
                }
                misCentre[i] = pool[rng.nextInt(pool.length)];

                int[] window = window(ex.famille(), tm.code(), rng);
                LocalDate from = LocalDate.of(year, window[0], window[1]);
                LocalDate to = LocalDate.of(year, window[2], window[3]);
                int span = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
                int start;
                int tries = 0;
                do { // redraw week-end days so that no weekday is favoured
                    start = (int) (from.toEpochDay() + rng.nextInt(span));
                } while (weekday(start) != start && ++tries < 10);
                start = weekday(start);
                int dow = LocalDate.ofEpochDay(start).getDayOfWeek().getValue();
                int days = tm.minDays() + rng.nextInt(tm.maxDays() - tm.minDays() + 1);
                days = Math.min(days, 6 - dow);
                misStart[i] = start;
                misDays[i] = (byte) days;
                misConvEtab[i] = tm.ec() || rng.nextDouble() < 0.18;
                misCycladesPending[i] = hasCyclades && "INEC".equals(tm.code()) && start > todayDay
                        && rng.nextDouble() < 0.4;

                misComFirst[i] = comDayOff.size();
                if (!"JURY".equals(tm.code()) && !"SSCAN".equals(tm.code()) && rng.nextDouble() < 0.36) {
                    int nc = 1 + rng.nextInt(4);
                    misComCount[i] = (byte) nc;
                    for (int c = 0; c < nc; c++) {
                        int off = days <= 2 ? 0 : rng.nextInt(days);
                        int len = days <= 2 ? days : 1 + rng.nextInt(days - off);
                        comDayOff.add(off);
                        comDayLen.add(len);
                        comSalle.add(salle(rng, tm.code()));
                    }
                }
                misJuryFirst[i] = 0;
                if ("JURY".equals(tm.code())) {
                    misJuryCount[i] = (byte) (1 + rng.nextInt(3));
                } else if (!"SURV".equals(tm.code()) && !"SSCAN".equals(tm.code()) && !"COEC".equals(tm.code())
                        && rng.nextDouble() < 0.15) {
                    misJuryCount[i] = (byte) (1 + rng.nextInt(2));
                }
            }
            int j = 0;
            for (int i = 0; i < m; i++) {
                misJuryFirst[i] = j;
                j += misJuryCount[i];
            }
        }

        private int[] centres(java.util.function.Predicate<Etab> filter) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < etabs.size(); i++) {
                if (filter.test(etabs.get(i))) {
                    out.add(i);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The date window (month, day, month, day) of a mission by exam family and type. */
        private static int[] window(String famille, String type, SplittableRandom rng) {
            switch (famille) {
                case "BAC_GENERAL", "BAC_TECHNO" -> {
                    return switch (type) {
                        case "CORR" -> rng.nextDouble() < 0.2 ? w(3, 16, 3, 27) : w(6, 15, 6, 30);
                        case "ORAL" -> w(6, 19, 7, 3);
                        case "JURY" -> w(7, 1, 7, 8);
                        case "SURV" -> rng.nextDouble() < 0.2 ? w(3, 16, 3, 20) : w(6, 12, 6, 24);
                        case "PRAT" -> w(3, 1, 5, 29);
                        case "COEC" -> w(6, 12, 6, 28);
                        case "INEC" -> w(6, 20, 6, 30);
                        case "PRECE" -> rng.nextDouble() < 0.5 ? w(3, 23, 4, 3) : w(6, 2, 6, 12);
                        case "SSCAN" -> w(6, 12, 6, 20);
                        default -> w(6, 1, 6, 30);
                    };
                }
                case "EA" -> {
                    return switch (type) {
                        case "CORR" -> w(6, 12, 6, 26);
                        case "ORAL" -> w(6, 20, 7, 3);
                        case "JURY" -> w(7, 1, 7, 5);
                        case "SURV" -> w(6, 12, 6, 16);
                        case "COEC" -> w(6, 14, 6, 28);
                        case "INEC" -> w(6, 22, 7, 2);
                        case "SSCAN" -> w(6, 12, 6, 18);
                        default -> w(6, 1, 6, 30);
                    };
                }
                case "DNB" -> {
                    return switch (type) {
                        case "CORR" -> w(6, 26, 7, 3);
                        case "ORAL" -> w(5, 18, 6, 12);
                        case "SURV" -> w(6, 25, 7, 1);
                        case "JURY" -> w(7, 3, 7, 8);
                        default -> w(6, 1, 6, 30);
                    };
                }
                default -> { // BAC_PRO, CAP, BTS
                    return switch (type) {
                        case "CORR" -> w(5, 20, 6, 20);
                        case "ORAL" -> w(5, 12, 6, 12);
                        case "PRAT" -> w(4, 20, 6, 5);
                        case "SURV" -> w(5, 12, 6, 20);
                        case "JURY" -> w(7, 1, 7, 7);
                        default -> w(6, 1, 6, 30);
                    };
                }
            }
        }

        private static int[] w(int m1, int d1, int m2, int d2) {
            return new int[] {m1, d1, m2, d2};
        }

        private static String salle(SplittableRandom rng, String type) {
            if (rng.nextDouble() < ("SURV".equals(type) ? 0.3 : 0.08)) {
                return SALLES_SPECIALES[rng.nextInt(SALLES_SPECIALES.length)];
            }
            return String.valueOf(100 * (1 + rng.nextInt(3)) + 1 + rng.nextInt(25));
        }

        private void copyMissions() throws SQLException {
            SplittableRandom rng = rng(7);
            int m = nMissions;
            String[] numeros = new String[m];
            if (m <= 450_000) {
                BitSet used = new BitSet(900_000);
                for (int i = 0; i < m; i++) {
                    int k;
                    do {
                        k = rng.nextInt(900_000);
                    } while (used.get(k));
                    used.set(k);
                    numeros[i] = String.valueOf(100_000 + k);
                }
            } else {
                for (int i = 0; i < m; i++) {
                    numeros[i] = String.valueOf(1_000_000 + i);
                }
            }
            try (CopyWriter w = open("mission", "id, numero, type_code, session_id, epreuve_option_id, centre_uai, "
                    + "date_debut, date_fin, candidats_attendus, ouvre_droit_remuneration, convocation_etablissement, "
                    + "signature, observation" + (hasVariante ? ", variante" : "")
                    + (hasCyclades ? ", affectation_cyclades_terminee" : ""))) {
                for (int i = 0; i < m; i++) {
                    TypeMission tm = Catalog.TYPES.get(misType[i]);
                    int year = LocalDate.ofEpochDay(misStart[i]).getYear();
                    long session = (long) misExam[i] * nYears + (year - firstYear) + 1;
                    int candidats = candidats(tm.code(), rng);
                    String obs = "";
                    double o = rng.nextDouble();
                    if (o < 0.15) {
                        String[] options = o < 0.11 ? Catalog.observations(tm.code()) : Catalog.generalObservations();
                        obs = options[rng.nextInt(options.length)];
                    }
                    w.num(i + 1).raw(numeros[i]).text(tm.code()).num(session).ref(misEpreuve[i] < 0 ? -1 : misEpreuve[i] + 1L)
                            .text(etabs.get(misCentre[i]).uai).raw(date(misStart[i])).raw(date(misStart[i] + misDays[i] - 1))
                            .num(candidats).bool(!"SSCAN".equals(tm.code())).bool(misConvEtab[i])
                            .raw(tm.ec() ? "ETABLISSEMENT" : "CENTRE").text(obs);
                    if (hasVariante) {
                        // CONV-10: the HLP EC correction is split into a letters and a philosophy mission
                        boolean hlp = "COEC".equals(tm.code()) && misEpreuve[i] >= 0
                                && "T005A".equals(epreuves.get(misEpreuve[i]).code());
                        w.text(hlp ? (rng.nextBoolean() ? "Lettres" : "Philosophie") : "");
                    }
                    if (hasCyclades) {
                        w.bool(!misCycladesPending[i]);
                    }
                    w.endRow();
                }
                done("mission", w);
            }
            try (CopyWriter w = open("mission_jour", "mission_id, jour")) {
                for (int i = 0; i < m; i++) {
                    for (int d = 0; d < misDays[i]; d++) {
                        w.num(i + 1).raw(date(misStart[i] + d)).endRow();
                    }
                }
                done("mission_jour", w);
            }
            try (CopyWriter w = open("commission", "id, mission_id, code, salle, nb_candidats")) {
                for (int i = 0; i < m; i++) {
                    int nc = misComCount[i];
                    for (int c = 0; c < nc; c++) {
                        int cid = misComFirst[i] + c;
                        StringBuilder code = w.num(cid + 1L).num(i + 1).begin().append(c + 1);
                        for (int l = 0; l < 3; l++) {
                            code.append(LETTERS.charAt(rng.nextInt(26)));
                        }
                        w.text(comSalle.get(cid)).num(10 + rng.nextInt(60)).endRow();
                    }
                }
                done("commission", w);
            }
            try (CopyWriter w = open("commission_jour", "commission_id, jour")) {
                for (int i = 0; i < m; i++) {
                    for (int c = 0; c < misComCount[i]; c++) {
                        int cid = misComFirst[i] + c;
                        for (int d = 0; d < comDayLen.get(cid); d++) {
                            w.num(cid + 1L).raw(date(misStart[i] + comDayOff.get(cid) + d)).endRow();
                        }
                    }
                }
                done("commission_jour", w);
            }
            try (CopyWriter w = open("jury", "id, mission_id, code")) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < misJuryCount[i]; j++) {
                        w.num(misJuryFirst[i] + j + 1L).num(i + 1).raw("J" + pad(j + 1, 2)).endRow();
                    }
                }
                done("jury", w);
            }
        }

        private static int candidats(String type, SplittableRandom rng) {
            return switch (type) {
                case "CORR" -> 60 + rng.nextInt(340);
                case "ORAL", "INEC" -> 20 + rng.nextInt(130);
                case "JURY" -> 150 + rng.nextInt(750);
                case "SURV" -> 100 + rng.nextInt(700);
                case "PRAT" -> 15 + rng.nextInt(105);
                case "COEC" -> 200 + rng.nextInt(1300);
                case "PRECE" -> 30 + rng.nextInt(170);
                case "SSCAN" -> 300 + rng.nextInt(2700);
                default -> 50;
            };
        }

        // ---------------------------------------------------------------------------------------------
        // affectations

        private void copyAffectations() throws SQLException {
            SplittableRandom rng = rng(8);
            int m = nMissions;
            int target = nPers == 0 || m == 0 ? 0 : size.affectations();
            int[] perMission = new int[m];
            if (target > 0) {
                double[] raw = new double[m];
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    TypeMission tm = Catalog.TYPES.get(misType[i]);
                    raw[i] = tm.minAff() + rng.nextDouble() * (tm.maxAff() - tm.minAff());
                    sum += raw[i];
                }
                double scale = target / sum;
                double acc = 0;
                long prev = 0;
                for (int i = 0; i < m; i++) {
                    acc += raw[i] * scale;
                    long upto = Math.round(acc);
                    perMission[i] = (int) Math.min(nPers, upto - prev);
                    prev = upto;
                }
            }
            int total = Arrays.stream(perMission).sum();
            affMission = new int[total];
            affDayOff = new byte[total];
            affDayCount = new byte[total];
            affSlots = new byte[total];

            // staff pools: per teaching level, and per (matière, level)
            int[][] byLevel = new int[8][];
            for (int lvl : new int[] {Catalog.C, Catalog.L, Catalog.P}) {
                IntList l = new IntList();
                for (int p = 0; p < nPers; p++) {
                    if ((etabs.get(persEtab[p]).levels & lvl) != 0) {
                        l.add(p);
                    }
                }
                byLevel[lvl] = l.toArray();
            }
            Map<String, int[]> byMatiere = new HashMap<>();

            try (CopyWriter w = open("affectation", "id, mission_id, personnel_id, qualite, commission_id, jury_id, salle, "
                    + "observation, statut, auteur, convoquee_le, created_at")) {
                int[] chosen = new int[Math.max(1, Arrays.stream(perMission).max().orElse(1))];
                int a = 0;
                for (int i = 0; i < m; i++) {
                    int k = perMission[i];
                    if (k == 0) {
                        continue;
                    }
                    String type = Catalog.TYPES.get(misType[i]).code();
                    int lvl = Catalog.EXAMENS.get(misExam[i]).level();
                    int[] levelPool = byLevel[lvl];
                    int[] specific = levelPool;
                    if (misEpreuve[i] >= 0) {
                        String mat = epreuves.get(misEpreuve[i]).matiere();
                        if (mat != null) {
                            specific = byMatiere.computeIfAbsent(mat + "|" + lvl, key -> matierePool(mat, lvl));
                            if (specific.length == 0) {
                                specific = byMatiere.computeIfAbsent(mat + "|*", key -> matierePool(mat, 7));
                            }
                        }
                    }
                    for (int s = 0; s < k; s++) {
                        int p = -1;
                        for (int attempt = 0; attempt < 12 && p < 0; attempt++) {
                            double u = rng.nextDouble();
                            int[] pool = u < 0.85 && specific.length > 0 ? specific
                                    : levelPool.length > 0 && u < 0.97 ? levelPool : null;
                            int cand = pool == null ? rng.nextInt(nPers) : pool[rng.nextInt(pool.length)];
                            if (!contains(chosen, s, cand)) {
                                p = cand;
                            }
                        }
                        if (p < 0) {
                            p = rng.nextInt(nPers);
                            while (contains(chosen, s, p)) {
                                p = (p + 1) % nPers;
                            }
                        }
                        chosen[s] = p;
                    }

                    boolean far = misStart[i] > todayDay + 60;
                    int nc = misComCount[i];
                    int nj = misJuryCount[i];
                    int comStart = nc > 0 ? rng.nextInt(nc) : 0;
                    boolean[] presided = new boolean[nj];
                    for (int s = 0; s < k; s++) {
                        int com = nc > 0 ? misComFirst[i] + (comStart + s) % nc : -1;
                        int jury = -1;
                        if (nj > 0 && ("JURY".equals(type) || rng.nextDouble() < 0.8)) {
                            jury = "JURY".equals(type) ? s % nj : rng.nextInt(nj);
                        }
                        String qualite = qualite(type, rng);
                        if ("JURY".equals(type) && jury >= 0) {
                            qualite = presided[jury] ? "Membre de jury" : "Président de jury";
                            presided[jury] = true;
                        }
                        String salle = com >= 0 ? comSalle.get(com) : rng.nextDouble() < 0.25 ? salle(rng, type) : "";
                        String obs = rng.nextDouble() < 0.03
                                ? Catalog.OBSERVATIONS_AFFECTATION[rng.nextInt(Catalog.OBSERVATIONS_AFFECTATION.length)] : "";
                        double u = rng.nextDouble();
                        String statut;
                        if (misCycladesPending[i] || u < (far ? 0.7 : 0.1)) {
                            statut = "AFFECTEE";
                        } else if (misConvEtab[i] && rng.nextDouble() < 0.55) {
                            statut = "CONVOQUEE_PAR_CENTRE";
                        } else {
                            statut = "CONVOQUEE";
                        }
                        boolean centre = "CONVOQUEE_PAR_CENTRE".equals(statut);

                        int off = com >= 0 ? comDayOff.get(com) : 0;
                        int len = com >= 0 ? comDayLen.get(com) : misDays[i];
                        int nd = Math.min(len, 3);
                        affMission[a] = i;
                        affDayOff[a] = (byte) off;
                        affDayCount[a] = (byte) nd;
                        affSlots[a] = (byte) rng.nextInt(8);

                        w.num(a + 1L).num(i + 1).num(chosen[s] + 1L).text(qualite).ref(com < 0 ? -1 : com + 1L)
                                .ref(jury < 0 ? -1 : misJuryFirst[i] + jury + 1L).text(salle).text(obs)
                                .raw(statut).raw(centre ? "CENTRE" : "ACADEMIE");
                        int createdDay;
                        if ("AFFECTEE".equals(statut)) {
                            w.raw(null);
                            createdDay = (int) Math.min(misStart[i] - 20 - rng.nextInt(60), todayDay - 1 - rng.nextInt(5));
                        } else {
                            int conv = (int) Math.min(misStart[i] - 7 - rng.nextInt(40), todayDay - 1 - rng.nextInt(10));
                            w.begin().append(date(conv)).append(' ').append(time(8 + rng.nextInt(10), rng.nextInt(60)));
                            createdDay = conv - 1 - rng.nextInt(15);
                        }
                        w.begin().append(date(createdDay)).append(' ').append(time(8 + rng.nextInt(10), rng.nextInt(60)));
                        w.endRow();
                        a++;
                    }
                }
                nAff = a;
                done("affectation", w);
            }
            try (CopyWriter w = open("affectation_creneau", "affectation_id, jour, heure_debut, heure_fin")) {
                for (int a = 0; a < nAff; a++) {
                    int start = misStart[affMission[a]] + affDayOff[a];
                    for (int d = 0; d < affDayCount[a]; d++) {
                        int slot = (affSlots[a] >> d) & 1;
                        w.num(a + 1L).raw(date(start + d)).raw(CRENEAU_DEBUT[slot]).raw(CRENEAU_FIN[slot]).endRow();
                    }
                }
                done("affectation_creneau", w);
            }
        }

        private int[] matierePool(String matiere, int lvl) {
            boolean[] discOk = new boolean[Catalog.DISCIPLINES.size()];
            for (int d = 0; d < discOk.length; d++) {
                discOk[d] = Arrays.asList(Catalog.DISCIPLINES.get(d).matieres()).contains(matiere);
            }
            IntList out = new IntList();
            for (int p = 0; p < nPers; p++) {
                if (discOk[persDisc[p]] && (etabs.get(persEtab[p]).levels & lvl) != 0) {
                    out.add(p);
                }
            }
            return out.toArray();
        }

        private static String qualite(String type, SplittableRandom rng) {
            double u = rng.nextDouble();
            return switch (type) {
                case "CORR" -> u < 0.88 ? "Correcteur" : u < 0.96 ? "Correcteur suppléant" : "Coordinateur";
                case "ORAL" -> u < 0.5 ? "Examinateur" : "Interrogateur";
                case "JURY" -> "Membre de jury";
                case "SURV" -> "Surveillant";
                case "PRAT" -> u < 0.9 ? "Examinateur" : "Coordinateur";
                case "COEC" -> u < 0.9 ? "Correcteur" : "Correcteur suppléant";
                case "INEC" -> "Interrogateur";
                case "PRECE" -> u < 0.75 ? "Correcteur" : u < 0.85 ? "Correcteur suppléant" : "Coordinateur";
                default -> ""; // SSCAN: no qualité for the scanning missions
            };
        }

        // ---------------------------------------------------------------------------------------------
        // signatures

        private void copySignatures() throws SQLException {
            SplittableRandom rng = rng(9);
            try (CopyWriter w = open("signature", "uai, role, autorite, intitule, nom, ville")) {
                for (Etab e : etabs) {
                    if ("RECTORAT".equals(e.categorie) || e.uai == null) {
                        continue;
                    }
                    boolean female = rng.nextDouble() < 0.5;
                    String head = signatory(female, rng);
                    String intitule = switch (e.categorie) {
                        case "COLLEGE" -> female ? "La principale" : "Le principal";
                        case "EREA" -> female ? "La directrice" : "Le directeur";
                        default -> female ? "La proviseure" : "Le proviseur";
                    };
                    w.text(e.uai).raw("ETABLISSEMENT").text("").text(intitule).text(head).text(e.commune).endRow();
                    if (e.centre) {
                        w.text(e.uai).raw("CENTRE").text("Pour le recteur et par délégation").text("Le chef de centre")
                                .text(rng.nextDouble() < 0.8 ? head : signatory(rng.nextDouble() < 0.5, rng))
                                .text(e.commune).endRow();
                    }
                }
                done("signature", w);
            }
        }

        private static String signatory(boolean female, SplittableRandom rng) {
            String prenom = female ? Names.PRENOMS_F[rng.nextInt(Names.PRENOMS_F.length)]
                    : Names.PRENOMS_M[rng.nextInt(Names.PRENOMS_M.length)];
            return prenom + " " + Names.NOMS[rng.nextInt(Names.NOMS.length)].toUpperCase(Locale.FRENCH);
        }

        // ---------------------------------------------------------------------------------------------
        // helpers

        private String date(long epochDay) {
            long idx = epochDay - dateBase;
            if (idx >= 0 && idx < dateCache.length) {
                String s = dateCache[(int) idx];
                if (s == null) {
                    s = LocalDate.ofEpochDay(epochDay).toString();
                    dateCache[(int) idx] = s;
                }
                return s;
            }
            return LocalDate.ofEpochDay(epochDay).toString();
        }

        private static String time(int hour, int minute) {
            return pad(hour, 2) + ":" + pad(minute, 2) + ":00";
        }

        /** The day itself, or the next Monday when it falls on a week-end. */
        private static int weekday(int epochDay) {
            DayOfWeek dow = LocalDate.ofEpochDay(epochDay).getDayOfWeek();
            return switch (dow) {
                case SATURDAY -> epochDay + 2;
                case SUNDAY -> epochDay + 1;
                default -> epochDay;
            };
        }

        private static String phone(char first, char second, SplittableRandom rng) {
            StringBuilder sb = new StringBuilder(14).append(first).append(second);
            for (int g = 0; g < 4; g++) {
                int v = rng.nextInt(100);
                sb.append(' ').append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
            }
            return sb.toString();
        }

        /** The landline zone (01..05) of a département. */
        private static char phoneZone(String dept) {
            Set<String> idf = Set.of("75", "77", "78", "91", "92", "93", "94", "95");
            Set<String> nw = Set.of("14", "18", "22", "27", "28", "29", "35", "36", "37", "41", "44", "45", "49", "50",
                    "53", "56", "61", "72", "76", "85", "974", "976");
            Set<String> ne = Set.of("02", "08", "10", "21", "25", "39", "51", "52", "54", "55", "57", "58", "59", "60",
                    "62", "67", "68", "70", "71", "80", "88", "89", "90");
            Set<String> se = Set.of("01", "03", "04", "05", "06", "07", "11", "13", "15", "20", "26", "30", "34", "38",
                    "42", "43", "48", "63", "66", "69", "73", "74", "83", "84");
            String d = dept.length() > 2 && dept.startsWith("0") ? dept.substring(1) : dept;
            if (d.length() == 2 && idf.contains(d) || idf.contains(dept)) {
                return '1';
            }
            if (nw.contains(d)) {
                return '2';
            }
            if (ne.contains(d)) {
                return '3';
            }
            if (se.contains(d)) {
                return '4';
            }
            return '5';
        }

        private static String pad(long value, int width) {
            String s = Long.toString(value);
            if (s.length() >= width) {
                return s;
            }
            return "0".repeat(width - s.length()) + s;
        }

        private static int pickCumulative(double[] cum, SplittableRandom rng) {
            double total = cum[cum.length - 1];
            double x = rng.nextDouble() * total;
            int i = Arrays.binarySearch(cum, x);
            i = i >= 0 ? i + 1 : -i - 1;
            // skip zero-weight entries that share the cumulative value
            while (i < cum.length - 1 && (i > 0 ? cum[i] - cum[i - 1] : cum[i]) <= 0) {
                i++;
            }
            return Math.min(i, cum.length - 1);
        }

        private static boolean contains(int[] values, int n, int v) {
            for (int i = 0; i < n; i++) {
                if (values[i] == v) {
                    return true;
                }
            }
            return false;
        }

        private static <T> void shuffle(List<T> list, SplittableRandom rng) {
            for (int i = list.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                T t = list.get(i);
                list.set(i, list.get(j));
                list.set(j, t);
            }
        }

        private static void addN(List<String> list, String value, int n) {
            for (int i = 0; i < n; i++) {
                list.add(value);
            }
        }
    }

    /** A growable list of ints without boxing. */
    static final class IntList {
        private int[] data = new int[16];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int get(int i) {
            return data[i];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
