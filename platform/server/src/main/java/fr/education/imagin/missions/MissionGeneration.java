package fr.education.imagin.missions;

import fr.education.imagin.core.plugins.Contribution;
import fr.education.imagin.core.plugins.PluginFailure;
import fr.education.imagin.core.plugins.PluginHost;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.plugin.api.Anomaly;
import fr.education.imagin.plugin.api.Generation;
import fr.education.imagin.plugin.api.Inscription;
import fr.education.imagin.plugin.api.MissionGenerator;
import fr.education.imagin.plugin.api.MissionPlan;
import fr.education.imagin.plugin.api.MissionType;
import fr.education.imagin.plugin.api.Signataire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.Reader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a registration import into missions of one académie through its enabled plugins'
 * {@link MissionGenerator}s, and writes them in one transaction: all of it or nothing.
 * Re-importing registrations (e.g. once Cyclades finished assigning the candidates) updates the
 * missions it created before whose expected candidates or assignment changed, and keeps what the
 * office changed since (dates, observation, convocations); importing the same file again changes
 * no mission and reports none created or updated. Blocking JDBC: call it from a worker thread.
 */
public final class MissionGeneration {

    private static final Logger LOG = LoggerFactory.getLogger(MissionGeneration.class);
    /** Longest span of an imported mission: beyond, the file is surely wrong. */
    private static final int MAX_DAYS = 366;

    private final PluginHost plugins;
    private final DataSource jdbc;

    public MissionGeneration(PluginHost plugins, DataSource jdbc) {
        this.plugins = plugins;
        this.jdbc = jdbc;
    }

    /** Reads the file (format: {@link RegistrationFile}) and generates its missions. */
    public GenerationReport importFile(Tenant tenant, Reader file, String actor) {
        RegistrationFile.Parsed parsed = RegistrationFile.parse(file);
        if (!parsed.ok()) {
            return GenerationReport.refused(parsed.errors(), List.of());
        }
        return generate(tenant, parsed.inscriptions(), actor);
    }

    /** The key of one mission: plans with the same key are merged. */
    private record Key(String type, String examen, int session, String specialite, String epreuve, String centre,
                       String variante) {
        static Key of(MissionPlan plan) {
            return new Key(plan.type(), plan.examen(), plan.session(), plan.specialite().orElse(""),
                    plan.epreuve().orElse(""), plan.centre(), plan.variante());
        }

        String cleImport() {
            return String.join("|", type, examen, String.valueOf(session), specialite, epreuve, centre, variante);
        }

        boolean onEpreuve() {
            return !epreuve.isEmpty();
        }
    }

