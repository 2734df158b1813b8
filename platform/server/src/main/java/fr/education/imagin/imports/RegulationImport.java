package fr.education.imagin.imports;

import fr.education.imagin.core.db.CopyWriter;
import fr.education.imagin.core.tenant.Tenant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exam regulation (OCEAN / Cyclades-like, GEST-1): creates the exams, sessions, spécialités and
 * épreuve-options of {@link RegulationFile} the académie does not have yet, and updates those
 * whose columns differ (labels, family, the épreuve's nature and its teaching subject). Nothing
 * the file does not list is deleted. Where an épreuve-option's teaching subject was set or
 * changed, its SYS compétences are recomputed from the teachings ({@link SysCompetences}). The
 * rows go to temporary tables by COPY and are merged by set-based statements in one transaction;
 * the same file again writes nothing.
 */
public final class RegulationImport implements Importer {

    private static final Logger LOG = LoggerFactory.getLogger(RegulationImport.class);

    private final DataSource jdbc;

    public RegulationImport(DataSource jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportReport run(Tenant tenant, Path file, String actor, Progress progress) throws IOException {
        long start = System.nanoTime();
        RegulationFile.Rows rows;
        try (Reader in = ProgressInputStream.open(file, 50, progress)) {
            rows = RegulationFile.parse(in);
        }
        if (!rows.rejets().isEmpty()) {
            return ImportReport.refused(rows.lignes(), rows.rejets(), List.of());
        }
        try {
            return write(tenant, rows, actor, progress, new StepTimings(start));
        } catch (SQLException e) {
            throw new IllegalStateException("Regulation import of " + tenant.code() + " failed", e);
        }
    }

    private ImportReport write(Tenant tenant, RegulationFile.Rows rows, String actor, Progress progress, StepTimings timings)
            throws SQLException {
        timings.step("read");
        try (Connection conn = jdbc.getConnection()) {
            conn.setAutoCommit(false);
            try {
                try (PreparedStatement st = conn.prepareStatement("select set_config('search_path', ?, true)")) {
                    st.setString(1, tenant.schemaName());
                    st.execute();
                }
                progress.at(50, "Chargement des lignes");
                load(conn, rows);
                timings.step("copy");
                progress.at(65, "Écriture des examens, sessions, spécialités et épreuves-options");
                Map<String, Integer> crees = new TreeMap<>();
                Map<String, Integer> misAJour = new TreeMap<>();
                try (Statement st = conn.createStatement()) {
                    merge(st, "examens", "examen", "code", "sigle, libelle, famille", "i.code = x.code", crees, misAJour);
                    merge(st, "sessions", "session_examen", "examen_code, annee", "libelle",
                            "i.examen_code = x.examen_code and i.annee = x.annee", crees, misAJour);
                    merge(st, "spécialités", "specialite", "examen_code, code", "libelle",
                            "i.examen_code = x.examen_code and i.code = x.code", crees, misAJour);
                    mergeEpreuves(st, crees, misAJour);
                }
                timings.step("merge");
                progress.at(85, "Compétences SYS des épreuves-options dont la matière a changé");
                SysCompetences.Changes sys = SysCompetences.forEpreuves(conn, "reglementation_matiere");
                timings.step("sys");
                try (PreparedStatement st = conn.prepareStatement(
                        "insert into audit (actor, action, detail) values (?, 'IMPORT_REGLEMENTATION', ?)")) {
                    st.setString(1, actor);
                    st.setString(2, rows.lignes() + " lignes ; créés " + crees + " ; mis à jour " + misAJour
                            + " ; compétences SYS ajoutées " + sys.ajoutees() + ", retirées " + sys.retirees());
                    st.executeUpdate();
                }
                conn.commit();
                timings.step("commit");
                LOG.atInfo().addKeyValue("tenant", tenant.code()).addKeyValue("rows", rows.lignes())
                        .addKeyValue("created", crees).addKeyValue("updated", misAJour)
                        .addKeyValue("sys", sys.ajoutees() + "+/" + sys.retirees() + "-")
                        .addKeyValue("steps", timings).log("regulation import");
                return new ImportReport(rows.lignes(), List.of(), List.of(), crees, misAJour,
                        sys.any() ? List.of(sys.phrase()) : List.of());
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        }
    }

    private static void load(Connection conn, RegulationFile.Rows rows) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("""
                    create temporary table import_examen (code text primary key, sigle text not null, libelle text not null,
                        famille text not null) on commit drop""");
            st.execute("""
                    create temporary table import_session (examen_code text not null, annee int not null, libelle text not null,
                        primary key (examen_code, annee)) on commit drop""");
            st.execute("""
                    create temporary table import_specialite (examen_code text not null, code text not null, libelle text not null,
                        primary key (examen_code, code)) on commit drop""");
            st.execute("""
                    create temporary table import_epreuve (examen_code text not null, specialite_code text not null,
                        code text not null, libelle text not null, nature text not null, matiere text,
                        primary key (examen_code, specialite_code, code)) on commit drop""");
        }
        CopyManager copy = conn.unwrap(PGConnection.class).getCopyAPI();
        try (CopyWriter w = CopyWriter.open(copy, "import_examen", "code, sigle, libelle, famille")) {
            for (RegulationFile.Examen x : rows.examens()) {
                w.text(x.code()).text(x.sigle()).text(x.libelle()).raw(x.famille()).endRow();
            }
            w.finish();
        }
        try (CopyWriter w = CopyWriter.open(copy, "import_session", "examen_code, annee, libelle")) {
            for (RegulationFile.Session s : rows.sessions()) {
                w.text(s.examen()).num(s.annee()).text(s.libelle()).endRow();
            }
            w.finish();
        }
        try (CopyWriter w = CopyWriter.open(copy, "import_specialite", "examen_code, code, libelle")) {
            for (RegulationFile.Specialite s : rows.specialites()) {
                w.text(s.examen()).text(s.code()).text(s.libelle()).endRow();
            }
            w.finish();
        }
        try (CopyWriter w = CopyWriter.open(copy, "import_epreuve", "examen_code, specialite_code, code, libelle, nature, matiere")) {
            for (RegulationFile.Epreuve e : rows.epreuves()) {
                w.text(e.examen()).text(e.specialite()).text(e.code()).text(e.libelle()).raw(e.nature()).text(e.matiere()).endRow();
            }
            w.finish();
        }
        try (Statement st = conn.createStatement()) {
            for (String table : List.of("import_examen", "import_session", "import_specialite", "import_epreuve")) {
                st.execute("analyze " + table);
            }
        }
    }

    /**
     * Counts then writes the rows of {@code import_<table>} whose key {@code table} lacks, or whose
     * {@code columns} differ from it: {@code key} and {@code columns} are named alike in both.
     */
    private static void merge(Statement st, String kind, String table, String key, String columns, String join,
                              Map<String, Integer> crees, Map<String, Integer> misAJour) throws SQLException {
        String source = "import_" + (table.equals("session_examen") ? "session" : table);
        String firstKey = key.split(", ")[0];
        try (ResultSet rs = st.executeQuery("""
                select count(*) filter (where x.%1$s is null),
                       count(*) filter (where x.%1$s is not null and (%2$s) is distinct from (%3$s))
                from %4$s i left join %5$s x on %6$s""".formatted(firstKey, prefixed("x.", columns), prefixed("i.", columns),
                source, table, join))) {
            rs.next();
            crees.put(kind, rs.getInt(1));
            misAJour.put(kind, rs.getInt(2));
        }
        st.executeUpdate("""
                insert into %1$s (%2$s, %3$s) select %2$s, %3$s from %4$s
                on conflict (%2$s) do update set (%3$s) = row(%5$s)
                where (%6$s) is distinct from (%5$s)""".formatted(table, key, columns, source, prefixed("excluded.", columns),
                prefixed(table + ".", columns)));
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    /**
     * The épreuve-options: new ones and those whose label, nature or teaching subject differ. Those
     * whose subject was set or changed go to {@code reglementation_matiere} for their SYS compétences.
     */
    private static void mergeEpreuves(Statement st, Map<String, Integer> crees, Map<String, Integer> misAJour) throws SQLException {
        st.execute("""
                create temporary table reglementation_epreuve on commit drop as
                select s.id as specialite_id, i.code, i.libelle, i.nature, i.matiere, eo.id as epreuve_option_id,
                       eo.matiere_enseignement is distinct from i.matiere as matiere_changee
                from import_epreuve i
                join specialite s on s.examen_code = i.examen_code and s.code = i.specialite_code
                left join epreuve_option eo on eo.specialite_id = s.id and eo.code = i.code
                where eo.id is null or (eo.libelle, eo.nature, eo.matiere_enseignement) is distinct from (i.libelle, i.nature, i.matiere)""");
        try (ResultSet rs = st.executeQuery("""
                select count(*) filter (where epreuve_option_id is null), count(*) filter (where epreuve_option_id is not null)
                from reglementation_epreuve""")) {
            rs.next();
            crees.put("épreuves-options", rs.getInt(1));
            misAJour.put("épreuves-options", rs.getInt(2));
        }
        st.execute("create temporary table reglementation_matiere (epreuve_option_id bigint primary key) on commit drop");
        st.executeUpdate("""
                update epreuve_option eo set libelle = r.libelle, nature = r.nature, matiere_enseignement = r.matiere
                from reglementation_epreuve r where eo.id = r.epreuve_option_id""");
        st.executeUpdate("""
                insert into reglementation_matiere (epreuve_option_id)
                select epreuve_option_id from reglementation_epreuve where epreuve_option_id is not null and matiere_changee""");
        st.executeUpdate("""
                with nouvelles as (
                    insert into epreuve_option (specialite_id, code, libelle, nature, matiere_enseignement)
                    select specialite_id, code, libelle, nature, matiere from reglementation_epreuve where epreuve_option_id is null
                    returning id, matiere_enseignement)
                insert into reglementation_matiere (epreuve_option_id) select id from nouvelles where matiere_enseignement is not null""");
        st.execute("analyze reglementation_matiere");
    }
}