    public GenerationReport generate(Tenant tenant, List<Inscription> inscriptions, String actor) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Contribution<MissionGenerator>> generators = plugins.contributions(tenant.code(), MissionGenerator.class);
        if (generators.isEmpty()) {
            return GenerationReport.refused(List.of("Aucun plugin de génération de missions n'est activé pour "
                    + tenant.nom() + " : rien à importer."), List.of());
        }
        Map<String, Contribution<MissionType>> types = new HashMap<>();
        plugins.missionTypes(tenant.code()).forEach(t -> types.put(t.extension().code(), t));
        Map<Key, MissionPlan> merged = new LinkedHashMap<>();
        for (Contribution<MissionGenerator> generator : generators) {
            Generation generation;
            try {
                generation = plugins.call(generator.pluginId(), "génération des missions",
                        () -> generator.extension().generate(inscriptions));
            } catch (PluginFailure e) {
                errors.add(e.getMessage());
                continue;
            }
            for (Anomaly anomaly : generation.anomalies()) {
                (anomaly.blocking() ? errors : warnings).add(anomaly.message());
            }
            for (MissionPlan plan : generation.missions()) {
                Contribution<MissionType> type = types.get(plan.type());
                if (type == null || !type.pluginId().equals(generator.pluginId())) {
                    errors.add("Le plugin « " + generator.pluginId() + " » demande une mission de type " + plan.type()
                            + " qu'il ne fournit pas.");
                    continue;
                }
                merged.merge(Key.of(plan), plan, MissionGeneration::merge);
            }
        }
        for (Map.Entry<Key, MissionPlan> e : merged.entrySet()) {
            long days = ChronoUnit.DAYS.between(e.getValue().premierJour(), e.getValue().dernierJour()) + 1;
            if (days > MAX_DAYS) {
                errors.add("La mission " + e.getKey().type() + " de " + e.getKey().centre() + " couvrirait " + days
                        + " jours : vérifiez les dates du fichier.");
            }
        }
        if (!errors.isEmpty()) {
            return GenerationReport.refused(errors, warnings);
        }
        try {
            return write(tenant, inscriptions, merged, types, warnings, actor);
        } catch (SQLException e) {
            throw new IllegalStateException("Registration import of " + tenant.code() + " failed", e);
        }
    }

    private static MissionPlan merge(MissionPlan a, MissionPlan b) {
        return new MissionPlan(a.type(), a.examen(), a.session(), a.specialite(), a.epreuve(), a.centre(),
                a.premierJour().isBefore(b.premierJour()) ? a.premierJour() : b.premierJour(),
                a.dernierJour().isAfter(b.dernierJour()) ? a.dernierJour() : b.dernierJour(),
                a.candidats() + b.candidats(), a.variante(), a.affectationTerminee() && b.affectationTerminee());
    }

    private GenerationReport write(Tenant tenant, List<Inscription> inscriptions, Map<Key, MissionPlan> missions,
                                   Map<String, Contribution<MissionType>> types, List<String> warnings, String actor)
            throws SQLException {
        try (Connection conn = jdbc.getConnection()) {
            conn.setAutoCommit(false);
            try {
                setSearchPath(conn, tenant.schemaName());
                List<String> errors = new ArrayList<>();
                Map<String, Long> sessions = sessions(conn, missions.keySet(), errors);
                checkCentres(conn, missions.keySet(), errors);
                if (!errors.isEmpty()) {
                    conn.rollback();
                    return GenerationReport.refused(errors, warnings);
                }
                Set<String> usedTypes = new TreeSet<>();
                missions.keySet().forEach(k -> usedTypes.add(k.type()));
                registerTypes(conn, usedTypes, types, errors);
                if (!errors.isEmpty()) {
                    conn.rollback();
                    return GenerationReport.refused(errors, warnings);
                }
                Map<String, Long> epreuves = epreuveOptions(conn, inscriptions, missions.keySet());
                Map<String, Integer> created = new TreeMap<>();
                Map<String, Integer> updated = new TreeMap<>();
                Map<String, Existing> existing = existing(conn, missions.keySet());
                List<Key> fresh = new ArrayList<>();
                Map<Long, MissionPlan> changed = new LinkedHashMap<>();
                for (Map.Entry<Key, MissionPlan> e : missions.entrySet()) {
                    Key key = e.getKey();
                    Existing before = existing.get(key.cleImport());
                    if (before == null) {
                        fresh.add(key);
                        created.merge(key.type(), 1, Integer::sum);
                    } else if (before.differsFrom(e.getValue())) {
                        changed.put(before.id(), e.getValue());
                        updated.merge(key.type(), 1, Integer::sum);
                    }
                }
                update(conn, changed);
                insert(conn, fresh, missions, types, sessions, epreuves);
                List<String> centres = declareCentres(conn, tenant, missions.keySet(), inscriptions);
                audit(conn, actor, inscriptions.size(), created, updated);
                conn.commit();
                LOG.atInfo().addKeyValue("tenant", tenant.code()).addKeyValue("rows", inscriptions.size())
                        .addKeyValue("created", created).addKeyValue("updated", updated).log("registration import");
                return new GenerationReport(List.of(), warnings, created, updated, centres);
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        }
    }

    private static void setSearchPath(Connection conn, String schema) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("select set_config('search_path', ?, true)")) {
            st.setString(1, schema);
            st.execute();
        }
    }

    /** Session ids by "examen|annee"; the regulation import must have created them. */
    private static Map<String, Long> sessions(Connection conn, Set<Key> keys, List<String> errors) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement st = conn.prepareStatement("select id from session_examen where examen_code = ? and annee = ?")) {
            for (Key key : keys) {
                String ref = key.examen() + "|" + key.session();
                if (ids.containsKey(ref)) {
                    continue;
                }
                st.setString(1, key.examen());
                st.setInt(2, key.session());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        ids.put(ref, rs.getLong(1));
                    } else {
                        ids.put(ref, null);
                        errors.add("Session " + key.session() + " de l'examen " + key.examen()
                                + " inconnue : importez d'abord la réglementation de l'examen.");
                    }
                }
            }
        }
        return ids;
    }

    private static void checkCentres(Connection conn, Set<Key> keys, List<String> errors) throws SQLException {
        Set<String> wanted = new TreeSet<>();
        keys.forEach(k -> wanted.add(k.centre()));
        Set<String> known = new TreeSet<>();
        try (PreparedStatement st = conn.prepareStatement("select uai from etablissement where uai = any(?)")) {
            st.setArray(1, conn.createArrayOf("text", wanted.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        wanted.removeAll(known);
        wanted.forEach(uai -> errors.add("Etablissement " + uai + " inconnu dans l'académie : importez-le avant les inscriptions."));
    }

    /** The plugins' mission types, refusing to take over a type the académie defined otherwise. */
    private static void registerTypes(Connection conn, Set<String> codes, Map<String, Contribution<MissionType>> types,
                                      List<String> errors) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("""
                insert into type_mission (code, libelle, remuneration, plugin_id) values (?, ?, ?, ?)
                on conflict (code) do update set libelle = excluded.libelle, remuneration = excluded.remuneration,
                    plugin_id = excluded.plugin_id
                where type_mission.plugin_id is null or type_mission.plugin_id = excluded.plugin_id""")) {
            for (String code : codes) {
                Contribution<MissionType> type = types.get(code);
                st.setString(1, code);
                st.setString(2, type.extension().libelle());
                st.setString(3, type.extension().remuneration().name());
                st.setString(4, type.pluginId());
                if (st.executeUpdate() == 0) {
                    errors.add("Le type de mission " + code + " existe déjà dans l'académie pour un autre plugin : "
                            + "import refusé.");
                }
            }
        }
    }

    /** Spécialités and épreuve-options of the planned missions, created from the file's labels when new. */
    private static Map<String, Long> epreuveOptions(Connection conn, List<Inscription> inscriptions, Set<Key> keys)
            throws SQLException {
        Map<String, Inscription> labels = new HashMap<>();
        inscriptions.forEach(r -> labels.putIfAbsent(r.examen() + "|" + r.specialite() + "|" + r.epreuve(), r));
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement specialite = conn.prepareStatement("""
                insert into specialite (examen_code, code, libelle) values (?, ?, ?)
                on conflict (examen_code, code) do update set code = excluded.code returning id""");
             PreparedStatement epreuve = conn.prepareStatement("""
                insert into epreuve_option (specialite_id, code, libelle) values (?, ?, ?)
                on conflict (specialite_id, code) do update set code = excluded.code returning id""")) {
            for (Key key : keys) {
                String ref = key.examen() + "|" + key.specialite() + "|" + key.epreuve();
                if (!key.onEpreuve() || ids.containsKey(ref)) {
                    continue;
                }
                Inscription row = labels.get(ref);
                if (row == null) {
                    throw new IllegalStateException("plan on an épreuve absent from the import: " + ref);
                }
                specialite.setString(1, key.examen());
                specialite.setString(2, key.specialite());
                specialite.setString(3, row.libelleSpecialite().isEmpty() ? key.specialite() : row.libelleSpecialite());
                long specialiteId = single(specialite);
                epreuve.setLong(1, specialiteId);
                epreuve.setString(2, key.epreuve());
                epreuve.setString(3, row.libelleEpreuve().isEmpty() ? key.epreuve() : row.libelleEpreuve());
                ids.put(ref, single(epreuve));
            }
        }
        return ids;
    }

    private static long single(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A mission an earlier import created, with what an import may change on it. */
    private record Existing(long id, int candidats, boolean affectationTerminee) {
        boolean differsFrom(MissionPlan plan) {
            return candidats != plan.candidats() || affectationTerminee != plan.affectationTerminee();
        }
    }

    private static Map<String, Existing> existing(Connection conn, Set<Key> keys) throws SQLException {
        Map<String, Existing> missions = new HashMap<>();
        try (PreparedStatement st = conn.prepareStatement("""
                select cle_import, id, candidats_attendus, affectation_cyclades_terminee from mission where cle_import = any(?)""")) {
            st.setArray(1, conn.createArrayOf("text", keys.stream().map(Key::cleImport).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    missions.put(rs.getString(1), new Existing(rs.getLong(2), rs.getInt(3), rs.getBoolean(4)));
                }
            }
        }
        return missions;
    }

    /** The missions whose expected candidates or assignment changed, by id. */
    private static void update(Connection conn, Map<Long, MissionPlan> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement st = conn.prepareStatement(
                "update mission set candidats_attendus = ?, affectation_cyclades_terminee = ? where id = ?")) {
            for (Map.Entry<Long, MissionPlan> e : changed.entrySet()) {
                st.setInt(1, e.getValue().candidats());
                st.setBoolean(2, e.getValue().affectationTerminee());
                st.setLong(3, e.getKey());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void insert(Connection conn, List<Key> fresh, Map<Key, MissionPlan> missions,
                               Map<String, Contribution<MissionType>> types, Map<String, Long> sessions,
                               Map<String, Long> epreuves) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        long numero = nextNumero(conn);
        try (PreparedStatement st = conn.prepareStatement("""
                insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin,
                    candidats_attendus, ouvre_droit_remuneration, convocation_etablissement, signature, variante,
                    cle_import, affectation_cyclades_terminee)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Key key : fresh) {
                MissionPlan plan = missions.get(key);
                MissionType type = types.get(key.type()).extension();
                st.setString(1, String.valueOf(numero++));
                st.setString(2, key.type());
                st.setLong(3, sessions.get(key.examen() + "|" + key.session()));
                Long epreuve = epreuves.get(key.examen() + "|" + key.specialite() + "|" + key.epreuve());
                if (epreuve == null) {
                    st.setNull(4, java.sql.Types.BIGINT);
                } else {
                    st.setLong(4, epreuve);
                }
                st.setString(5, key.centre());
                st.setDate(6, Date.valueOf(plan.premierJour()));
                st.setDate(7, Date.valueOf(plan.dernierJour()));
                st.setInt(8, plan.candidats());
                st.setBoolean(9, type.remunerated());
                st.setBoolean(10, type.openForConvocationByDefault());
                st.setString(11, type.signataire() == Signataire.CHEF_D_ETABLISSEMENT ? "ETABLISSEMENT" : "CENTRE");
                st.setString(12, key.variante());
                st.setString(13, key.cleImport());
                st.setBoolean(14, plan.affectationTerminee());
                st.addBatch();
            }
            st.executeBatch();
        }
        // The mission's days: what the convocation calendar offers (CONV-6).
        try (PreparedStatement st = conn.prepareStatement("""
                insert into mission_jour (mission_id, jour)
                select id, generate_series(date_debut, date_fin, interval '1 day')::date from mission where cle_import = any(?)""")) {
            st.setArray(1, conn.createArrayOf("text", fresh.stream().map(Key::cleImport).toArray()));
            st.executeUpdate();
        }
    }

    /**
     * The establishments holding a mission become exam centres of the académie (their Centre
     * Examen activities, and "Accès autres académies" from their other académies: the platform
     * registry, which the caller has every member reload), the digitisation centres of the rows
     * digitisation centres. Returns the UAIs that were not exam centres yet.
     */
    private static List<String> declareCentres(Connection conn, Tenant tenant, Set<Key> keys, List<Inscription> inscriptions)
            throws SQLException {
        List<String> declared = new ArrayList<>();
        Set<String> centres = new TreeSet<>();
        keys.forEach(k -> centres.add(k.centre()));
        try (PreparedStatement st = conn.prepareStatement(
                "update etablissement set centre_examen = true where uai = any(?) and not centre_examen returning uai")) {
            st.setArray(1, conn.createArrayOf("text", centres.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    declared.add(rs.getString(1));
                }
            }
        }
        Set<String> numerisation = new TreeSet<>();
        inscriptions.forEach(r -> numerisation.add(r.centreNumerisation()));
        try (PreparedStatement st = conn.prepareStatement(
                "update etablissement set centre_numerisation = true where uai = any(?) and not centre_numerisation")) {
            st.setArray(1, conn.createArrayOf("text", numerisation.toArray()));
            st.executeUpdate();
        }
        try (PreparedStatement st = conn.prepareStatement("""
                insert into platform.centre_examen_academie (uai, tenant_code) select unnest(?::text[]), ?
                on conflict do nothing""")) {
            st.setArray(1, conn.createArrayOf("text", centres.toArray()));
            st.setString(2, tenant.code());
            st.executeUpdate();
        }
        declared.sort(null);
        return declared;
    }

    /** Numbers follow the largest numeric one; the lock keeps two writers (imports, the office's form) from taking the same. */
    static final String NUMERO_LOCK = "select pg_advisory_xact_lock(hashtext(current_schema() || '.mission.numero'))";
    static final String NUMERO_SUIVANT = "select coalesce(max(numero::bigint), 100000) + 1 from mission where numero ~ '^[0-9]{1,18}$'";

    private static long nextNumero(Connection conn) throws SQLException {
        try (PreparedStatement lock = conn.prepareStatement(NUMERO_LOCK);
             PreparedStatement max = conn.prepareStatement(NUMERO_SUIVANT)) {
            lock.execute();
            return single(max);
        }
    }

    private static void audit(Connection conn, String actor, int rows, Map<String, Integer> created,
                              Map<String, Integer> updated) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("insert into audit (actor, action, detail) values (?, ?, ?)")) {
            st.setString(1, actor);
            st.setString(2, "IMPORT_INSCRIPTIONS");
            st.setString(3, rows + " lignes ; créées " + created + " ; mises à jour " + updated);
            st.executeUpdate();
        }
    }
}
